import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Records that an inbound request with `key` (a Slack event id, a Teams activity id) is being
 * handled. True the first time, false for every retry or duplicate, across replicas: the primary
 * key decides.
 */
export async function claimReceipt(db: Kysely<Database>, key: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('inbound_receipts')
    .values({ key, received_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
