import type { Logger } from '../logger.js';

/** What the guards have seen; `delmal serve` exposes nothing else, tests read the counter. */
export interface ProcessGuards {
  /** Promise rejections nobody handled since the guards were installed. */
  readonly unhandledRejections: number;
  /** Removes the listeners again (tests install and remove them around one server). */
  uninstall(): void;
}

interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  exit(code: number): never;
  exitCode?: number | string | null | undefined;
}

/**
 * Process-level safety net for `delmal serve`. An unhandled rejection is a bug in one request: it
 * is logged (error class and stack only — a rejection reason never carries the user's text into
 * the log as a message field) and counted, and the process keeps serving everyone else. An
 * uncaught exception leaves the process in an unknown state: it is logged, the log is flushed and
 * the process exits non-zero so the supervisor restarts it.
 */
export function installProcessGuards(logger: Logger, proc: GuardedProcess = process): ProcessGuards {
  let unhandledRejections = 0;
  const onRejection = (reason: unknown) => {
    unhandledRejections += 1;
    logger.error({ err: sanitise(reason), count: unhandledRejections }, 'unhandled promise rejection');
  };
  const onException = (error: Error) => {
    logger.fatal({ err: sanitise(error) }, 'uncaught exception; exiting');
    proc.exitCode = 70;
    // Exit once the log line is out; the timer bounds a destination that never confirms.
    logger.flush(() => proc.exit(70));
    setTimeout(() => proc.exit(70), 1000).unref();
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return {
    get unhandledRejections() {
      return unhandledRejections;
    },
    uninstall: () => {
      proc.off('unhandledRejection', onRejection);
      proc.off('uncaughtException', onException);
    },
  };
}

/** Keeps an error's class, code and stack frames; drops its message, which may quote input. */
function sanitise(reason: unknown): { type: string; code?: string; stack?: string } {
  if (!(reason instanceof Error)) return { type: typeof reason };
  const code = (reason as { code?: unknown }).code;
  const frames = reason.stack?.split('\n').slice(1).join('\n');
  return {
    type: reason.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
