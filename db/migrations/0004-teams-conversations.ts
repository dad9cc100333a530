import type { Kysely } from 'kysely';

/**
 * Teams conversation references: what delmal needs to write to a conversation later (check-in
 * prompts, digests) — its id, the tenant's service URL, the tenant, its kind, and for a 1:1 chat the
 * user's AAD object id. Stored on install, first message and roster events. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('teams_conversations')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    .addColumn('service_url', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('conversation_type', 'text', (c) => c.notNull())
    .addColumn('user_aad_object_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('teams_conversations').ifExists().execute();
}
