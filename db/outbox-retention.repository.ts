import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Retention of delivery data, one small batch per call so pruning never holds a lock long enough
 * to slow sends: each function deletes at most `limit` rows and returns how many it deleted (the
 * caller calls again while it gets a full batch).
 */

/** Delivered items sent before `before`. */
export async function pruneDeliveredItems(
  db: Kysely<Database>,
  before: string,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('outbox_items')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_items')
        .select('id')
        .where('status', '=', 'sent')
        .where('updated_at', '<', before)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Items that failed for good before `before` (kept longer: administrators act on them). */
export async function pruneFailedItems(db: Kysely<Database>, before: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('outbox_items')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_items')
        .select('id')
        .where('status', '=', 'failed')
        .where('updated_at', '<', before)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Inbound receipts older than any retry a platform makes. */
export async function pruneInboundReceipts(
  db: Kysely<Database>,
  before: string,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('inbound_receipts')
    .where('key', 'in', (eb) =>
      eb.selectFrom('inbound_receipts').select('key').where('received_at', '<', before).limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Rate buckets untouched since `beforeUs` (a channel nobody wrote to for a day): recreated on use. */
export async function pruneIdleRateBuckets(
  db: Kysely<Database>,
  beforeUs: number,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('rate_buckets')
    .where('key', 'in', (eb) =>
      eb
        .selectFrom('rate_buckets')
        .select('key')
        .where('tat', '<', beforeUs)
        .where('paused_until', '<', beforeUs)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
