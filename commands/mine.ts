import { z } from 'zod';
import { defineCommand } from '../src/asking/command.js';
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
    else
      blocks.push(
        {
          type: 'list',
          heading: ctx.t('mine.activities', { count: activities.length }),
          items: activities.map((a) => activityItem(ctx, a)),
        },
        { type: 'context', text: ctx.t('mine.schedule') },
      );
    if (networks.length > 0)
      blocks.push({
        type: 'list',
        heading: ctx.t('mine.networks'),
        items: networks.map((network) => networkItem(ctx, network)),
      });
    return { summary: ctx.t('mine.summary', { count: activities.length }), blocks };
  },
});

function textReply(text: string): Reply {
  return { summary: text, blocks: [{ type: 'text', text }] };
}
