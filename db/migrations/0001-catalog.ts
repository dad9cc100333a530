import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/**
 * The plan catalog: RUS goals, plans with their insatsområden and delmål, the follow-up report's
 * common insatsområden and aktivitetsområden, activities and the many-to-many links between them,
 * people and networks. Frozen in time: never edit a migration that has shipped, add a new one.
 * Portable types only (text/integer) so the same migration runs on SQLite and PostgreSQL;
 * booleans are 0/1 integers, times ISO-8601 UTC text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const source = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('source_document', 'text').addColumn('source_section', 'text');

  await db.schema
    .createTable('catalog_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rus')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period_start', 'integer', (c) => c.notNull())
    .addColumn('period_end', 'integer')
    .execute();
  await db.schema
    .createTable('rus_overall_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rus_id', 'text', (c) => c.notNull().references('rus.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await source(
    db.schema
      .createTable('rus_effect_goals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rus_id', 'text', (c) => c.notNull().references('rus.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('overall_goal_id', 'text', (c) => c.references('rus_overall_goals.id'))
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();

  await source(
    db.schema
      .createTable('intervention_levels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();

  await source(
    db.schema
      .createTable('plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period_start', 'integer', (c) => c.notNull())
      .addColumn('period_end', 'integer')
      .addColumn('decided_by', 'text')
      .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('goal_term', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createTable('plan_statuses')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_statuses_pk', ['plan_id', 'code'])
    .execute();
  await link(db, 'plan_effect_goals', 'plan_id', 'plans', 'effect_goal_id', 'rus_effect_goals');

  await source(
    db.schema
      .createTable('follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer'),
  ).execute();

  // One table for both kinds of insatsområde: a plan's own (plan_id set) and the follow-up
  // report's common ones (follow_up_id set). Activities may link to either.
  await source(
    db.schema
      .createTable('focus_areas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.references('plans.id').onDelete('cascade'))
      .addColumn('follow_up_id', 'text', (c) => c.references('follow_ups.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('common_focus_area_id', 'text', (c) => c.references('focus_areas.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addCheckConstraint('focus_areas_one_owner', sql`(plan_id is null) <> (follow_up_id is null)`),
  ).execute();

  await source(
    db.schema
      .createTable('goals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('focus_area_id', 'text', (c) => c.references('focus_areas.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addUniqueConstraint('goals_plan_number', ['plan_id', 'number']),
  ).execute();

  await db.schema
    .createTable('activity_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('focus_area_id', 'text', (c) => c.notNull().references('focus_areas.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('locale', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await source(
    db.schema
      .createTable('activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('reported_status', 'text', (c) => c.notNull())
      .addColumn('reported_status_text', 'text')
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();
  await link(db, 'activity_focus_areas', 'activity_id', 'activities', 'focus_area_id', 'focus_areas');
  await link(
    db,
    'activity_activity_areas',
    'activity_id',
    'activities',
    'activity_area_id',
    'activity_areas',
  );
  await link(db, 'activity_goals', 'activity_id', 'activities', 'goal_id', 'goals');
  await link(
    db,
    'activity_intervention_levels',
    'activity_id',
    'activities',
    'level_id',
    'intervention_levels',
  );
  await link(db, 'activity_owners', 'activity_id', 'activities', 'person_id', 'people');
  await db.schema.createIndex('activity_goals_goal').on('activity_goals').column('goal_id').execute();
  await db.schema.createIndex('activity_owners_person').on('activity_owners').column('person_id').execute();

  await db.schema
    .createTable('networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await link(db, 'network_chairs', 'network_id', 'networks', 'person_id', 'people');
  await link(db, 'network_members', 'network_id', 'networks', 'person_id', 'people');
  await link(db, 'network_goals', 'network_id', 'networks', 'goal_id', 'goals');
  await link(db, 'network_focus_areas', 'network_id', 'networks', 'focus_area_id', 'focus_areas');
}

async function link(
  db: Kysely<any>,
  table: string,
  ownerColumn: string,
  ownerTable: string,
  targetColumn: string,
  targetTable: string,
): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn(ownerColumn, 'text', (c) => c.notNull().references(`${ownerTable}.id`).onDelete('cascade'))
    .addColumn(targetColumn, 'text', (c) => c.notNull().references(`${targetTable}.id`).onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, [ownerColumn, targetColumn])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'network_focus_areas',
    'network_goals',
    'network_members',
    'network_chairs',
    'networks',
    'activity_owners',
    'activity_intervention_levels',
    'activity_goals',
    'activity_activity_areas',
    'activity_focus_areas',
    'activities',
    'people',
    'activity_areas',
    'goals',
    'focus_areas',
    'follow_ups',
    'plan_effect_goals',
    'plan_statuses',
    'plans',
    'intervention_levels',
    'rus_effect_goals',
    'rus_overall_goals',
    'rus',
    'catalog_meta',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
