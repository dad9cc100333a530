import { z } from 'zod';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import type { CatalogView } from '../src/catalog/catalog-view.js';
import { formatDateTime } from '../src/chat/format.js';
import type { Action, Reply } from '../src/chat/reply.js';
import { boundSearchQuery } from '../src/search/query-limits.js';
import type { SearchHit } from '../src/search/search-index.js';
import { capitalise } from './list-goals.js';

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
            title: hitTitle(ctx, hit),
            detail: [hit.snippet, hitWhere(ctx, hit)].filter(Boolean).join('\n'),
            action: openHit(ctx.catalog.view, hit, ctx.t('search.open')),
          })),
        },
      ],
    };
  },
});

/**
 * "Delmål 5: Sårbara barn …" for the current plan; an older plan's goals carry their own term and
 * plan ("Målbild 13 (Regionalt program för social välfärd 2012–2015): …"), never "Delmål: 13.".
 */
function hitTitle(ctx: CommandContext, hit: SearchHit): string {
  const entry = hit.kind === 'goal' ? ctx.catalog.view.goals.get(hit.refId) : undefined;
  if (!entry) return `${ctx.t(`search.kind.${hit.kind}`)}: ${hit.title}`;
  const { goal, plan } = entry;
  const params = { term: capitalise(plan.goalTerm), number: goal.number, title: goal.title };
  if (plan.current) return ctx.t('search.goalTitle', params);
  const period = `${plan.periodStart}–${plan.periodEnd ?? ''}`;
  return ctx.t('search.olderGoalTitle', { ...params, plan: `${plan.name} ${period}` });
}

/** Where a hit comes from; a note also says when it was written. */
function hitWhere(ctx: CommandContext, hit: SearchHit): string {
  if (hit.kind !== 'note' || !hit.at) return hit.where;
  return ctx.t('search.noteWhere', { date: formatDateTime(hit.at, ctx.asker.locale, ctx.timezone) });
}

function openHit(view: CatalogView, hit: SearchHit, label: string): Action | undefined {
  if (hit.kind === 'activity' || hit.kind === 'note')
    return { kind: 'command', label, command: `delmal aktivitet ${hit.refId}` };
  const goal = view.goals.get(hit.refId);
  if (hit.kind === 'goal' && goal?.plan.current)
    return { kind: 'command', label, command: `delmal ${goal.goal.number}` };
  return undefined;
}
