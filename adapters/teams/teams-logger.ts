import type { ILogger, LogLevel } from '@microsoft/teams.common';
import { scrubLogArguments } from '../../src/log-scrub.js';
import type { Logger } from '../../src/logger.js';

/** The Teams SDK's logger interface on top of our pino logger (same format, same redaction). */
export function teamsLogger(logger: Logger, name = 'teams'): ILogger {
  const child = logger.child({ component: name });
  // The SDK logs whole bodies and activities at debug level: only what happened is kept, never
  // what people wrote (see src/log-scrub.ts).
  const text = scrubLogArguments;
  const self: ILogger = {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    trace: (...msg: unknown[]) => child.trace(text(msg)),
    log: (level: LogLevel, ...msg: unknown[]) => {
      const write = {
        error: self.error,
        warn: self.warn,
        info: self.info,
        debug: self.debug,
        trace: self.trace,
      }[level];
      write?.(...msg);
    },
    child: (childName: string) => teamsLogger(logger, `${name}.${childName}`),
  };
  return self;
}
