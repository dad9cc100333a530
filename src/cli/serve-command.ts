import { z } from 'zod';
import { SHUTDOWN_GRACE_MS, startDelmal } from '../app.js';
import { formatDateTime } from '../chat/format.js';
import { type Clock, simulatedClock } from '../clock.js';
import type { Config } from '../config/config.js';
import type { Translate } from '../i18n/i18n.js';
import { createLogger } from '../logger.js';
import { installProcessGuards } from '../server/process-guards.js';
import { collectStartUpGarbage } from '../server/start-up-garbage.js';
import { type CliContext, CliExit, configFor, describeError } from './context.js';
import { logDestination } from './log-output.js';

// With or without seconds; the offset is required (which moment in Stockholm would it be?).
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })]);

/**
 * The clock `serve` runs on: the context's, or with `--clock` a simulated one starting there
 * (local environment only: in production time is never simulated).
 */
function serveClock(ctx: CliContext, config: Config, t: Translate, start: string | undefined): Clock {
  if (start === undefined) return ctx.clock;
  if (config.env === 'production') {
    ctx.err(t('cli.serve.clockLocalOnly'));
    throw new CliExit(64);
  }
  if (!instant.safeParse(start).success) {
    ctx.err(t('cli.serve.clockInvalid', { value: start }));
    throw new CliExit(64);
  }
  const clock = simulatedClock(new Date(start), ctx.clock);
  ctx.err(t('cli.serve.clockStarted', { time: formatDateTime(start, config.locale, config.timezone) }));
  return clock;
}

/**
 * `delmal serve`: runs the bot until SIGINT/SIGTERM, then shuts down cleanly. `--clock` runs it on
 * simulated time (the playground then gets buttons that move time forward).
 */
export async function serveCommand(ctx: CliContext, options: { clock?: string } = {}): Promise<void> {
  const { config, t } = configFor(ctx, true);
  const clock = serveClock(ctx, config, t, options.clock);
  const logger = createLogger(config.logLevel, await logDestination(config.env, config.timezone));
  // Before anything can reject: a bug in one request must not take the process down silently.
  installProcessGuards(logger);
  let running: Awaited<ReturnType<typeof startDelmal>>;
  try {
    running = await startDelmal(config, {
      logger,
      clock,
      ticker: true,
      afterStartUp: () => {
        try {
          collectStartUpGarbage(logger);
        } catch (error) {
          logger.warn({ err: error }, 'start-up garbage collection failed');
        }
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SLACK_REJECTED') {
      ctx.err(t('cli.serve.slackRejected', { detail: (error as { slackError: string }).slackError }));
      throw new CliExit(78);
    }
    if (code === 'EADDRINUSE' || code === 'EACCES')
      ctx.err(t('cli.serve.port', { port: String(config.port), detail: describeError(error) }));
    else
      ctx.err(
        t('cli.databaseUnavailable', { database: config.database.dialect, detail: describeError(error) }),
      );
    throw new CliExit(code === 'EADDRINUSE' || code === 'EACCES' ? 75 : 69);
  }
  if (!config.slack && !config.teams) ctx.err(t('cli.serve.local', { port: String(running.port) }));
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // A second signal while finishing means "now": stop without waiting further.
  const force = (again: NodeJS.Signals) => {
    logger.warn({ signal: again }, 'second signal; exiting without waiting');
    process.exit(130);
  };
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  logger.info({ signal, graceMs: SHUTDOWN_GRACE_MS }, 'shutting down: finishing requests in flight');
  await running.close(SHUTDOWN_GRACE_MS);
  logger.info('stopped');
}
