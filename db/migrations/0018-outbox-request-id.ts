import type { Kysely } from 'kysely';

/**
 * The HTTP request an outbox item was written in (its `x-request-id`), when there was one: the
 * worker that sends or retries it later logs under that id, so one request's lines can be
 * followed to its last delivery. An id, never anything someone wrote. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_items').addColumn('request_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_items').dropColumn('request_id').execute();
}
