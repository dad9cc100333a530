import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, OutboxRow } from './database.js';

export interface NewOutboxItem {
  readonly platform: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly dedupeKey?: string;
}

/**
 * Adds an item to the outbox unless one with the same dedupe key exists. Returns the item's id,
 * or undefined when it was a duplicate (the first one is, or will be, delivered).
 */
export async function enqueueOutbox(
  db: Kysely<Database>,
  item: NewOutboxItem,
  now: string,
  /** For an item whose first attempt was already made (and failed): its state after that attempt. */
  after?: { status: 'pending' | 'failed'; nextAttemptAt: string; lastError: string },
): Promise<string | undefined> {
  const id = randomUUID();
  const result = await db
    .insertInto('outbox')
    .values({
      id,
      platform: item.platform,
      kind: item.kind,
      payload: JSON.stringify(item.payload),
      dedupe_key: item.dedupeKey ?? null,
      status: after?.status ?? 'pending',
      attempts: after ? 1 : 0,
      next_attempt_at: after?.nextAttemptAt ?? now,
      last_error: after?.lastError ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? id : undefined;
}

/**
 * Claims up to `limit` due items for `leaseMs`: pending, due, and not claimed by a live worker.
 * Each claim is a conditional update, so two replicas never send the same item.
 */
export async function claimDueOutbox(
  db: Kysely<Database>,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxRow[]> {
  const candidates = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const row of candidates) {
    const result = await db
      .updateTable('outbox')
      .set({ claimed_until: leaseUntil, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push({ ...row, claimed_until: leaseUntil });
  }
  return claimed;
}

/**
 * Gives back claims this worker will not use (it is shutting down): the items are due again at
 * once for the next worker or start, instead of waiting for the lease to run out.
 */
export async function releaseOutboxClaims(
  db: Kysely<Database>,
  ids: readonly string[],
  leaseUntil: string,
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ claimed_until: null, updated_at: now })
    .where('id', 'in', [...ids])
    .where('status', '=', 'pending')
    .where('claimed_until', '=', leaseUntil)
    .execute();
}

/** Records the outcome of one attempt. */
export async function settleOutbox(
  db: Kysely<Database>,
  id: string,
  outcome:
    | { status: 'sent' }
    | { status: 'retry'; at: string; error: string }
    | { status: 'failed'; error: string },
  now: string,
): Promise<void> {
  const base = db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), claimed_until: null, updated_at: now }));
  if (outcome.status === 'sent')
    await base.set({ status: 'sent', sent_at: now, last_error: null }).where('id', '=', id).execute();
  else if (outcome.status === 'retry')
    await base.set({ next_attempt_at: outcome.at, last_error: outcome.error }).where('id', '=', id).execute();
  else await base.set({ status: 'failed', last_error: outcome.error }).where('id', '=', id).execute();
}

/** Items that could not be delivered, newest first — for `delmal doctor` and admins. */
export async function failedOutbox(db: Kysely<Database>, limit = 20): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'failed')
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** What administrators see about delivery: how many wait, how many failed for good, the latest failures. */
export interface DeliveryReport {
  readonly pending: number;
  readonly failed: number;
  readonly recentFailures: readonly {
    readonly at: string;
    readonly platform: string;
    readonly error: string;
  }[];
}

export async function deliveryReport(db: Kysely<Database>, limit = 10): Promise<DeliveryReport> {
  const counts = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const recent = await failedOutbox(db, limit);
  return {
    pending: count('pending'),
    failed: count('failed'),
    recentFailures: recent.map((r) => ({
      at: r.updated_at,
      platform: r.platform,
      error: r.last_error ?? '?',
    })),
  };
}
