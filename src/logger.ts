import { type Logger, pino } from 'pino';
import { currentRequestId } from './request-id.js';

export type { Logger } from 'pino';

/**
 * Paths that may carry secrets or personal data in log objects; pino replaces them before
 * anything is written. Config secrets are never logged in the first place — this is the net below.
 */
const REDACT = [
  '*.botToken',
  '*.signingSecret',
  '*.appToken',
  '*.clientSecret',
  '*.token',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  // Free text people write, and bodies that carry it: never logged, at any level.
  'text',
  '*.text',
  'body',
  '*.body',
  'payload',
  '*.payload',
  'activity',
  '*.activity',
  'event',
  'note',
  '*.note',
  'query',
  '*.query',
  'value',
  '*.value',
];

/** Creates the process logger: JSON lines on stdout, or silent in tests. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '****' },
      base: { app: 'delmal' },
      // The HTTP request a line was written for (see src/request-id.ts), whichever layer wrote it.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination ?? process.stdout,
  );
}
