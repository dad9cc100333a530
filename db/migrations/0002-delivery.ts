import type { Kysely } from 'kysely';

/**
 * Delivery and identity: the persistent outbox every outgoing message goes through (so a 429 or
 * 5xx never loses one), receipts that make inbound retries idempotent, and the chat identities
 * (Slack team + user, later Teams tenant + user) linked to people. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // Same effect requested twice (a retried event, a double click) → one row, one message.
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

  await db.schema
    .createTable('inbound_receipts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('chat_identities')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('email', 'text')
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_identities_pk', ['platform', 'tenant_id', 'user_id'])
    .execute();
  await db.schema.createIndex('chat_identities_email').on('chat_identities').column('email').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chat_identities').ifExists().execute();
  await db.schema.dropTable('inbound_receipts').ifExists().execute();
  await db.schema.dropTable('outbox').ifExists().execute();
}
