import type { Kysely } from 'kysely';
import type { CheckInRow, Database } from './database.js';

// Reading check-ins: versions, the latest per activity, an activity's history, notes for search.

/** Every earlier version of a check-in, oldest first (the row itself holds the latest). */
export async function checkInVersions(db: Kysely<Database>, checkInId: string) {
  return db
    .selectFrom('check_in_versions')
    .selectAll()
    .where('check_in_id', '=', checkInId)
    .orderBy('version')
    .execute();
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

/** What search indexes of a check-in; `updated_at` is set once it was edited. */
export type CheckInNoteRow = Pick<CheckInRow, 'id' | 'activity_id' | 'note' | 'created_at' | 'updated_at'>;

/**
 * Check-ins with a note written at or after `since`, and every check-in edited at or after it
 * (its note may now be empty), oldest first; all notes when `since` is undefined. What search
 * indexes: written and edited here or on another replica.
 */
export async function checkInNotesSince(db: Kysely<Database>, since?: string): Promise<CheckInNoteRow[]> {
  const columns = ['id', 'activity_id', 'note', 'created_at', 'updated_at'] as const;
  const written = db
    .selectFrom('check_ins')
    .select(columns)
    .where('note', '!=', '')
    .orderBy('created_at')
    .orderBy('id');
  if (since === undefined) return written.execute();
  // Two index seeks (created_at, updated_at) rather than one OR that scans the table.
  const rows = await written.where('created_at', '>=', since).execute();
  const edited = await db.selectFrom('check_ins').select(columns).where('updated_at', '>=', since).execute();
  const seen = new Set(rows.map((r) => r.id));
  return [...rows, ...edited.filter((r) => !seen.has(r.id))];
}

/** The text fields of the given check-ins (what an answer page shows again), by id. */
export async function checkInTexts(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Pick<CheckInRow, 'note' | 'next_step' | 'needs_support'>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('check_ins')
    .select(['id', 'note', 'next_step', 'needs_support'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
