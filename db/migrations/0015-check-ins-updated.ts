import type { Kysely } from 'kysely';

/**
 * Check-ins by the time they were last edited: every replica's search index reads the notes
 * edited since it last looked (an edit on another replica must replace the old words), and
 * without this index that read would scan the whole table. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('check_ins_updated').on('check_ins').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('check_ins_updated').ifExists().execute();
}
