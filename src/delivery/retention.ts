import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import {
  pruneDeliveredItems,
  pruneFailedItems,
  pruneIdleRateBuckets,
  pruneInboundReceipts,
} from '../../db/outbox-retention.repository.js';
import type { RetentionOptions } from './outbox-options.js';

/** Rows deleted by one retention pass, per kind. */
export interface PruneCounts {
  readonly delivered: number;
  readonly failed: number;
  readonly receipts: number;
  readonly buckets: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One retention pass: at most one batch of each kind (so it never holds the tables for long).
 * Delivered items go after `deliveredDays`, failures after `failedDays`, inbound receipts after
 * `receiptDays`, and rate buckets idle for a day.
 */
export async function pruneOnce(
  db: Kysely<Database>,
  now: Date,
  options: Required<RetentionOptions>,
): Promise<PruneCounts> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return {
    delivered: await pruneDeliveredItems(db, ago(options.deliveredDays), options.batch),
    failed: await pruneFailedItems(db, ago(options.failedDays), options.batch),
    receipts: await pruneInboundReceipts(db, ago(options.receiptDays), options.batch),
    buckets: await pruneIdleRateBuckets(db, (now.getTime() - DAY_MS) * 1000, options.batch),
  };
}

/** True when a pass filled a batch of some kind: there is more to prune right away. */
export function prunedFullBatch(counts: PruneCounts, batch: number): boolean {
  return Object.values(counts).some((n) => n >= batch);
}
