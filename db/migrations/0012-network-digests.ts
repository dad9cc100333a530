import type { Kysely } from 'kysely';

/**
 * Networks in chat: the channels a network is bound to (at most one per platform, so one network
 * can have a Slack channel and a Teams channel at once; a channel serves one network), the
 * network's own digest time (NULL columns: the default, Monday 08:00 Europe/Stockholm), and the
 * digests sent — one row per (network, slot), the claim that makes each weekly digest go out
 * exactly once across processes; and an index that lets a digest read each activity's status at
 * the start of its period without touching the table. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('network_channels')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('conversation_name', 'text')
    .addColumn('bound_by', 'text')
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('network_channels_pk', ['network_id', 'platform'])
    .execute();
  await db.schema
    .createIndex('network_channels_conversation')
    .on('network_channels')
    .columns(['platform', 'workspace_id', 'conversation_id'])
    .unique()
    .execute();

  await db.schema.alterTable('networks').addColumn('digest_weekday', 'text').execute();
  await db.schema.alterTable('networks').addColumn('digest_time', 'text').execute();
  await db.schema.alterTable('networks').addColumn('digest_time_zone', 'text').execute();
  await db.schema.alterTable('networks').addColumn('digest_active', 'integer').execute();

  await db.schema
    .createTable('network_digests')
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('channels', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('network_digests_pk', ['network_id', 'slot'])
    .execute();

  // Each followed activity's status when a digest's period starts is one seek per activity; with
  // the status in the index it never touches the table (a thousand activities, any history length).
  await db.schema
    .createIndex('check_ins_activity_status')
    .on('check_ins')
    .columns(['activity_id', 'created_at', 'id', 'status_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('check_ins_activity_status').ifExists().execute();
  await db.schema.dropTable('network_digests').ifExists().execute();
  for (const column of ['digest_active', 'digest_time_zone', 'digest_time', 'digest_weekday'])
    await db.schema.alterTable('networks').dropColumn(column).execute();
  await db.schema.dropIndex('network_channels_conversation').ifExists().execute();
  await db.schema.dropTable('network_channels').ifExists().execute();
}
