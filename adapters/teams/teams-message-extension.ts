import type { App } from '@microsoft/teams.apps';
import { z } from 'zod';
import type { AdapterDeps } from '../../src/asking/adapter-deps.js';
import { askerFor } from '../../src/asking/asker.js';
import { type ChatDeps, handleMessage } from '../../src/asking/handle-message.js';
import { translator } from '../../src/i18n/i18n.js';
import { renderAdaptiveCard } from './render-card.js';
import { guardInvoke } from './teams-boundary.js';
import { type TeamsWhere, teamsInbound, teamsWhere } from './teams-inbound-message.js';

// composeExtension/query: what the compose box sends when someone searches delmal.
const extensionQuery = z.object({
  value: z.object({
    commandId: z.string(),
    parameters: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  }),
});

/**
 * The message extension: search delmål and activities from the compose box; each result inserts
 * the same card `/delmal <n>` or `delmal aktivitet …` would answer with, into any conversation.
 */
export function registerMessageExtension(app: App, deps: AdapterDeps): void {
  const chat: ChatDeps = { ...deps.chat, platform: 'teams' };
  app.on(
    'message.ext.query',
    guardInvoke(
      deps,
      'message.ext.query',
      async ({ activity }) => {
        const parsed = extensionQuery.safeParse(activity);
        const where = teamsWhere.safeParse(activity);
        const query =
          parsed.success && where.success
            ? (parsed.data.value.parameters.find((p) => p.name === 'query')?.value ?? '').trim()
            : '';
        const { search, view } = await deps.chat.store.get();
        const asker = askerFor((await deps.chat.store.get()).view, undefined, deps.locale);
        const t = translator(asker.locale);
        // Only the current plan's delmål open with `delmal <n>`; an older plan's målbild is not one of them.
        const hits = (query ? search.search(query, { kinds: ['goal', 'activity'], limit: 10 }) : []).filter(
          (hit) => hit.kind !== 'goal' || view.goals.get(hit.refId)?.plan.current,
        );
        const attachments = await Promise.all(
          hits.map(async (hit) => {
            const command =
              hit.kind === 'goal'
                ? `delmal ${view.goals.get(hit.refId)?.goal.number}`
                : `delmal aktivitet ${hit.refId}`;
            // Only reached with a valid activity (no query otherwise).
            const reply = await handleMessage(chat, teamsInbound(where.data as TeamsWhere, command), asker);
            return {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: renderAdaptiveCard(reply, t),
              preview: {
                contentType: 'application/vnd.microsoft.card.thumbnail',
                content: { title: hit.title, text: hit.where },
              },
            };
          }),
        );
        return {
          composeExtension: {
            type: 'result' as const,
            attachmentLayout: 'list' as const,
            attachments: attachments as never,
          },
        };
      },
      (_card, text) => ({ composeExtension: { type: 'message' as const, text } }) as never,
    ),
  );
}
