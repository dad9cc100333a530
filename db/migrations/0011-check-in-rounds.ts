import type { Kysely } from 'kysely';

/**
 * Scheduled check-ins: a round is one claimed slot of one schedule (id `<schedule>:<slot>`); it
 * knows which activities were asked about and whether each was answered, so the digest can list
 * "saknar rapport" after the deadline. A prompt is one DM to one owner in one round (plus at most
 * one reminder and the catch-up after an absence), with the outbox item that carried it, so an
 * answered prompt can be updated in place (the item's `sent_ref`).
 *
 * A check-in now knows its round, whether it came late, the next step and "behöver stöd"; edits
 * keep every earlier version in `check_in_versions` (the `check_ins` row always holds the latest).
 * Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_in_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_in_rounds_schedule_slot')
    .on('check_in_rounds')
    .columns(['schedule_id', 'slot'])
    .unique()
    .execute();
  await db.schema.createIndex('check_in_rounds_opened').on('check_in_rounds').column('opened_at').execute();

  await db.schema
    .createTable('check_in_round_activities')
    .addColumn('round_id', 'text', (c) => c.notNull().references('check_in_rounds.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('skipped_reason', 'text')
    .addColumn('check_in_id', 'text')
    .addColumn('answered_at', 'text')
    .addPrimaryKeyConstraint('check_in_round_activities_pk', ['round_id', 'activity_id'])
    .execute();
  await db.schema
    .createIndex('check_in_round_activities_activity')
    .on('check_in_round_activities')
    .columns(['activity_id', 'round_id'])
    .execute();

  await db.schema
    .createTable('check_in_prompts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('check_in_rounds.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('activity_ids', 'text', (c) => c.notNull())
    .addColumn('outbox_item_id', 'text')
    .addColumn('unreachable_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_in_prompts_once')
    .on('check_in_prompts')
    .columns(['round_id', 'person_id', 'kind'])
    .unique()
    .execute();

  await db.schema.alterTable('check_ins').addColumn('round_id', 'text').execute();
  await db.schema
    .alterTable('check_ins')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('check_ins').addColumn('next_step', 'text').execute();
  await db.schema
    .alterTable('check_ins')
    .addColumn('needs_support', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('check_ins')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('check_ins').addColumn('updated_at', 'text').execute();
  await db.schema
    .createIndex('check_ins_round')
    .on('check_ins')
    .columns(['round_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('check_in_versions')
    .addColumn('check_in_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('next_step', 'text')
    .addColumn('needs_support', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_in_versions_pk', ['check_in_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_in_versions').ifExists().execute();
  await db.schema.dropIndex('check_ins_round').ifExists().execute();
  for (const column of ['updated_at', 'version', 'needs_support', 'next_step', 'late', 'round_id'])
    await db.schema.alterTable('check_ins').dropColumn(column).execute();
  await db.schema.dropTable('check_in_prompts').ifExists().execute();
  await db.schema.dropTable('check_in_round_activities').ifExists().execute();
  await db.schema.dropTable('check_in_rounds').ifExists().execute();
}
