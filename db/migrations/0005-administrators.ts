import type { Kysely } from 'kysely';

/** Plan administrators: people who may see delivery failures and, later, manage the catalog from chat. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('is_admin').execute();
}
