import { z } from 'zod';
import { toLocal } from '../db/model/zoned-time.js';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import { formatDateTime } from '../src/chat/format.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { formatLocalDate } from '../src/schedule/swedish-date.js';
import { activityItem, networkItem } from './activity-items.js';

/**
 * `delmal mina` — the asker's activities (as owner) and, for chairs, their networks, and whether
 * they are marked away. Not cached: being away changes without a catalog or check-in change.
 */
export const mine = defineCommand({
  name: 'mine',
  words: ['mina', 'mine', 'mitt', 'mig', 'my'],
  summary: 'cmd.mine.summary',
  examples: ['delmal mina'],
  args: z.object({}),
  toArgs: () => ({}),
  run: async (ctx): Promise<Reply> => {
    const { view } = ctx.catalog;
    const email = ctx.asker.email;
    if (!email) return textReply(ctx.t('mine.noEmail'));
    const person = view.people.get(email);
    if (!person) return textReply(ctx.t('mine.unknownPerson', { email }));
    const activities = view.activitiesOwnedBy(email);
    const networks = view.networksChairedBy(email);
    const blocks: Block[] = [{ type: 'heading', text: ctx.t('mine.heading', { name: person.name }) }];
    const away = await ctx.away?.current(email);
    if (away)
      blocks.push({
        type: 'text',
        text: ctx.t('mine.away', { until: formatLocalDate(away.until, ctx.asker.locale) }),
      });
    if (activities.length === 0) blocks.push({ type: 'text', text: ctx.t('mine.none') });
    else {
      blocks.push(...(await roundBlocks(ctx, email)), {
        type: 'list',
        heading: ctx.t('mine.activities', { count: activities.length }),
        items: activities.map((a) => activityItem(ctx, a)),
      });
    }
    if (networks.length > 0)
      blocks.push({
        type: 'list',
        heading: ctx.t('mine.networks'),
        items: networks.map((network) => networkItem(ctx, network)),
      });
    return { summary: ctx.t('mine.summary', { count: activities.length }), blocks };
  },
});

/**
 * What the owner is asked and when: the questions of open rounds still waiting for an answer (each
 * a tap from its check-in), then when the next round asks. Nothing where rounds are not kept (no
 * database): better silent than a fixed sentence that is wrong.
 */
export async function roundBlocks(ctx: CommandContext, email: string): Promise<Block[]> {
  if (!ctx.rounds) return [];
  const { view } = ctx.catalog;
  const [open, next] = await Promise.all([ctx.rounds.open(view, email), ctx.rounds.next(view, email)]);
  const when = (iso: string) => formatDateTime(iso, ctx.asker.locale, ctx.timezone);
  const blocks: Block[] = [];
  const waiting = open.flatMap((q) => {
    const activity = view.activities.get(q.activityId);
    return activity ? [{ activity, deadline: q.deadline }] : [];
  });
  if (waiting.length > 0)
    blocks.push({
      type: 'list',
      heading: ctx.t('mine.open', { count: waiting.length }),
      items: waiting.map(({ activity, deadline }) => ({
        title: activity.name,
        detail: ctx.t('mine.openDeadline', { deadline: deadlineDay(ctx, deadline) }),
        action: {
          kind: 'command',
          label: ctx.t('checkin.open'),
          command: `delmal avstamning ${activity.id}`,
        },
      })),
    });
  blocks.push({
    type: 'context',
    text: next ? ctx.t('mine.nextRound', { when: when(next.toISOString()) }) : ctx.t('mine.noRound'),
  });
  return blocks;
}

/** A round's deadline is the end of its last day (midnight after it): people are told that day. */
function deadlineDay(ctx: CommandContext, deadline: string): string {
  const lastDay = toLocal(new Date(Date.parse(deadline) - 1), ctx.timezone).date;
  return formatLocalDate(lastDay, ctx.asker.locale);
}

function textReply(text: string): Reply {
  return { summary: text, blocks: [{ type: 'text', text }] };
}
