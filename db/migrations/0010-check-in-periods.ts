import type { Kysely } from 'kysely';

/**
 * Check-ins by time across all activities: the annual report and the CSV export read one period
 * of every activity's check-ins, ordered by (created_at, id) and paged by that key. The existing
 * (activity_id, created_at) index serves one activity's history, not a period of all of them,
 * which would otherwise scan and sort the whole table for every page. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('check_ins_created').on('check_ins').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('check_ins_created').ifExists().execute();
}
