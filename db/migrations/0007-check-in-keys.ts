import type { Kysely } from 'kysely';

/**
 * Idempotent check-ins: each submission carries a key derived from the platform's own ids (a
 * Slack button on one message, a modal's view id, a Teams card on one activity, a playground form
 * token), so a double click or a retried request records one check-in. Nullable: older rows and
 * the CLI have none; a unique index allows any number of NULLs on both dialects.
 *
 * Also each chat identity's DM conversation with delmal (Slack `conversations.open`), so a person
 * is resolved once, not on every message a round sends them. And the playground's messages, kept
 * until a browser has shown them (delmal may write while no browser is open). Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('local_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text')
    .execute();
  await db.schema
    .createIndex('local_messages_unseen')
    .on('local_messages')
    .columns(['conversation_id', 'seen_at'])
    .execute();
  await db.schema.alterTable('chat_identities').addColumn('conversation_id', 'text').execute();
  await db.schema.alterTable('check_ins').addColumn('idempotency_key', 'text').execute();
  await db.schema
    .createIndex('check_ins_idempotency_key')
    .on('check_ins')
    .column('idempotency_key')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('local_messages').ifExists().execute();
  await db.schema.dropIndex('check_ins_idempotency_key').ifExists().execute();
  await db.schema.alterTable('check_ins').dropColumn('idempotency_key').execute();
  await db.schema.alterTable('chat_identities').dropColumn('conversation_id').execute();
}
