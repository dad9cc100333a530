import { askerFor } from '../asking/asker.js';
import type { ChatCommand, CommandContext } from '../asking/command.js';
import { type ChatDeps, handleMessage } from '../asking/handle-message.js';
import { localInbound } from '../chat/inbound-schema.js';
import { renderText } from '../chat/render-text.js';
import type { Reply } from '../chat/reply.js';
import { databaseCheckIns } from '../checkins/check-in-service.js';
import { databaseOwnerRounds } from '../checkins/owner-rounds.js';
import { databaseNetworks } from '../digest/network-service.js';
import { type Translate, translator } from '../i18n/i18n.js';
import { createLogger } from '../logger.js';
import { databaseAway } from '../schedule/away-service.js';
import { SwedishCalendar } from '../schedule/calendar.js';
import { CatalogStore } from '../search/catalog-store.js';
import type { AskFormat } from './ask-formats.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';

/** A platform renderer as `delmal ask` uses it: the JSON the platform would get, and any limit it breaks. */
type AskRenderer = (
  reply: Reply,
  t: Translate,
) => { readonly rendered: unknown; readonly problems: readonly string[] };

/** The commands and renderers `delmal ask` runs with, given by the composition root (`src/app.ts`). */
export interface AskWiring {
  readonly commands: readonly ChatCommand[];
  readonly home: (ctx: CommandContext) => Reply | Promise<Reply>;
  readonly slack: AskRenderer;
  readonly teams: AskRenderer;
}

/**
 * `delmal ask [--as <email>] [--format text|json|slack|teams] "<text>"`: runs one chat message
 * against the local database exactly as Slack or Teams would, and prints the reply.
 */
export async function askCommand(
  ctx: CliContext,
  wiring: AskWiring,
  text: string,
  options: { as?: string; format: AskFormat },
): Promise<void> {
  const { config, t } = configFor(ctx, false);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const store = new CatalogStore(db);
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
    const asker = askerFor((await store.get()).view, options.as, config.locale);
    const chat: ChatDeps = {
      store,
      checkIns: databaseCheckIns(db, ctx.clock),
      commands: wiring.commands,
      home: wiring.home,
      clock: ctx.clock,
      logger,
      timezone: config.timezone,
      platform: 'cli',
      away: databaseAway(db, ctx.clock, config.timezone),
      networks: databaseNetworks(db, ctx.clock),
      rounds: databaseOwnerRounds(db, ctx.clock, new SwedishCalendar(config.locale)),
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
      case 'slack':
      case 'teams': {
        const { rendered, problems } = wiring[options.format](reply, rt);
        ctx.out(JSON.stringify(rendered, null, 2));
        if (problems.length > 0) {
          ctx.err(t('cli.ask.slackLimits', { problems: problems.join('; ') }));
          throw new CliExit(1);
        }
        return;
      }
    }
  });
}
