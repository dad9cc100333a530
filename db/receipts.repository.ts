import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** One inbound request's receipt and the outbox rows to store with it when it is new. */
export interface ReceiptWithItems<Row> {
  readonly key: string;
  readonly rows: readonly Row[];
}

/** Receipts per INSERT: one parameter each, far below both dialects' limits. */
const RECEIPT_CHUNK = 1000;

/**
 * Records that inbound requests (a Slack event id, a Teams activity id …) are being handled: a
 * receipt is new the first time, not for a retry or duplicate, across replicas (the primary key
 * decides). Claims the receipts of many requests at once (a group commit; run it inside a transaction) and
 * calls `insert` with the rows of those that are new. Per entry: true when its receipt was new,
 * false for a retry or duplicate — including a second entry with the same key in the batch (the
 * first one wins, as if they had come one after the other).
 */
export async function claimReceipts<Row>(
  db: Kysely<Database>,
  entries: readonly ReceiptWithItems<Row>[],
  now: string,
  insert: (rows: Row[]) => Promise<unknown>,
): Promise<boolean[]> {
  const keys = [...new Set(entries.map((e) => e.key))];
  const fresh = new Set<string>();
  for (let i = 0; i < keys.length; i += RECEIPT_CHUNK) {
    const inserted = await db
      .insertInto('inbound_receipts')
      .values(keys.slice(i, i + RECEIPT_CHUNK).map((key) => ({ key, received_at: now })))
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    for (const row of inserted) fresh.add(row.key);
  }
  const outcome = entries.map((e) => fresh.delete(e.key));
  const rows = entries.flatMap((e, i) => (outcome[i] ? e.rows : []));
  if (rows.length > 0) await insert(rows);
  return outcome;
}
