import type { Kysely, Selectable } from 'kysely';
import type { DatabaseTarget } from './connection.js';
import type { Database } from './database.js';
import { dbTime } from './db-clock.js';
import type { LocalDate } from './model/local-date.js';
import { claimSlot } from './schedule-runs.repository.js';
import type { CheckInPromptTable, CheckInRoundActivityTable, CheckInRoundTable } from './schedule-tables.js';

export type RoundRow = Selectable<CheckInRoundTable>;
export type RoundActivityRow = Selectable<CheckInRoundActivityTable>;
export type PromptRow = Selectable<CheckInPromptTable>;

/** Rows per INSERT: far below both dialects' parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Claims (schedule, slot) and opens its round with the activities it asks about, in ONE
 * transaction: the claim and the round exist together or not at all, so a crash right after the
 * claim leaves a round that a later tick can resume. False (nothing written) when another process
 * or an earlier tick claimed the slot first.
 */
export async function claimAndOpenRound(
  db: Kysely<Database>,
  dialect: DatabaseTarget['dialect'],
  round: RoundRow,
  activities: readonly Omit<RoundActivityRow, 'round_id' | 'check_in_id' | 'answered_at'>[],
  worker: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Claimed on the database's clock: the claim is a lease every replica compares the same way.
    if (!(await claimSlot(trx, round.schedule_id, round.slot, worker, dbTime(dialect)))) return false;
    await trx.insertInto('check_in_rounds').values(round).execute();
    for (const chunk of chunks(activities))
      await trx
        .insertInto('check_in_round_activities')
        .values(chunk.map((a) => ({ ...a, round_id: round.id, check_in_id: null, answered_at: null })))
        .execute();
    return true;
  });
}

export async function roundById(db: Kysely<Database>, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('check_in_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The activities a round asked about (or skipped, with why). */
export async function roundActivities(db: Kysely<Database>, roundId: string): Promise<RoundActivityRow[]> {
  return db
    .selectFrom('check_in_round_activities')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('activity_id')
    .execute();
}

/**
 * Marks a claimed run done whoever claimed it: the round is complete (its prompts are all in the
 * outbox), whether the claimant or a process that resumed it after a crash got there.
 */
export async function completeRun(
  db: Kysely<Database>,
  scheduleId: string,
  slot: LocalDate,
  now: string,
  reason: string | null = null,
): Promise<void> {
  await db
    .updateTable('schedule_runs')
    .set({ status: 'done', finished_at: now, reason })
    .where('schedule_id', '=', scheduleId)
    .where('slot', '=', slot)
    .where('status', '=', 'claimed')
    .execute();
}

/** The prompts (and reminders, catch-ups) of some rounds. */
export async function promptsOfRounds(
  db: Kysely<Database>,
  roundIds: readonly string[],
): Promise<PromptRow[]> {
  const rows: PromptRow[] = [];
  for (const ids of chunks(roundIds))
    rows.push(
      ...(await db.selectFrom('check_in_prompts').selectAll().where('round_id', 'in', ids).execute()),
    );
  return rows;
}

/**
 * Records prompts; one already recorded for the same (round, person, kind) is left as it is —
 * the unique index is what keeps a person from being asked twice in one round.
 */
export async function insertPrompts(db: Kysely<Database>, rows: readonly PromptRow[]): Promise<void> {
  for (const chunk of chunks(rows))
    await db
      .insertInto('check_in_prompts')
      .values(chunk)
      .onConflict((oc) => oc.columns(['round_id', 'person_id', 'kind']).doNothing())
      .execute();
}

/** The outbox items stored under these dedupe keys (key → item id). */
export async function outboxIdsByDedupeKey(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const chunk of chunks(keys)) {
    const rows = await db
      .selectFrom('outbox_items')
      .select(['id', 'dedupe_key'])
      .where('dedupe_key', 'in', chunk)
      .execute();
    for (const r of rows) if (r.dedupe_key) map.set(r.dedupe_key, r.id);
  }
  return map;
}

/** Of these outbox items, the ones delivered (status `sent`). */
export async function deliveredOutboxIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  const sent = new Set<string>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('outbox_items')
      .select('id')
      .where('id', 'in', chunk)
      .where('status', '=', 'sent')
      .execute();
    for (const r of rows) sent.add(r.id);
  }
  return sent;
}

/** Rounds opened at or before `now` whose deadline has not passed: where a reminder may still be due. */
export async function roundsBeforeDeadline(db: Kysely<Database>, now: string): Promise<RoundRow[]> {
  return db
    .selectFrom('check_in_rounds')
    .selectAll()
    .where('opened_at', '<=', now)
    .where('deadline_at', '>', now)
    .orderBy('opened_at')
    .execute();
}

/** Rounds opened in [from, to) (UTC ISO), oldest first. */
export async function roundsOpenedBetween(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<RoundRow[]> {
  return db
    .selectFrom('check_in_rounds')
    .selectAll()
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to)
    .orderBy('opened_at')
    .execute();
}

/** The activities of several rounds (round id → rows). */
export async function activitiesOfRounds(
  db: Kysely<Database>,
  roundIds: readonly string[],
): Promise<Map<string, RoundActivityRow[]>> {
  const map = new Map<string, RoundActivityRow[]>();
  for (const ids of chunks(roundIds)) {
    const rows = await db
      .selectFrom('check_in_round_activities')
      .selectAll()
      .where('round_id', 'in', ids)
      .execute();
    for (const r of rows) map.set(r.round_id, [...(map.get(r.round_id) ?? []), r]);
  }
  return map;
}

/**
 * Activities answered since a round opened: the round's own answer (`check_in_id`), or any
 * check-in on the activity from `openedAt` on — an answer given by hand, on another platform or
 * for another round still counts, so nobody is reminded about something they reported.
 */
export async function answeredSince(
  db: Kysely<Database>,
  roundId: string,
  openedAt: string,
  activityIds: readonly string[],
): Promise<Set<string>> {
  const answered = new Set<string>();
  const own = await db
    .selectFrom('check_in_round_activities')
    .select('activity_id')
    .where('round_id', '=', roundId)
    .where('check_in_id', 'is not', null)
    .execute();
  for (const r of own) answered.add(r.activity_id);
  for (const ids of chunks(activityIds)) {
    const rows = await db
      .selectFrom('check_ins')
      .select('activity_id')
      .distinct()
      .where('activity_id', 'in', ids)
      .where((eb) => eb.or([eb('round_id', '=', roundId), eb('created_at', '>=', openedAt)]))
      .execute();
    for (const r of rows) answered.add(r.activity_id);
  }
  return answered;
}

/** The latest time each activity was checked in on or edited (activity id → UTC ISO). */
export async function lastUpdates(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('check_ins')
    .select([
      'activity_id',
      (eb) => eb.fn.max('created_at').as('created'),
      (eb) => eb.fn.max('updated_at').as('updated'),
    ])
    .groupBy('activity_id')
    .execute();
  const map = new Map<string, string>();
  for (const r of rows) {
    const created = String(r.created ?? '');
    const updated = r.updated === null || r.updated === undefined ? '' : String(r.updated);
    map.set(r.activity_id, updated > created ? updated : created);
  }
  return map;
}

/** Every person's id by e-mail. */
export async function personIdsByEmail(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('people').select(['id', 'email']).execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Copies to the prompts why their outbox item failed for good (e.g. `not_in_workspace`,
 * `not_installed`, `blocked`; `gave_up` when retries ran out), so the round's report to admins
 * names everyone who could not be asked. Returns how many prompts were marked.
 */
export async function recordUnreachablePrompts(db: Kysely<Database>): Promise<number> {
  const failed = await db
    .selectFrom('check_in_prompts as p')
    .innerJoin('outbox_items as o', 'o.id', 'p.outbox_item_id')
    .select(['p.id', 'o.failure_reason'])
    .where('p.unreachable_reason', 'is', null)
    .where('o.status', '=', 'failed')
    .execute();
  for (const row of failed)
    await db
      .updateTable('check_in_prompts')
      .set({ unreachable_reason: row.failure_reason ?? 'gave_up' })
      .where('id', '=', row.id)
      .execute();
  return failed.length;
}

/** Prompts that could not be delivered, newest first, with the person's e-mail (for admins). */
export async function unreachablePrompts(
  db: Kysely<Database>,
  since: string,
): Promise<(PromptRow & { email: string | null })[]> {
  return db
    .selectFrom('check_in_prompts as p')
    .leftJoin('people', 'people.id', 'p.person_id')
    .selectAll('p')
    .select('people.email')
    .where('p.unreachable_reason', 'is not', null)
    .where('p.created_at', '>=', since)
    .orderBy('p.created_at', 'desc')
    .execute();
}
