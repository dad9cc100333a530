import type { Kysely, Selectable } from 'kysely';
import type { Database } from './database.js';
import type { LocalDate } from './model/local-date.js';
import type { NetworkDigestTable } from './network-tables.js';

export type NetworkDigestRow = Selectable<NetworkDigestTable>;

/**
 * Claims one network's digest slot for `worker`. The (network_id, slot) primary key makes each
 * weekly digest exactly-once across restarts and replicas: the first insert wins, every later one
 * does nothing (`on conflict do nothing` on both dialects). True when this call won.
 */
export async function claimDigest(
  db: Kysely<Database>,
  claim: {
    networkId: string;
    slot: LocalDate;
    periodFrom: string;
    periodTo: string;
    worker: string;
    status?: 'claimed' | 'skipped';
    reason?: string;
  },
  now: string,
): Promise<boolean> {
  const skipped = claim.status === 'skipped';
  const result = await db
    .insertInto('network_digests')
    .values({
      network_id: claim.networkId,
      slot: claim.slot,
      status: skipped ? 'skipped' : 'claimed',
      period_from: claim.periodFrom,
      period_to: claim.periodTo,
      claimed_by: claim.worker,
      claimed_at: now,
      finished_at: skipped ? now : null,
      channels: 0,
      reason: claim.reason ?? null,
    })
    .onConflict((oc) => oc.columns(['network_id', 'slot']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Marks a claimed digest sent to `channels` channels; only its claimant can. */
export async function finishDigest(
  db: Kysely<Database>,
  networkId: string,
  slot: LocalDate,
  worker: string,
  channels: number,
  now: string,
): Promise<boolean> {
  return settleClaim(db, networkId, slot, worker, { status: 'sent', channels, finished_at: now });
}

/** Ends a claim with `outcome`; fenced by the claimant, so a process that lost its claim changes nothing. */
async function settleClaim(
  db: Kysely<Database>,
  networkId: string,
  slot: LocalDate,
  worker: string,
  outcome:
    | { status: 'sent'; channels: number; finished_at: string }
    | { status: 'skipped'; reason: string; finished_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('network_digests')
    .set(outcome)
    .where('network_id', '=', networkId)
    .where('slot', '=', slot)
    .where('claimed_by', '=', worker)
    .where('status', '=', 'claimed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The slots of one network recorded from `since` (a local date) on: claimed, sent or skipped. */
export async function digestSlotsSince(
  db: Kysely<Database>,
  networkId: string,
  since: LocalDate,
): Promise<Set<LocalDate>> {
  const rows = await db
    .selectFrom('network_digests')
    .select('slot')
    .where('network_id', '=', networkId)
    .where('slot', '>=', since)
    .execute();
  return new Set(rows.map((r) => r.slot));
}

/** The network's latest digest that went out (or is going out): where the next one's period starts. */
export async function lastDigest(
  db: Kysely<Database>,
  networkId: string,
): Promise<NetworkDigestRow | undefined> {
  return db
    .selectFrom('network_digests')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('status', '!=', 'skipped')
    .orderBy('slot', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Takes over the digests claimed before `staleBefore` and never finished (their claimant crashed
 * between claim and enqueue): each row moves to `worker` in one conditional update, so of several
 * processes exactly one takes it (PostgreSQL re-checks the condition after a concurrent update
 * commits; SQLite writes one at a time). Returns the rows taken over.
 */
export async function reclaimStaleDigests(
  db: Kysely<Database>,
  worker: string,
  staleBefore: string,
  now: string,
): Promise<NetworkDigestRow[]> {
  const stale = await db
    .selectFrom('network_digests')
    .select(['network_id', 'slot', 'claimed_at'])
    .where('status', '=', 'claimed')
    .where('claimed_at', '<', staleBefore)
    .execute();
  const taken: NetworkDigestRow[] = [];
  for (const row of stale) {
    const won = await db
      .updateTable('network_digests')
      .set({ claimed_by: worker, claimed_at: now })
      .where('network_id', '=', row.network_id)
      .where('slot', '=', row.slot)
      .where('status', '=', 'claimed')
      .where('claimed_at', '=', row.claimed_at)
      .returningAll()
      .executeTakeFirst();
    if (won) taken.push(won);
  }
  return taken;
}

/** Records a claimed digest as not sent after all (taken over too late to be worth sending). */
export async function abandonDigest(
  db: Kysely<Database>,
  networkId: string,
  slot: LocalDate,
  worker: string,
  reason: string,
  now: string,
): Promise<boolean> {
  return settleClaim(db, networkId, slot, worker, { status: 'skipped', reason, finished_at: now });
}
