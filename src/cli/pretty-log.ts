import { Writable } from 'node:stream';
import { prettyFactory } from 'pino-pretty';
import { localTimestamp } from '../../db/model/zoned-time.js';

/**
 * Log lines for people at a terminal or in local mode: `[2026-12-06 15:30:00 +01:00] INFO: …`
 * in the plan's time zone, one line each, fields after the message. Production keeps pino's JSON
 * lines for the log collector. Redaction already happened in pino, before this stream sees a line.
 * Formatted synchronously (pino-pretty's `prettyFactory`), so log lines and the CLI's own lines
 * reach the terminal in the order they were written.
 */
export function prettyLogStream(
  timeZone: string,
  destination: NodeJS.WritableStream,
  colorize: boolean,
): NodeJS.WritableStream {
  const format = prettyFactory({
    colorize,
    singleLine: true,
    ignore: 'pid,hostname,app',
    // pino's epoch milliseconds, untranslated, so the plan's zone (not the machine's) shows.
    translateTime: false,
    customPrettifiers: {
      time: (value) => {
        const at = new Date(Number(value));
        return `[${Number.isNaN(at.getTime()) ? String(value) : localTimestamp(at, timeZone)}]`;
      },
    },
  });
  return new Writable({
    write(chunk, _encoding, done) {
      destination.write(format(String(chunk)));
      done();
    },
  });
}
