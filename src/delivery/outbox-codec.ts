import { v7 as uuidv7 } from 'uuid';
import type { OutboxItemRow } from '../../db/database.js';
import type { NewOutboxItemRow } from '../../db/outbox-items.repository.js';
import type { DeliveryResult } from '../chat/chat-port.js';
import { isFrozenReply } from '../chat/immutable-reply.js';
import type { Address, SentMessageRef } from '../chat/inbound.js';
import { isLocale } from '../i18n/i18n.js';
import type { OutboxItem } from './deliveries.js';
import { DeliveryError } from './delivery-error.js';
import { addressSchema, laneSchema, localeSchema, recipientLabel, sentRefSchema } from './delivery-schema.js';
import { validateMessage } from './message-types.js';
import type { NewDelivery } from './outbox-message.js';

/** Lane order of the claim: interactive before bulk. */
const PRIORITY = { interactive: 0, bulk: 1 } as const;

/** Checks every part of a delivery; throws a `DeliveryError` naming what was wrong. */
export function validateDelivery(delivery: NewDelivery): NewDelivery {
  const issues: string[] = [];
  const check = <T>(name: string, schema: { safeParse(v: unknown): { success: boolean } }, v: T) => {
    if (!schema.safeParse(v).success) issues.push(name);
  };
  check('lane', laneSchema, delivery.lane);
  check('to', addressSchema, delivery.to);
  if (delivery.replaces !== undefined) check('replaces', sentRefSchema, delivery.replaces);
  if (delivery.locale !== undefined) check('locale', localeSchema, delivery.locale);
  if (
    delivery.dedupeKey !== undefined &&
    (typeof delivery.dedupeKey !== 'string' || delivery.dedupeKey === '')
  )
    issues.push('dedupeKey');
  if (issues.length > 0)
    throw new DeliveryError('invalid_message', `invalid delivery: ${issues.join(', ')}`, issues);
  return { ...delivery, message: validateMessage(delivery.message) };
}

/** The JSON of frozen (cached, shared) replies: a busy answer is serialised once, not per request. */
const replyJson = new WeakMap<object, string>();

/** The stored JSON of a message; a frozen reply's own JSON is reused (see `replyJson`). */
function messageJson(message: NewDelivery['message']): string {
  if (!('reply' in message) || !isFrozenReply(message.reply)) return JSON.stringify(message);
  const { reply, ...rest } = message;
  let json = replyJson.get(reply);
  if (json === undefined) {
    json = JSON.stringify(reply);
    replyJson.set(reply, json);
  }
  return `${JSON.stringify(rest).slice(0, -1)},"reply":${json}}`;
}

/**
 * A new outbox item's id: time-ordered (UUID version 7), so new rows land at the end of the
 * primary key's index instead of on a random page of it — a commit of a busy moment's items writes
 * a few pages, not one per item (the table keeps weeks of delivered items).
 */
export const newItemId = (): string => uuidv7();

/** The row storing a (validated) delivery, due at `now` unless `state` says how its first attempt went. */
export function toRow(
  delivery: NewDelivery,
  now: string,
  id: string = newItemId(),
  state: Partial<
    Pick<
      NewOutboxItemRow,
      'status' | 'attempts' | 'next_attempt_at' | 'uncertain' | 'last_error' | 'failure_reason'
    >
  > = {},
): NewOutboxItemRow {
  return {
    id,
    lane: delivery.lane,
    priority: PRIORITY[delivery.lane],
    to_address: JSON.stringify(delivery.to),
    message: messageJson(delivery.message),
    message_type: delivery.message.type,
    replaces: delivery.replaces ? JSON.stringify(delivery.replaces) : null,
    locale: delivery.locale ?? null,
    dedupe_key: delivery.dedupeKey ?? null,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    uncertain: 0,
    last_error: null,
    failure_reason: null,
    recipient: recipientLabel(delivery.to),
    created_at: now,
    ...state,
  };
}

/** The item a Deliverer gets, read back from its row (the message re-checked against its schema). */
export function fromRow(row: OutboxItemRow): OutboxItem {
  return {
    id: row.id,
    lane: row.lane,
    to: JSON.parse(row.to_address) as Address,
    message: validateMessage(JSON.parse(row.message)),
    ...(row.replaces ? { replaces: JSON.parse(row.replaces) as SentMessageRef } : {}),
    ...(isLocale(row.locale) ? { locale: row.locale } : {}),
    attempts: row.attempts,
    uncertain: row.uncertain === 1,
  };
}

/** The item a delivery would be, before it is stored (an inline `sendNow`). */
export function toItem(delivery: NewDelivery, id: string): OutboxItem {
  return {
    id,
    lane: delivery.lane,
    to: delivery.to,
    message: delivery.message,
    ...(delivery.replaces ? { replaces: delivery.replaces } : {}),
    ...(delivery.locale ? { locale: delivery.locale } : {}),
    attempts: 0,
    uncertain: false,
  };
}

/** A short, content-free description of a failed result, for `last_error` and logs. */
export function describeResult(result: DeliveryResult): string {
  if (result.ok) return 'ok';
  if (result.kind === 'rate_limited') return `rate_limited (${result.retryAfterMs} ms)`;
  return result.error.slice(0, 500);
}
