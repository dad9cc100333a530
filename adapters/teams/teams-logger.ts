import type { ILogger, LogLevel } from '@microsoft/teams.common';
import { scrubLogArguments } from '../../src/log-scrub.js';
import type { Logger } from '../../src/logger.js';

/** The Teams SDK's logger interface on top of our pino logger (same format, same redaction). */
export function teamsLogger(logger: Logger, name = 'teams', expected: readonly RegExp[] = []): ILogger {
  const child = logger.child({ component: name });
  // The SDK logs whole bodies and activities at debug level: only what happened is kept, never
  // what people wrote (see src/log-scrub.ts). Scrubbing costs, and the SDK logs at debug level on
  // every activity: nothing is scrubbed for a level the log does not write.
  const text = scrubLogArguments;
  const at =
    (level: 'debug' | 'info' | 'error' | 'trace') =>
    (...msg: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](text(msg));
    };
  // The SDK asks for a named child on every activity (`log.child('files')`): one per name is kept.
  const children = new Map<string, ILogger>();
  const self: ILogger = {
    debug: at('debug'),
    info: at('info'),
    // A warning about the set-up we chose on purpose (`expected`) is only worth a debug line.
    warn: (...msg: unknown[]) =>
      expected.some((e) => e.test(text(msg))) ? self.debug(...msg) : child.warn(text(msg)),
    error: at('error'),
    trace: at('trace'),
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
    child: (childName: string) => {
      let named = children.get(childName);
      if (!named) {
        named = teamsLogger(logger, `${name}.${childName}`, expected);
        children.set(childName, named);
      }
      return named;
    },
  };
  return self;
}
