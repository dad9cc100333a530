import type { DeliveryResult, RateBucket } from '../chat/chat-port.js';
import type { Address, SentMessageRef } from '../chat/inbound.js';
import type { Locale } from '../i18n/i18n.js';
import type { Lane, NewDelivery, OutboxMessage } from './outbox-message.js';

/** One stored delivery as the worker hands it out: neutral target, neutral message. */
export interface OutboxItem {
  readonly id: string;
  readonly lane: Lane;
  readonly to: Address;
  readonly message: OutboxMessage;
  readonly replaces?: SentMessageRef;
  readonly locale?: Locale;
  /** Failed attempts so far (rate limiting does not count). */
  readonly attempts: number;
  /** True when an earlier attempt's outcome is unknown: look before sending again. */
  readonly uncertain: boolean;
  /** When the item was stored (ISO 8601): where a look for an earlier attempt starts. */
  readonly createdAt?: string;
}

/**
 * The far side of the outbox: turns a stored item into a platform call through the right
 * `ChatPort` (rendering at send time in the reader's language). Implemented once over all ports.
 */
export interface Deliverer {
  /** The rate buckets a delivery to `to` draws on. */
  buckets(to: Address): readonly RateBucket[];
  deliver(item: OutboxItem, signal: AbortSignal): Promise<DeliveryResult>;
  /** For an uncertain item: did an earlier attempt arrive after all? `undefined`: cannot tell. */
  findSent?(item: OutboxItem, signal?: AbortSignal): Promise<SentMessageRef | null | undefined>;
}

/**
 * What a message type does around its send (registered by the composition root): `prepare` gives
 * the message as it should read now (e.g. a check-in prompt filled in with the answers given while
 * it waited); `sent` runs after a successful send with what was rendered and where it went. Hooks
 * never throw: `sent` runs after the platform accepted the message, which must not be sent again.
 */
export interface SendTimeHooks {
  prepare?(message: OutboxMessage): Promise<OutboxMessage>;
  sent?(item: OutboxItem, rendered: OutboxMessage, ref: SentMessageRef): Promise<void>;
}

/** How the core and the adapters send: everything goes through the outbox. */
export interface Deliveries {
  /** Stores one delivery (its message checked against its type's schema); undefined when a duplicate. */
  enqueue(delivery: NewDelivery): Promise<string | undefined>;
  /**
   * Writes the inbound receipt `receiptKey` and the deliveries in one transaction: false (and
   * nothing stored) when the receipt existed — the request was a retry or a duplicate.
   */
  enqueueOnce(receiptKey: string, deliveries: readonly NewDelivery[]): Promise<boolean>;
  /**
   * An interactive answer: one attempt at once, inside the caller's request; stored for retry (or
   * as failed, for admins) only when that attempt did not succeed.
   */
  sendNow(delivery: NewDelivery): Promise<DeliveryResult>;
  /**
   * An interactive answer to an inbound request the platform may deliver again: writes the
   * receipt `receiptKey` and the item (claimed by this process) in one transaction, then makes one
   * attempt at once and records it. Undefined, and nothing sent, when the receipt existed. If the
   * process dies after the write, the claim runs out and a worker delivers the item. `stored` is
   * called once the receipt is committed (with the item, or found from an earlier delivery of the
   * request), before the attempt: from then on the request may be acknowledged.
   */
  sendNowOnce(
    receiptKey: string,
    delivery: NewDelivery,
    stored?: () => void,
  ): Promise<DeliveryResult | undefined>;
}
