import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { claimOutboxItems, settleOutboxItem } from '../../db/outbox-items.repository.js';
import type { RateBucket } from '../chat/chat-port.js';
import type { Deliverer, OutboxItem } from './deliveries.js';
import { fromRow } from './outbox-codec.js';

/** A claimed item in a worker's hands. */
export interface Held {
  readonly item: OutboxItem;
  readonly token: string;
  readonly buckets: readonly RateBucket[];
  readonly urgent: boolean;
  inFlight: boolean;
}

/**
 * Claims up to `limit` due items (only interactive ones with `interactiveOnly`) under a fresh
 * token for `leaseMs` on the database's clock, decoded into held items. How many rows were claimed counts every
 * one, including an item stored by an older version and no longer valid, which is settled as
 * failed here (kept for admins, never retried) instead of being held.
 */
export async function claimHeld(
  db: Db,
  deliverer: Deliverer,
  options: { nowMs: number; leaseMs: number; limit: number; interactiveOnly: boolean },
): Promise<{ claimed: number; held: Held[] }> {
  const { nowMs } = options;
  const token = randomUUID();
  const rows = await claimOutboxItems(db, {
    now: new Date(nowMs).toISOString(),
    leaseMs: options.leaseMs,
    token,
    limit: options.limit,
    interactiveOnly: options.interactiveOnly,
  });
  const held: Held[] = [];
  for (const row of rows) {
    let item: OutboxItem;
    try {
      item = fromRow(row);
    } catch (error) {
      await settleOutboxItem(
        db.kysely,
        db.dialect,
        row.id,
        token,
        { status: 'failed', error: String(error).slice(0, 300), reason: null, countAttempt: false },
        new Date(nowMs).toISOString(),
      );
      continue;
    }
    held.push({
      item,
      token,
      buckets: deliverer.buckets(item.to),
      urgent: item.lane === 'interactive',
      inFlight: false,
    });
  }
  return { claimed: rows.length, held };
}
