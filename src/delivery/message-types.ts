import { z } from 'zod';
import { freezeReply, isFrozenReply } from '../chat/immutable-reply.js';
import type { Reply } from '../chat/reply.js';
import { type Locale, type Translate, translator } from '../i18n/i18n.js';
import { sv } from '../i18n/messages.sv.js';
import { DeliveryError } from './delivery-error.js';
import { localeSchema } from './delivery-schema.js';
import type { OutboxMessage } from './outbox-message.js';
import { replySchema } from './reply-schema.js';

/**
 * One kind of outbox message: its schema (checked at enqueue) and its renderer (run at send time
 * in the reader's language, so a stored item is rendered by the current code, not frozen).
 */
export interface MessageType<M extends OutboxMessage = OutboxMessage> {
  readonly type: M['type'];
  readonly schema: z.ZodType<M>;
  render(message: M, t: Translate, locale: Locale): Reply;
}

type MessageOfType<T extends OutboxMessage['type']> = Extract<OutboxMessage, { type: T }>;

const registry = new Map<string, MessageType>();

/**
 * Adds a message type. A feature declares its message in `OutboxMessageKinds` (outbox-message.ts)
 * and registers its schema and renderer here (src/checkins/prompt-message-type.ts,
 * src/digest/digest-message-type.ts); the outbox itself does not change. A type registers once.
 */
export function registerMessageType<T extends OutboxMessage['type']>(
  definition: MessageType<MessageOfType<T>>,
): void {
  if (registry.has(definition.type))
    throw new DeliveryError(
      'duplicate_message_type',
      `message type ${definition.type} is already registered`,
    );
  // Kept under its own `type`, so it only ever parses and renders messages of that type: what
  // lets a definition for one kind stand in the map of them all (`render` is a method, checked
  // bivariantly, and a `ZodType` is covariant in what it parses to).
  registry.set(definition.type, definition);
}

/** True when `type` has been registered. */
export function isMessageType(type: string): boolean {
  return registry.has(type);
}

function definitionOf(type: unknown): MessageType {
  const definition = typeof type === 'string' ? registry.get(type) : undefined;
  if (!definition)
    throw new DeliveryError(
      'unknown_message_type',
      // What to do about it, for whoever adds a kind: the registry is filled at module load.
      `unknown outbox message type: ${String(type)} (a feature's kind is registered by its *-message-type.ts module; import it in src/message-kinds.ts)`,
    );
  return definition;
}

/**
 * Checks `message` against its type's schema; returns the parsed message or throws a
 * `DeliveryError` (`unknown_message_type`, `invalid_message` with the paths that failed).
 */
export function validateMessage(message: unknown): OutboxMessage {
  const known = knownReply(message);
  if (known) return known;
  const definition = definitionOf((message as { type?: unknown } | null)?.type);
  const parsed = definition.schema.safeParse(message);
  if (!parsed.success)
    throw new DeliveryError(
      'invalid_message',
      `invalid ${definition.type} message`,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`),
    );
  const { data } = parsed;
  const original = (message as { reply?: unknown }).reply;
  if (data.type === 'reply' && isFrozenReply(original)) checkedReplies.set(original, freezeReply(data.reply));
  return data;
}

// Frozen replies (cached ones, which many askers get) already checked: their checked copy, itself
// frozen — checked once, and rendered once by each platform (their renderers key on the copy).
const checkedReplies = new WeakMap<Reply, Reply>();

/** A reply message whose (frozen) reply was checked before: checked again only around it. */
function knownReply(message: unknown): OutboxMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  // Other types (a bulk round's prompts) leave at once, without a copy of their fields.
  const { type, reply, locale } = message as Record<string, unknown>;
  if (type !== 'reply' || !isFrozenReply(reply) || Object.keys(message).length !== 3) return undefined;
  const checked = checkedReplies.get(reply);
  if (!checked || !localeSchema.safeParse(locale).success) return undefined;
  return { type: 'reply', reply: checked, locale: locale as Locale };
}

/** Renders a stored message as a neutral reply in `locale` (what a Deliverer sends). */
export function renderMessage(message: OutboxMessage, locale: Locale): Reply {
  return definitionOf(message.type).render(message, translator(locale), locale);
}

const messageKey = z.custom<keyof typeof sv>(
  (value) => typeof value === 'string' && Object.hasOwn(sv, value),
  'not a message key of the catalog',
);

registerMessageType<'reply'>({
  type: 'reply',
  schema: z.object({ type: z.literal('reply'), reply: replySchema, locale: localeSchema }),
  // Composed for its asker already, in their language when it was asked.
  render: (message) => message.reply,
});

registerMessageType<'text'>({
  type: 'text',
  schema: z.object({
    type: z.literal('text'),
    key: messageKey,
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
  render: (message, t) => {
    const text = t(message.key, message.params);
    return { summary: text, blocks: [{ type: 'text', text }] };
  },
});
