import type { Kysely, RawBuilder, UpdateObject } from 'kysely';
import type { DatabaseTarget } from './connection.js';
import type { Database, ScheduleRunRow } from './database.js';
import { dbTime } from './db-clock.js';
import type { LocalDate } from './model/local-date.js';

/**
 * Claims one slot of one schedule for `worker`. The (schedule_id, slot) primary key makes this
 * exactly-once across restarts and replicas: the first insert wins, every later one does nothing
 * (`on conflict do nothing`, the same on SQLite and PostgreSQL). True when this call won.
 */
export async function claimSlot(
  db: Kysely<Database>,
  scheduleId: string,
  slot: LocalDate,
  worker: string,
  /** When claimed: the database's clock (`dbTime`) where the claim is a lease others compare. */
  now: string | RawBuilder<string>,
): Promise<boolean> {
  return insertRun(db, { scheduleId, slot, worker, now, status: 'claimed', reason: null });
}

/**
 * Records a slot that will not run (summer pause, missed beyond the catch-up tolerance) so no
 * later tick tries it again and the history says why. False when the slot was already recorded.
 */
export async function recordSkippedSlot(
  db: Kysely<Database>,
  scheduleId: string,
  slot: LocalDate,
  reason: string,
  worker: string,
  now: string,
): Promise<boolean> {
  return insertRun(db, { scheduleId, slot, worker, now, status: 'skipped', reason });
}

async function insertRun(
  db: Kysely<Database>,
  run: {
    scheduleId: string;
    slot: LocalDate;
    worker: string;
    now: string | RawBuilder<string>;
    status: 'claimed' | 'skipped';
    reason: string | null;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('schedule_runs')
    .values({
      schedule_id: run.scheduleId,
      slot: run.slot,
      status: run.status,
      reason: run.reason,
      claimed_at: run.now,
      claimed_by: run.worker,
      finished_at: run.status === 'skipped' ? run.now : null,
    })
    .onConflict((oc) => oc.columns(['schedule_id', 'slot']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Marks a claimed slot done; only its claimant can (a stale worker's late finish changes nothing). */
export async function finishSlot(
  db: Kysely<Database>,
  scheduleId: string,
  slot: LocalDate,
  worker: string,
  now: string,
): Promise<boolean> {
  return updateOwnClaim(db, scheduleId, slot, worker, { status: 'done', finished_at: now });
}

/** Updates a slot's run only while `worker` still holds its claim; true when it did. */
async function updateOwnClaim(
  db: Kysely<Database>,
  scheduleId: string,
  slot: LocalDate,
  worker: string,
  set: UpdateObject<Database, 'schedule_runs'>,
): Promise<boolean> {
  const result = await db
    .updateTable('schedule_runs')
    .set(set)
    .where('schedule_id', '=', scheduleId)
    .where('slot', '=', slot)
    .where('claimed_by', '=', worker)
    .where('status', '=', 'claimed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The recorded runs of one schedule from `since` (a local date) on. */
export async function runsSince(
  db: Kysely<Database>,
  scheduleId: string,
  since: LocalDate,
): Promise<ScheduleRunRow[]> {
  return db
    .selectFrom('schedule_runs')
    .selectAll()
    .where('schedule_id', '=', scheduleId)
    .where('slot', '>=', since)
    .orderBy('slot')
    .execute();
}

type Dialect = DatabaseTarget['dialect'];

/**
 * Keeps `worker`'s claim on a slot alive (claimed_at = now on the database's clock) while its round
 * is being sent, so nobody resumes it meanwhile. False when the claim is no longer the worker's.
 */
export async function renewSlotClaim(
  db: Kysely<Database>,
  dialect: Dialect,
  scheduleId: string,
  slot: LocalDate,
  worker: string,
): Promise<boolean> {
  return updateOwnClaim(db, scheduleId, slot, worker, { claimed_at: dbTime(dialect) });
}

/** Runs still claimed whose claim was last renewed more than `staleMs` ago on the database's clock. */
export async function staleRuns(
  db: Kysely<Database>,
  dialect: Dialect,
  staleMs: number,
): Promise<ScheduleRunRow[]> {
  return db
    .selectFrom('schedule_runs')
    .selectAll()
    .where('status', '=', 'claimed')
    .where('claimed_at', '<', dbTime(dialect, -staleMs))
    .orderBy('claimed_at')
    .execute();
}

/**
 * Takes over a run whose claim has gone stale (its claimant died or stalled): one statement, so
 * of two processes resuming at once exactly one wins. True when `worker` now holds it.
 */
export async function takeOverStaleRun(
  db: Kysely<Database>,
  dialect: Dialect,
  run: Pick<ScheduleRunRow, 'schedule_id' | 'slot'>,
  worker: string,
  staleMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('schedule_runs')
    .set({ claimed_by: worker, claimed_at: dbTime(dialect) })
    .where('schedule_id', '=', run.schedule_id)
    .where('slot', '=', run.slot)
    .where('status', '=', 'claimed')
    .where('claimed_at', '<', dbTime(dialect, -staleMs))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
