import { z } from 'zod';
import { defineCommand } from '../src/asking/command.js';
import { permits } from '../src/authz/matrix.js';
import { refusal } from '../src/authz/refuse.js';
import { rolesOf } from '../src/authz/roles.js';
import { formatDateTime } from '../src/chat/format.js';
import type { Reply } from '../src/chat/reply.js';
import { describeFailure } from '../src/delivery/unreachable-text.js';

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
    if (!permits('command.deliveries', rolesOf(ctx.catalog.view, ctx.asker.email)))
      return refusal(ctx.t, 'command.deliveries');
    if (!ctx.deliveries) return text(ctx.t('deliveries.unavailable'));
    const health = await ctx.deliveries();
    const pending = health.pending.interactive + health.pending.bulk;
    return {
      summary: ctx.t('deliveries.summary', { pending, failed: health.failed }),
      blocks: [
        { type: 'heading', text: ctx.t('deliveries.heading') },
        {
          type: 'fields',
          fields: [
            { label: ctx.t('deliveries.pending'), value: String(pending) },
            { label: ctx.t('deliveries.failed'), value: String(health.failed) },
          ],
        },
        health.failedRecipients.length === 0
          ? { type: 'text', text: ctx.t('deliveries.none') }
          : {
              type: 'list',
              heading: ctx.t('deliveries.recent'),
              // Per recipient and reason, the reason in plain words; never the message itself.
              items: health.failedRecipients.map((f) => ({
                title: `${f.recipient} · ${f.count}`,
                detail: `${formatDateTime(f.lastAt, ctx.asker.locale, ctx.timezone)} · ${describeFailure(f.reason, ctx.t)}`,
              })),
            },
      ],
    };
  },
});
