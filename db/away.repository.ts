import type { Kysely } from 'kysely';
import type { AwayPeriodRow, Database } from './database.js';
import type { AwayPeriod } from './model/away-period.js';
import type { LocalDate } from './model/local-date.js';

const periodOf = (row: AwayPeriodRow): AwayPeriod => ({
  id: row.id,
  personId: row.person_id,
  from: row.from_date,
  until: row.until_date,
  ...(row.note === null ? {} : { note: row.note }),
  ...(row.ended_at === null ? {} : { endedAt: row.ended_at }),
  ...(row.caught_up_at === null ? {} : { caughtUpAt: row.caught_up_at }),
});

/** The id of the person with `email` (lower-case), or undefined when the catalog lacks them. */
export async function personIdByEmail(db: Kysely<Database>, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

/** The absence that is open on `today` (started, not over, not ended early). */
export async function openAwayPeriod(
  db: Kysely<Database>,
  personId: string,
  today: LocalDate,
): Promise<AwayPeriod | undefined> {
  const row = await db
    .selectFrom('away_periods')
    .selectAll()
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .where('from_date', '<=', today)
    .where('until_date', '>=', today)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row && periodOf(row);
}

/**
 * Marks someone away from `from` until `until`. An open absence is extended or shortened in place
 * (one absence, one catch-up), otherwise a new one is stored.
 */
export async function saveAwayPeriod(
  db: Kysely<Database>,
  period: { id: string; personId: string; from: LocalDate; until: LocalDate; note: string | null },
  now: string,
): Promise<AwayPeriod> {
  return db.transaction().execute(async (trx) => {
    const open = await openAwayPeriod(trx, period.personId, period.from);
    if (open) {
      await trx
        .updateTable('away_periods')
        .set({ until_date: period.until, note: period.note })
        .where('id', '=', open.id)
        .execute();
      return { ...open, until: period.until, ...(period.note === null ? {} : { note: period.note }) };
    }
    await trx
      .insertInto('away_periods')
      .values({
        id: period.id,
        person_id: period.personId,
        from_date: period.from,
        until_date: period.until,
        note: period.note,
        created_at: now,
        ended_at: null,
        caught_up_at: null,
      })
      .execute();
    return {
      id: period.id,
      personId: period.personId,
      from: period.from,
      until: period.until,
      ...(period.note === null ? {} : { note: period.note }),
    };
  });
}

/** Ends the open absence (`delmal tillbaka`); false when there was none. */
export async function endAwayPeriod(
  db: Kysely<Database>,
  personId: string,
  today: LocalDate,
  now: string,
): Promise<boolean> {
  const open = await openAwayPeriod(db, personId, today);
  if (!open) return false;
  await db.updateTable('away_periods').set({ ended_at: now }).where('id', '=', open.id).execute();
  return true;
}

/** Every absence that touches [from, to] (local dates), by the person's e-mail — for previews and rounds. */
export async function awayPeriodsBetween(
  db: Kysely<Database>,
  from: LocalDate,
  to: LocalDate,
): Promise<Map<string, AwayPeriod[]>> {
  const rows = await db
    .selectFrom('away_periods')
    .innerJoin('people', 'people.id', 'away_periods.person_id')
    .selectAll('away_periods')
    .select('people.email')
    .where('away_periods.from_date', '<=', to)
    .where('away_periods.until_date', '>=', from)
    .orderBy('away_periods.from_date')
    .execute();
  const map = new Map<string, AwayPeriod[]>();
  for (const { email, ...row } of rows) map.set(email, [...(map.get(email) ?? []), periodOf(row)]);
  return map;
}

/** Every absence of one person, newest first (catch-up and export of a person's data). */
export async function awayPeriodsOf(db: Kysely<Database>, personId: string): Promise<AwayPeriod[]> {
  const rows = await db
    .selectFrom('away_periods')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('from_date', 'desc')
    .execute();
  return rows.map(periodOf);
}

/** Records that the catch-up prompt after an absence went out, so it goes out once. */
export async function markCaughtUp(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('away_periods')
    .set({ caught_up_at: now })
    .where('id', '=', id)
    .where('caught_up_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
