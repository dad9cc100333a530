import { z } from 'zod';
import { registerMessageType } from '../delivery/message-types.js';
import type { DigestDetailsMessage, DigestMessage } from './digest-message.js';
import { renderDigest, renderDigestDetails } from './render-digest.js';

const text = z.string().max(20_000);
const id = z.string().min(1).max(200);
const iso = z.iso.datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const reason = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['blocked', 'at_risk']), note: text.optional(), author: text.optional() }),
  z.object({ kind: z.literal('changed'), from: id, to: id }),
  z.object({ kind: z.literal('needs_support'), note: text.optional(), author: text }),
  z.object({ kind: z.literal('overdue'), deadline: iso }),
]);

const digestShape = {
  networkId: id,
  networkName: text,
  kind: z.enum(['weekly', 'preview']),
  periodFrom: iso,
  periodTo: iso,
  timeZone: id,
  statuses: z.array(
    z.object({
      code: id,
      label: text,
      labelEn: text,
      tone: z.enum(['green', 'yellow', 'red', 'grey', 'blue']),
    }),
  ),
  counts: z.object({
    expected: z.number().int().min(0),
    reported: z.number().int().min(0),
    blocked: z.number().int().min(0),
    atRisk: z.number().int().min(0),
    missing: z.number().int().min(0),
  }),
  exceptions: z.array(
    z.object({
      activityId: id,
      name: text,
      owners: z.array(text),
      statusCode: id.optional(),
      reasons: z.array(reason).min(1),
    }),
  ),
  sections: z.array(
    z.object({
      kind: z.enum(['goal', 'focusArea']),
      id,
      number: z.number().int().optional(),
      title: text,
      followUp: z.boolean().optional(),
      rollUp: id.optional(),
      activities: z.number().int().min(0),
      expected: z.number().int().min(0).optional(),
      reported: z.number().int().min(0).optional(),
      updates: z.array(
        z.object({ activityId: id, name: text, statusCode: id, author: text, at: iso, note: text }),
      ),
    }),
  ),
  dueNextWeek: z.array(z.object({ date: localDate, activities: z.array(text) })),
};

/** The digest's shape, checked when it is enqueued (a stored item is always renderable). */
export const digestMessageSchema: z.ZodType<DigestMessage> = z.object({
  type: z.literal('digest'),
  ...digestShape,
});

const digestDetailsSchema: z.ZodType<DigestDetailsMessage> = z.object({
  type: z.literal('digest-details'),
  ...digestShape,
});

/** Registers the `digest` outbox message type once, at module load (imported wherever digests are sent). */
registerMessageType<'digest'>({
  type: 'digest',
  schema: digestMessageSchema,
  render: (message, t, locale) => renderDigest(message, t, locale),
});

registerMessageType<'digest-details'>({
  type: 'digest-details',
  schema: digestDetailsSchema,
  render: (message, t, locale) => renderDigestDetails({ ...message, type: 'digest' }, t, locale),
});
