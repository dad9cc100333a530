import { startDelmal } from '../app.js';
import { createLogger } from '../logger.js';
import { installProcessGuards } from '../server/process-guards.js';
import { type CliContext, CliExit, configFor, describeError } from './context.js';

/** `delmal serve`: runs the bot until SIGINT/SIGTERM, then shuts down cleanly. */
export async function serveCommand(ctx: CliContext): Promise<void> {
  const { config, t } = configFor(ctx, true);
  const logger = createLogger(config.logLevel);
  // Before anything can reject: a bug in one request must not take the process down silently.
  installProcessGuards(logger);
  let running: Awaited<ReturnType<typeof startDelmal>>;
  try {
    running = await startDelmal(config, { logger, clock: ctx.clock });
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
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  logger.info('shutting down');
  await running.close();
}
