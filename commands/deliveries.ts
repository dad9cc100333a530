import { z } from 'zod';
import { defineCommand } from '../src/chat/command.js';
import { formatDateTime } from '../src/chat/format.js';
import type { Reply } from '../src/chat/reply.js';

const text = (message: string): Reply => ({ summary: message, blocks: [{ type: 'text', text: message }] });

/**
 * `delmal leveranser` — for plan administrators: messages waiting to be delivered and those that
 * never will be (a person blocked the app, a channel is gone), so someone can act on them.
 */
export const deliveries = defineCommand({
  name: 'deliveries',
  words: ['leveranser', 'deliveries', 'utkorg'],
  summary: 'cmd.deliveries.summary',
  examples: ['delmal leveranser'],
  args: z.object({}),
  toArgs: () => ({}),
  run: async (ctx): Promise<Reply> => {
    const person = ctx.asker.email ? ctx.catalog.view.people.get(ctx.asker.email) : undefined;
    if (!person?.admin) return text(ctx.t('deliveries.adminOnly'));
    if (!ctx.deliveries) return text(ctx.t('deliveries.unavailable'));
    const report = await ctx.deliveries();
    return {
      summary: ctx.t('deliveries.summary', { pending: report.pending, failed: report.failed }),
      blocks: [
        { type: 'heading', text: ctx.t('deliveries.heading') },
        {
          type: 'fields',
          fields: [
            { label: ctx.t('deliveries.pending'), value: String(report.pending) },
            { label: ctx.t('deliveries.failed'), value: String(report.failed) },
          ],
        },
        report.recentFailures.length === 0
          ? { type: 'text', text: ctx.t('deliveries.none') }
          : {
              type: 'list',
              heading: ctx.t('deliveries.recent'),
              items: report.recentFailures.map((f) => ({
                title: `${formatDateTime(f.at, ctx.asker.locale, ctx.timezone)} · ${f.platform}`,
                detail: f.error,
              })),
            },
      ],
    };
  },
});
