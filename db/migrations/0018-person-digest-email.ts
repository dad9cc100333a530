import type { Kysely } from 'kysely';

/**
 * Whether a person wants their networks' digest by e-mail (`people.digest_by_email`, 0 or 1): a
 * chair who asked for it gets each network digest they chair in their inbox too. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('digest_by_email', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('digest_by_email').execute();
}
