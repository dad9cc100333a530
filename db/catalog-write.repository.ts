import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { rows } from './catalog-rows.js';
import type { Database } from './database.js';
import { type EntityKind, entityKey } from './model/catalog-entity.js';
import type { Catalog } from './model/catalog-schema.js';
import { scheduleRow } from './schedule-rows.js';

// biome-ignore lint/suspicious/noExplicitAny: one generic upsert serves every catalog table; rows are built typed in catalog-rows.ts.
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;
type Links = readonly [
  table: keyof Database,
  target: string,
  targets: readonly string[],
  people?: 'people',
][];

/** One entity to write: its diff key, table, row, conflict key, and the links it owns. */
interface Write {
  readonly kind: EntityKind;
  readonly id: string;
  readonly table: keyof Database;
  readonly row: Row;
  readonly key?: readonly string[];
  /** Columns an update must not touch (identities that other rows point at). */
  readonly keep?: readonly string[];
  /** Link tables owned by this entity: replaced whole when it changes. */
  readonly owner?: readonly [column: string, value: string];
  readonly links?: Links;
  /** Child rows replaced whole when it changes (a plan's status vocabulary). */
  readonly children?: { table: keyof Database; column: string; rows: Row[] };
}

/**
 * Every entity of a catalog in the order foreign keys need: people, RUS, levels, plans,
 * insatsområden (common ones first — a plan's own point at them), delmål, aktivitetsområden,
 * activities, networks, schedules.
 */
function writesOf(catalog: Catalog, now: string): Write[] {
  const w: Write[] = [];
  catalog.people.forEach((p, i) => {
    w.push({
      kind: 'person',
      id: p.email,
      table: 'people',
      row: rows.person(p, i, now, randomUUID()),
      key: ['email'],
      keep: ['id', 'created_at'],
    });
  });
  const rus = catalog.rus;
  if (rus) {
    w.push({ kind: 'rus', id: rus.id, table: 'rus', row: rows.rus(rus) });
    rus.overallGoals.forEach((g, i) => {
      w.push({
        kind: 'overallGoal',
        id: g.id,
        table: 'rus_overall_goals',
        row: rows.overallGoal(g, rus.id, i),
      });
    });
    rus.effectGoals.forEach((g, i) => {
      w.push({ kind: 'effectGoal', id: g.id, table: 'rus_effect_goals', row: rows.effectGoal(g, rus.id, i) });
    });
  }
  catalog.interventionLevels.forEach((l, i) => {
    w.push({
      kind: 'interventionLevel',
      id: l.id,
      table: 'intervention_levels',
      row: rows.interventionLevel(l, i),
    });
  });
  catalog.plans.forEach((p, i) => {
    w.push({
      kind: 'plan',
      id: p.id,
      table: 'plans',
      row: rows.plan(p, i),
      owner: ['plan_id', p.id],
      links: [['plan_effect_goals', 'effect_goal_id', p.effectGoals]],
      children: {
        table: 'plan_statuses',
        column: 'plan_id',
        rows: p.statuses.map((s, n) => rows.planStatus(s, p.id, n)),
      },
    });
  });
  const followUp = catalog.followUp;
  const areas = [
    ...(followUp?.focusAreas.map((f) => ({ f, owner: { followUp: followUp.id } })) ?? []),
    ...catalog.plans.flatMap((p) => p.focusAreas.map((f) => ({ f, owner: { plan: p.id } }))),
  ];
  if (followUp)
    w.push({ kind: 'followUp', id: followUp.id, table: 'follow_ups', row: rows.followUp(followUp) });
  areas.forEach(({ f, owner }, i) => {
    w.push({ kind: 'focusArea', id: f.id, table: 'focus_areas', row: rows.focusArea(f, owner, i) });
  });
  catalog.plans
    .flatMap((p) => p.goals.map((g) => ({ g, plan: p.id })))
    .forEach(({ g, plan }, i) => {
      w.push({ kind: 'goal', id: g.id, table: 'goals', row: rows.goal(g, plan, i) });
    });
  (followUp?.focusAreas ?? [])
    .flatMap((f) => f.activityAreas.map((a) => ({ a, area: f.id })))
    .forEach(({ a, area }, i) => {
      w.push({ kind: 'activityArea', id: a.id, table: 'activity_areas', row: rows.activityArea(a, area, i) });
    });
  catalog.activities.forEach((a, i) => {
    w.push({
      kind: 'activity',
      id: a.id,
      table: 'activities',
      row: rows.activity(a, i),
      owner: ['activity_id', a.id],
      links: [
        ['activity_focus_areas', 'focus_area_id', a.focusAreas],
        ['activity_activity_areas', 'activity_area_id', a.activityAreas],
        ['activity_goals', 'goal_id', a.goals],
        ['activity_intervention_levels', 'level_id', a.interventionLevels],
        ['activity_owners', 'person_id', a.owners, 'people'],
      ],
    });
  });
  catalog.networks.forEach((n, i) => {
    w.push({
      kind: 'network',
      id: n.id,
      table: 'networks',
      row: rows.network(n, i),
      owner: ['network_id', n.id],
      links: [
        ['network_chairs', 'person_id', n.chairs, 'people'],
        ['network_members', 'person_id', n.members, 'people'],
        ['network_goals', 'goal_id', n.goals],
        ['network_focus_areas', 'focus_area_id', n.focusAreas],
      ],
      // Absent in the file: the channels bound in chat stay as they are.
      ...(n.channels
        ? {
            children: {
              table: 'network_channels' as const,
              column: 'network_id',
              rows: n.channels.map((c, position) => rows.networkChannel(c, n.id, position, now)),
            },
          }
        : {}),
    });
  });
  catalog.schedules.forEach((s, i) => {
    w.push({ kind: 'schedule', id: s.id, table: 'schedules', row: { ...scheduleRow(s, i) } });
  });
  return w;
}

/** Inserts `row`, or updates every column but `key` and `keep` where `key` already exists. */
async function upsert(
  db: AnyDb,
  table: keyof Database,
  row: Row,
  key: readonly string[],
  keep: readonly string[],
) {
  const update = Object.fromEntries(
    Object.entries(row).filter(([c]) => !key.includes(c) && !keep.includes(c)),
  );
  await db
    .insertInto(table)
    .values(row)
    .onConflict((oc) => oc.columns([...key]).doUpdateSet(update))
    .execute();
}

/** Replaces every row of `table` where `column = value` with `replacement`. */
async function replace(db: AnyDb, table: keyof Database, column: string, value: string, replacement: Row[]) {
  await db.deleteFrom(table).where(column, '=', value).execute();
  if (replacement.length > 0) await db.insertInto(table).values(replacement).execute();
}

/**
 * Writes the entities of `catalog` whose keys are in `changed` (see `diffCatalog`), parents before
 * children so foreign keys hold, and bumps the catalog revision. Run inside a transaction:
 * callers get all or nothing.
 */
export async function writeCatalog(
  trx: Transaction<Database>,
  catalog: Catalog,
  changed: ReadonlySet<string>,
  now: string,
): Promise<void> {
  const db: AnyDb = trx;
  const meta: [string, string | undefined][] = [
    ['version', catalog.version],
    ['description', catalog.description],
    // Every write gets a new revision: caches on every replica reload when it differs from theirs.
    ['revision', `${now}/${randomUUID()}`],
  ];
  for (const [key, value] of meta)
    if (value !== undefined) await upsert(db, 'catalog_meta', { key, value }, ['key'], []);

  // People come first; once they are written, links that name people by e-mail use their ids.
  let personIds: Map<string, string> | undefined;
  for (const write of writesOf(catalog, now)) {
    if (write.kind !== 'person' && !personIds)
      personIds = new Map(
        (await trx.selectFrom('people').select(['id', 'email']).execute()).map((p) => [p.email, p.id]),
      );
    if (!changed.has(entityKey(write.kind, write.id))) continue;
    await upsert(db, write.table, write.row, write.key ?? ['id'], write.keep ?? []);
    if (write.children)
      await replace(db, write.children.table, write.children.column, write.id, write.children.rows);
    const [column, value] = write.owner ?? ['', ''];
    for (const [table, target, targets, people] of write.links ?? []) {
      const ids = people ? targets.map((email) => personIds?.get(email) ?? email) : targets;
      await replace(
        db,
        table,
        column,
        value,
        ids.map((id, position) => ({ [column]: value, [target]: id, position })),
      );
    }
  }
}
