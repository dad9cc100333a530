import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { installProcessGuards } from '../../../src/server/process-guards.js';

/** A stand-in process: an event emitter that records exit instead of exiting. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  return Object.assign(emitter, {
    exitCode: undefined as number | undefined,
    exits,
    exit: (code: number): never => {
      exits.push(code);
      return undefined as never;
    },
  });
}

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('process guards of delmal serve', () => {
  it('logs and counts an unhandled rejection and keeps the process running', () => {
    const proc = fakeProcess();
    const { lines, logger } = capture();
    const guards = installProcessGuards(logger, proc);
    proc.emit(
      'unhandledRejection',
      new TypeError("Cannot read properties of null (reading 'x') 19900101-1234"),
    );
    proc.emit('unhandledRejection', 'plain reason');
    expect(guards.unhandledRejections).toBe(2);
    expect(proc.exits).toEqual([]);
    expect(lines.join('')).toContain('unhandled promise rejection');
    // The reason's message may quote input: only its class and stack frames are logged.
    expect(lines.join('')).not.toContain('19900101-1234');
    expect(lines.join('')).toContain('TypeError');
    guards.uninstall();
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
  });

  it('logs an uncaught exception and exits non-zero once the log is flushed', async () => {
    const proc = fakeProcess();
    const { lines, logger } = capture();
    const guards = installProcessGuards(logger, proc);
    proc.emit('uncaughtException', new Error('boom'));
    await new Promise<void>((resolve) => setImmediate(resolve));
    guards.uninstall();
    expect(proc.exitCode).toBe(70);
    expect(proc.exits[0]).toBe(70);
    expect(lines.join('')).toContain('uncaught exception; exiting');
  });
});
