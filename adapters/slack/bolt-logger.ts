import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { scrubLogArguments } from '../../src/log-scrub.js';
import type { Logger } from '../../src/logger.js';

/** Bolt's logger interface on top of our pino logger, so Slack's logs share our format and redaction. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  // The SDK logs whole bodies and activities at debug level: only what happened is kept, never
  // what people wrote (see src/log-scrub.ts).
  // Scrubbing costs, and Bolt logs at debug level on every request: nothing is scrubbed for a
  // level the log does not write.
  const text = scrubLogArguments;
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](text(msg));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
