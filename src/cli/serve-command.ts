import { SHUTDOWN_GRACE_MS, startDelmal } from '../app.js';
import { createLogger } from '../logger.js';
import { installProcessGuards } from '../server/process-guards.js';
import { collectStartUpGarbage } from '../server/start-up-garbage.js';
import { type CliContext, CliExit, configFor, describeError } from './context.js';
import { logDestination } from './log-output.js';

/** `delmal serve`: runs the bot until SIGINT/SIGTERM, then shuts down cleanly. */
export async function serveCommand(ctx: CliContext): Promise<void> {
  const { config, t } = configFor(ctx, true);
  const logger = createLogger(config.logLevel, await logDestination(config.env, config.timezone));
  // Before anything can reject: a bug in one request must not take the process down silently.
  installProcessGuards(logger);
  let running: Awaited<ReturnType<typeof startDelmal>>;
  try {
    running = await startDelmal(config, {
      logger,
      clock: ctx.clock,
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
