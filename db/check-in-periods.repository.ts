import type { Kysely } from 'kysely';
import type { CheckInRow, Database } from './database.js';

/**
 * Period queries for reports: they read only the period asked for (and one row per activity before
 * it), so a year's report does not pull the whole history into memory. Times are ISO-8601 UTC
 * strings, which compare correctly as text on both dialects.
 */

/** Check-ins with `from <= created_at < toExclusive`, oldest first (ties by id, so order is stable). */
export async function checkInsInPeriod(
  db: Kysely<Database>,
  from: string,
  toExclusive: string,
): Promise<CheckInRow[]> {
  return db
    .selectFrom('check_ins')
    .selectAll()
    .where('created_at', '>=', from)
    .where('created_at', '<', toExclusive)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The same rows in pages of `pageSize` (keyset pagination on created_at, id): an export of a long
 * period streams instead of holding every note in memory at once.
 */
export async function* checkInPagesInPeriod(
  db: Kysely<Database>,
  from: string,
  toExclusive: string,
  pageSize = 2000,
): AsyncGenerator<CheckInRow[]> {
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const cursor = after;
    const page = await db
      .selectFrom('check_ins')
      .selectAll()
      .where('created_at', '>=', from)
      .where('created_at', '<', toExclusive)
      .$if(cursor !== undefined, (q) =>
        q.where((eb) =>
          eb.or([
            eb('created_at', '>', cursor?.at ?? ''),
            eb.and([eb('created_at', '=', cursor?.at ?? ''), eb('id', '>', cursor?.id ?? '')]),
          ]),
        ),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { at: last.created_at, id: last.id };
  }
}

/**
 * The latest check-in of every activity strictly before `before` — each activity's status when a
 * period starts. One grouped query over the (activity_id, created_at) index, then the matching rows;
 * ties on the same instant are broken by the larger id, as everywhere else.
 */
export async function latestCheckInsBefore(db: Kysely<Database>, before: string): Promise<CheckInRow[]> {
  const rows = await db
    .selectFrom('check_ins as c')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('check_ins')
          .select(['activity_id', (e) => e.fn.max('created_at').as('latest_at')])
          .where('created_at', '<', before)
          .groupBy('activity_id')
          .as('m'),
      (join) => join.onRef('m.activity_id', '=', 'c.activity_id').onRef('m.latest_at', '=', 'c.created_at'),
    )
    .selectAll('c')
    .execute();
  const byActivity = new Map<string, CheckInRow>();
  for (const row of rows) {
    const seen = byActivity.get(row.activity_id);
    if (!seen || row.id > seen.id) byActivity.set(row.activity_id, row);
  }
  return [...byActivity.values()];
}
