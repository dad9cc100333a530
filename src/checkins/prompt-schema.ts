import { z } from 'zod';
import type { CheckInPromptMessage } from './prompt-message.js';

const tone = z.enum(['green', 'yellow', 'red', 'grey', 'blue']);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/**
 * The `checkin-prompt` outbox message as zod checks it at enqueue (and when a stored item is read
 * back): every activity with at least one status of its own plan to answer with.
 */
export const checkInPromptSchema: z.ZodType<CheckInPromptMessage> = z.object({
  type: z.literal('checkin-prompt'),
  kind: z.enum(['prompt', 'reminder', 'catch_up']),
  roundId: z.string().min(1).max(300),
  deadline: z.iso.date(),
  activities: z
    .array(
      z.object({
        activityId: slug,
        name: z.string().min(1).max(500),
        context: z.string().max(500).optional(),
        statuses: z
          .array(
            z.object({
              code: z.string().regex(/^[a-z][a-z0-9_]*$/),
              label: z.string().min(1).max(75),
              labelEn: z.string().min(1).max(75),
              tone,
            }),
          )
          .min(1)
          .max(10),
        currentStatus: z.string().optional(),
        currentAt: z.iso.datetime({ offset: true }).optional(),
        answer: z
          .object({
            statusCode: z.string().min(1),
            byName: z.string().min(1).max(200),
            byReader: z.boolean(),
            at: z.iso.datetime({ offset: true }),
            late: z.boolean(),
          })
          .optional(),
      }),
    )
    .min(1)
    .max(40),
  part: z
    .object({
      index: z.number().int().min(1),
      count: z.number().int().min(1),
      first: z.number().int().min(1),
      total: z.number().int().min(1),
    })
    .refine((p) => p.index <= p.count && p.first <= p.total, 'part outside the prompt')
    .optional(),
  reader: z.string().min(1).max(320).optional(),
});
