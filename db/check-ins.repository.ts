import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CheckInRow, Database } from './database.js';

export interface NewCheckIn {
  readonly activityId: string;
  readonly personId: string | null;
  readonly authorName: string;
  readonly statusCode: string;
  readonly note: string;
  readonly platform: string;
  /** The submission's own key: a second insert with the same key records nothing. */
  readonly idempotencyKey?: string;
}

/** The columns a plain check-in (not answering a round, never edited) has. */
export const PLAIN_CHECK_IN = {
  round_id: null,
  late: 0,
  next_step: null,
  needs_support: 0,
  version: 1,
  updated_at: null,
} as const satisfies Partial<CheckInRow>;

/**
 * Appends a check-in and bumps the check-in revision (caches on every replica reload), atomically.
 * With an idempotency key already recorded, nothing is written and the earlier check-in is
 * returned (`created: false`), so the same submission twice answers with the same confirmation.
 */
export async function insertCheckIn(
  db: Kysely<Database>,
  checkIn: NewCheckIn,
  now: string,
): Promise<{ readonly row: CheckInRow; readonly created: boolean }> {
  const row: CheckInRow = {
    id: randomUUID(),
    activity_id: checkIn.activityId,
    person_id: checkIn.personId,
    author_name: checkIn.authorName,
    status_code: checkIn.statusCode,
    note: checkIn.note,
    platform: checkIn.platform,
    created_at: now,
    idempotency_key: checkIn.idempotencyKey ?? null,
    ...PLAIN_CHECK_IN,
  };
  return db.transaction().execute(async (trx) => {
    // ON CONFLICT DO NOTHING on both dialects: a concurrent twin waits for the first to commit,
    // then inserts nothing; the row it then reads is the one that won.
    const inserted = await trx
      .insertInto('check_ins')
      .values(row)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted && checkIn.idempotencyKey !== undefined) {
      const earlier = await trx
        .selectFrom('check_ins')
        .selectAll()
        .where('idempotency_key', '=', checkIn.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { row: earlier, created: false };
    }
    await trx
      .insertInto('catalog_meta')
      .values({ key: 'check_in_revision', value: `${now}/${row.id}` })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${now}/${row.id}` }))
      .execute();
    return { row, created: true };
  });
}

/** The latest check-in of every activity that has one. */
export async function latestCheckIns(db: Kysely<Database>): Promise<CheckInRow[]> {
  return db
    .selectFrom('check_ins as c')
    .selectAll('c')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('check_ins as newer')
            .select('newer.id')
            .whereRef('newer.activity_id', '=', 'c.activity_id')
            .where((eb) =>
              eb.or([
                eb('newer.created_at', '>', eb.ref('c.created_at')),
                eb.and([
                  eb('newer.created_at', '=', eb.ref('c.created_at')),
                  eb('newer.id', '>', eb.ref('c.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .execute();
}

/** One activity's history, newest first. */
export async function checkInHistory(
  db: Kysely<Database>,
  activityId: string,
  limit = 10,
): Promise<CheckInRow[]> {
  return db
    .selectFrom('check_ins')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Check-ins with a note, written at or after `since` (all when undefined), oldest first: what search indexes. */
export async function checkInNotesSince(
  db: Kysely<Database>,
  since?: string,
): Promise<Pick<CheckInRow, 'id' | 'activity_id' | 'note' | 'created_at'>[]> {
  let query = db
    .selectFrom('check_ins')
    .select(['id', 'activity_id', 'note', 'created_at'])
    .where('note', '!=', '')
    .orderBy('created_at')
    .orderBy('id');
  if (since !== undefined) query = query.where('created_at', '>=', since);
  return query.execute();
}
