import type { Address, SentMessageRef } from '../chat/inbound.js';
import type { Reply } from '../chat/reply.js';
import type { Locale, MessageKey, MessageParams } from '../i18n/i18n.js';

/**
 * Two lanes: a reply to a person's own action is always sent before anything from a bulk round
 * (check-in prompts, reminders, digests), however long the bulk backlog is.
 */
export type Lane = 'interactive' | 'bulk';

/**
 * The kinds of message the outbox carries, by `type`. The outbox defines the two it needs itself;
 * each feature adds its own by declaration merging, next to its message type, e.g.
 * `declare module '../delivery/outbox-message.js' { interface OutboxMessageKinds { digest: DigestMessage } }`
 * (src/checkins/prompt-message.ts, src/digest/digest-message.ts), so the outbox knows no feature.
 * Exported for those declarations, which knip does not count as uses.
 *
 * @public
 */
export interface OutboxMessageKinds {
  /** An answer already composed for its asker, in their language (e.g. the reply to `/delmal 5`). */
  reply: { readonly type: 'reply'; readonly reply: Reply; readonly locale: Locale };
  /** One catalog message, rendered in the reader's language when sent (apologies, notices). */
  text: { readonly type: 'text'; readonly key: MessageKey; readonly params?: MessageParams };
}

/**
 * What to send, in neutral form: never a platform payload. Each `type` has one zod schema (checked
 * at enqueue) and one renderer that turns it into a `Reply` in the reader's language at send time,
 * so a stored item can be re-rendered after a renderer fix. Features add types by declaring them
 * in {@link OutboxMessageKinds} and registering them (message-types.ts), not by changing the outbox.
 */
export type OutboxMessage = OutboxMessageKinds[keyof OutboxMessageKinds];

/** One thing to deliver, as the core asks for it. */
export interface NewDelivery {
  readonly lane: Lane;
  readonly to: Address;
  readonly message: OutboxMessage;
  /** Replace this earlier message instead of posting a new one (an answered prompt, a refreshed card). */
  readonly replaces?: SentMessageRef;
  /** The same effect asked twice (a retried event, a double click) gives one item, one message. */
  readonly dedupeKey?: string;
  /** The reader's language when known at enqueue; otherwise the person's, else the workspace's. */
  readonly locale?: Locale;
}
