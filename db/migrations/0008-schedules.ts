import type { Kysely } from 'kysely';

/**
 * Check-in schedules (from the catalog), the runs that claim each slot exactly once, and the
 * periods people mark themselves away. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('weekday', 'text')
    .addColumn('interval_weeks', 'integer')
    .addColumn('anchor_date', 'text')
    .addColumn('nth', 'text')
    .addColumn('month_in_quarter', 'integer')
    .addColumn('day_of_month', 'integer')
    .addColumn('local_time', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('summer_from_week', 'integer')
    .addColumn('summer_to_week', 'integer')
    .addColumn('skip_if_updated_days', 'integer', (c) => c.notNull())
    .addColumn('reminder_after_workdays', 'integer', (c) => c.notNull())
    .addColumn('quiet_from', 'text')
    .addColumn('quiet_until', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_scope').on('schedules').columns(['scope', 'scope_id']).execute();

  // The primary key IS the exactly-once guarantee: whoever inserts (schedule_id, slot) first owns it.
  await db.schema
    .createTable('schedule_runs')
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('schedule_runs_pk', ['schedule_id', 'slot'])
    .execute();

  await db.schema
    .createTable('away_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('until_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('caught_up_at', 'text')
    .execute();
  await db.schema.createIndex('away_periods_person').on('away_periods').columns(['person_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('away_periods').ifExists().execute();
  await db.schema.dropTable('schedule_runs').ifExists().execute();
  await db.schema.dropTable('schedules').ifExists().execute();
}
