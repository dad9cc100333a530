import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * What a network digest reads, by period only: each activity's status when the period starts (one
 * index seek per activity on (activity_id, created_at)), the period's check-ins (the created_at
 * index), and the open rounds whose deadline has passed. Nothing scans the whole history, so a
 * digest costs the same after ten years of check-ins as after one.
 */

/** Chunk size for `in (…)` lists: well inside SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The status code of each activity's latest check-in strictly before `before` (activities without one are absent). */
export async function statusesBefore(
  db: Kysely<Database>,
  activityIds: readonly string[],
  before: string,
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const ids of chunks(activityIds)) {
    const rows = await db
      .selectFrom('activities as a')
      .where('a.id', 'in', ids)
      .select((eb) => [
        'a.id',
        eb
          .selectFrom('check_ins as c')
          .select('c.status_code')
          .whereRef('c.activity_id', '=', 'a.id')
          .where('c.created_at', '<', before)
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(1)
          .as('status_code'),
      ])
      .execute();
    for (const row of rows) if (row.status_code) result.set(row.id, row.status_code);
  }
  return result;
}

/** An activity asked about in a round whose deadline has passed without an answer. */
export interface OverdueActivity {
  readonly activityId: string;
  readonly roundId: string;
  readonly deadlineAt: string;
}

/**
 * Activities still without an answer after their round's deadline, in rounds opened since
 * `openedSince` and not yet closed at `at` (a later round asks again, and that one counts).
 */
export async function overdueActivities(
  db: Kysely<Database>,
  at: string,
  openedSince: string,
): Promise<OverdueActivity[]> {
  const rows = await db
    .selectFrom('check_in_round_activities as ra')
    .innerJoin('check_in_rounds as r', 'r.id', 'ra.round_id')
    .select(['ra.activity_id', 'ra.round_id', 'r.deadline_at'])
    .where('r.opened_at', '>=', openedSince)
    .where('r.deadline_at', '<=', at)
    .where((eb) => eb.or([eb('r.closes_at', 'is', null), eb('r.closes_at', '>', at)]))
    .where('ra.check_in_id', 'is', null)
    .where('ra.skipped_reason', 'is', null)
    .orderBy('r.deadline_at')
    .execute();
  return rows.map((r) => ({ activityId: r.activity_id, roundId: r.round_id, deadlineAt: r.deadline_at }));
}
