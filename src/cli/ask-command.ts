import { checkSlackLimits, renderSlackMessage } from '../../adapters/slack/render-blocks.js';
import { renderAdaptiveCard } from '../../adapters/teams/render-card.js';
import { COMMANDS } from '../../commands/index.js';
import { CatalogStore } from '../catalog/catalog-store.js';
import { askerFor } from '../chat/asker.js';
import { handleMessage } from '../chat/handle-message.js';
import { localInbound } from '../chat/inbound-schema.js';
import { renderText } from '../chat/render-text.js';
import { databaseCheckIns } from '../checkins/check-in-service.js';
import { translator } from '../i18n/i18n.js';
import { createLogger } from '../logger.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';

export const ASK_FORMATS = ['text', 'json', 'slack', 'teams'] as const;
export type AskFormat = (typeof ASK_FORMATS)[number];

/**
 * `delmal ask [--as <email>] [--format text|json|slack|teams] "<text>"`: runs one chat message
 * against the local database exactly as Slack or Teams would, and prints the reply.
 */
export async function askCommand(
  ctx: CliContext,
  text: string,
  options: { as?: string; format: AskFormat },
): Promise<void> {
  const { config, t } = configFor(ctx, false);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const store = new CatalogStore(db);
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
    const asker = askerFor((await store.get()).view, options.as, config.locale);
    const chat = {
      store,
      checkIns: databaseCheckIns(db, ctx.clock),
      commands: COMMANDS,
      clock: ctx.clock,
      logger,
      timezone: config.timezone,
      platform: 'cli',
    };
    // Typed at a terminal: a local DM, a new message each time (nothing to take for a repeat).
    const reply = await handleMessage(chat, localInbound(text, asker), asker);
    const rt = translator(asker.locale);
    switch (options.format) {
      case 'text':
        ctx.out(renderText(reply, rt));
        return;
      case 'json':
        ctx.out(JSON.stringify(reply, null, 2));
        return;
      case 'slack': {
        const message = renderSlackMessage(reply, rt);
        ctx.out(JSON.stringify(message, null, 2));
        const problems = checkSlackLimits(message);
        if (problems.length > 0) {
          ctx.err(t('cli.ask.slackLimits', { problems: problems.join('; ') }));
          throw new CliExit(1);
        }
        return;
      }
      case 'teams':
        ctx.out(JSON.stringify(renderAdaptiveCard(reply, rt), null, 2));
        return;
    }
  });
}
