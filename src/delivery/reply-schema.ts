import { z } from 'zod';
import type { Action, Block, Pagination, Reply } from '../chat/reply.js';

/**
 * The neutral `Reply` as a zod schema: what a stored outbox message may contain. Checked when an
 * item is enqueued, so nothing malformed is stored to fail at every retry.
 */
const action: z.ZodType<Action> = z.union([
  z.object({
    kind: z.literal('command'),
    label: z.string(),
    command: z.string(),
    style: z.literal('primary').optional(),
    refresh: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('url'), label: z.string(), url: z.string() }),
]);

const tone = z.enum(['green', 'yellow', 'red', 'grey', 'blue']);

/** A form's fields (shared by a form block and a question's form). */
const formShape = {
  label: z.string(),
  open: z.string(),
  expanded: z.boolean().optional(),
  errors: z.record(z.string(), z.string()).optional(),
  fields: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('text'),
        name: z.string().min(1),
        label: z.string(),
        maxLength: z.number().int().positive(),
        multiline: z.boolean().optional(),
        placeholder: z.string().optional(),
        value: z.string().optional(),
      }),
      z.object({
        kind: z.literal('toggle'),
        name: z.string().min(1),
        label: z.string(),
        value: z.boolean().optional(),
      }),
    ]),
  ),
  submits: z.array(
    z.object({
      label: z.string(),
      command: z.string(),
      style: z.literal('primary').optional(),
      refresh: z.boolean().optional(),
    }),
  ),
};

const block: z.ZodType<Block> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('fields'),
    fields: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  z.object({
    type: z.literal('list'),
    heading: z.string().optional(),
    items: z.array(
      z.object({
        title: z.string(),
        detail: z.string().optional(),
        status: z.object({ label: z.string(), tone }).optional(),
        action: action.optional(),
      }),
    ),
  }),
  z.object({ type: z.literal('actions'), actions: z.array(action) }),
  z.object({ type: z.literal('context'), text: z.string() }),
  z.object({
    type: z.literal('more'),
    label: z.string(),
    text: z.string(),
    command: z.string(),
    thread: z.boolean().optional(),
  }),
  z.object({ type: z.literal('divider') }),
  z.object({ type: z.literal('form'), ...formShape }),
  z.object({
    type: z.literal('question'),
    title: z.string(),
    detail: z.string().optional(),
    status: z.object({ label: z.string(), tone }).optional(),
    note: z.string().optional(),
    answers: z.array(action),
    form: z.object(formShape).optional(),
  }),
]);

const pagination: z.ZodType<Pagination> = z.object({
  page: z.number().int(),
  pages: z.number().int(),
  label: z.string(),
  previous: action.optional(),
  next: action.optional(),
});

/** A complete neutral reply. */
export const replySchema: z.ZodType<Reply> = z.object({
  summary: z.string(),
  blocks: z.array(block),
  pagination: pagination.optional(),
  privately: z.literal(true).optional(),
});
