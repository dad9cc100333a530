import type { Kysely } from 'kysely';

/**
 * Every send goes through the second outbox (`outbox_items`, migration 0006): the first outbox's
 * table goes. Its rows held pre-rendered platform payloads that nothing reads any more; what was
 * still pending there (answers to people's own actions, retried for minutes at most) is dropped
 * with it. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_due').ifExists().execute();
  await db.schema.dropTable('outbox').ifExists().execute();
}

/** The first outbox's table as migration 0002 created it (empty). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}
