import { z } from 'zod';
import { defineCommand } from '../src/chat/command.js';
import { boundSearchQuery } from '../src/chat/input-limits.js';
import type { Action, Reply } from '../src/chat/reply.js';
import type { SearchHit } from '../src/search/search-index.js';

const HITS = 8;

/** `delmal sok <fritext>` — search plans, insatsområden, delmål and activities. Free text lands here too. */
export const search = defineCommand({
  name: 'search',
  words: ['sok', 'search', 'hitta', 'find'],
  summary: 'cmd.search.summary',
  readOnly: true,
  examples: ['delmal sok ensamhet', 'vilka aktiviteter arbetar med ensamhet bland äldre?'],
  args: z.object({
    query: z.string().trim().min(1, { error: 'arg.query.missing' }).meta({ placeholder: 'arg.query' }),
  }),
  // Only the bounded query is searched (and shown): a pasted page costs what a question costs.
  toArgs: (rest) => ({ query: boundSearchQuery(rest) }),
  run: (ctx, { query }): Reply => {
    const hits = ctx.catalog.search.search(query, { limit: HITS });
    if (hits.length === 0)
      return {
        summary: ctx.t('search.none', { query }),
        blocks: [{ type: 'text', text: ctx.t('search.none', { query }) }],
      };
    return {
      summary: ctx.t('search.summary', { count: hits.length, query }),
      blocks: [
        { type: 'heading', text: ctx.t('search.heading', { query }) },
        {
          type: 'list',
          items: hits.map((hit) => ({
            title: `${ctx.t(`search.kind.${hit.kind}`)}: ${hit.title}`,
            detail: [hit.snippet, hit.where].filter(Boolean).join('\n'),
            action: openHit(ctx.catalog.view.goals, hit, ctx.t('search.open')),
          })),
        },
      ],
    };
  },
});

function openHit(
  goals: Map<string, { goal: { number: number }; plan: { current: boolean } }>,
  hit: SearchHit,
  label: string,
): Action | undefined {
  if (hit.kind === 'activity' || hit.kind === 'note')
    return { kind: 'command', label, command: `delmal aktivitet ${hit.refId}` };
  const goal = goals.get(hit.refId);
  if (hit.kind === 'goal' && goal?.plan.current)
    return { kind: 'command', label, command: `delmal ${goal.goal.number}` };
  return undefined;
}
