import { z } from 'zod';
import type { Activity } from '../db/model/catalog-schema.js';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import { badgeOf } from '../src/catalog/status.js';
import { formatDateTime } from '../src/chat/format.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { statusOf } from './activity-items.js';
import { noMatchReply, pickListReply, resolveActivity } from './activity-resolver.js';

const DESCRIPTION_LENGTH = 600;

/** `delmal aktivitet ‹namn›` — one activity, or a short pick list when several match. */
export const activity = defineCommand({
  name: 'activity',
  words: ['aktivitet', 'aktiviteter', 'activity', 'akt'],
  summary: 'cmd.activity.summary',
  readOnly: true,
  examples: ['delmal aktivitet CROSS', 'delmal aktivitet barnfattigdom'],
  args: z.object({
    query: z.string().trim().min(1, { error: 'arg.query.missing' }).meta({ placeholder: 'arg.activity' }),
  }),
  toArgs: (rest) => ({ query: rest }),
  run: async (ctx, { query }): Promise<Reply> => {
    const match = resolveActivity(ctx.catalog, query);
    if (match.kind === 'one') return activityReply(ctx, match.activity);
    if (match.kind === 'none') return noMatchReply(ctx, query);
    return pickListReply(ctx, query, match.activities, (a) => `delmal aktivitet ${a.id}`);
  },
});

async function activityReply(ctx: CommandContext, a: Activity): Promise<Reply> {
  const { view } = ctx.catalog;
  const status = statusOf(ctx, a);
  // What the follow-up report said, shown last in the history.
  const reported = view.statusOf(a, ctx.asker.locale, ctx.t);
  const history = await ctx.checkIns.history(a.id);
  const none = '–';
  const goals = a.goals
    .map((id) => view.goals.get(id))
    .filter((g) => g !== undefined)
    .map((g) => `${g.goal.number}. ${g.goal.title}`);
  const focusAreas = a.focusAreas.map((id) => view.focusAreas.get(id)?.area.title ?? id);
  const levels = a.interventionLevels.map((id) => view.levels.get(id)?.title ?? id);
  const owners = view.ownerNames(a);
  const period = [a.periodStart, a.periodEnd].filter(Boolean).join('–');
  const description = a.description.split(/\n{2,}/)[0] ?? '';
  const blocks: Block[] = [
    { type: 'heading', text: a.name },
    {
      type: 'fields',
      fields: [
        { label: ctx.t('activity.status'), value: status.badge.label },
        { label: ctx.t('activity.owners'), value: owners.join(', ') || ctx.t('activity.noOwner') },
        { label: ctx.t('activity.focusAreas'), value: focusAreas.join('\n') || none },
        { label: ctx.t('activity.goals'), value: goals.join('\n') || none },
        { label: ctx.t('activity.levels'), value: levels.join(', ') || none },
        ...(period ? [{ label: ctx.t('activity.period'), value: period }] : []),
      ],
    },
    {
      type: 'text',
      text:
        description.length > DESCRIPTION_LENGTH
          ? `${description.slice(0, DESCRIPTION_LENGTH).replace(/\s+\S*$/, '')} …`
          : description,
    },
  ];
  if (a.description.length > description.length || description.length > DESCRIPTION_LENGTH)
    blocks.push({
      type: 'more',
      label: ctx.t('activity.fullText'),
      text: a.description,
      command: `delmal aktivitet ${a.id}`,
    });
  blocks.push(
    { type: 'heading', text: ctx.t('activity.history') },
    {
      type: 'list',
      items: [
        ...history.map((row) => {
          const definition = view.vocabularyOf(a).find((d) => d.code === row.status_code);
          return {
            title: ctx.t('activity.history.checkIn', {
              date: formatDateTime(row.created_at, ctx.asker.locale, ctx.timezone),
              author: row.author_name,
            }),
            ...(row.note ? { detail: row.note } : {}),
            ...(definition ? { status: badgeOf(definition, ctx.asker.locale) } : {}),
          };
        }),
        {
          title: ctx.t('activity.history.report', {
            report: view.catalog.followUp?.title ?? '',
            year: String(view.catalog.followUp?.year ?? ''),
          }),
          detail: a.reportedStatusText ?? reported.badge.label,
          status: reported.badge,
        },
      ],
    },
    {
      type: 'context',
      text: ctx.t('activity.source', {
        document: a.source?.document ?? none,
        section: a.source?.section ?? none,
      }),
    },
    {
      type: 'actions',
      actions: [
        // Owners can check in from here; everyone can go on to the delmål it serves.
        ...(ctx.asker.email && a.owners.includes(ctx.asker.email)
          ? [
              {
                kind: 'command' as const,
                label: ctx.t('checkin.open'),
                command: `delmal avstamning ${a.id}`,
                style: 'primary' as const,
              },
            ]
          : []),
        ...a.goals
          .map((id) => view.goals.get(id)?.goal.number)
          .filter((n) => n !== undefined)
          .slice(0, 4)
          .map((n) => ({
            kind: 'command' as const,
            label: ctx.t('goals.open', { number: n }),
            command: `delmal ${n}`,
          })),
      ],
    },
  );
  return {
    summary: ctx.t('activity.summary', { name: a.name, status: status.badge.label }),
    blocks: blocks.filter((b) => b.type !== 'actions' || b.actions.length > 0),
  };
}
