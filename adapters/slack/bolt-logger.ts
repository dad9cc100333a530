import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { scrubLogArguments } from '../../src/log-scrub.js';
import type { Logger } from '../../src/logger.js';

/** Bolt's logger interface on top of our pino logger, so Slack's logs share our format and redaction. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  // The SDK logs whole bodies and activities at debug level: only what happened is kept, never
  // what people wrote (see src/log-scrub.ts).
  const text = scrubLogArguments;
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
