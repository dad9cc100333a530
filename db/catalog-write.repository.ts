import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type EntityKind, entityKey } from '../src/catalog/catalog-diff.js';
import type { Catalog } from '../src/catalog/catalog-schema.js';
import type { Database } from './database.js';

// biome-ignore lint/suspicious/noExplicitAny: one generic upsert serves every catalog table; rows are built typed below.
type AnyDb = Kysely<any>;

/** Inserts `row`, or updates every column but `key` and `keep` where `key` already exists. */
async function upsert(
  db: AnyDb,
  table: keyof Database,
  row: Record<string, unknown>,
  key: string[],
  keep: readonly string[] = [],
) {
  const update = Object.fromEntries(
    Object.entries(row).filter(([column]) => !key.includes(column) && !keep.includes(column)),
  );
  await db
    .insertInto(table)
    .values(row)
    .onConflict((oc) => oc.columns(key).doUpdateSet(update))
    .execute();
}

/** Replaces one owner's links with `targets`, in order. */
async function relink(
  db: AnyDb,
  table: keyof Database,
  owner: [string, string],
  target: string,
  targets: string[],
) {
  await db.deleteFrom(table).where(owner[0], '=', owner[1]).execute();
  if (targets.length === 0) return;
  await db
    .insertInto(table)
    .values(targets.map((t, position) => ({ [owner[0]]: owner[1], [target]: t, position })))
    .execute();
}

const src = (s: { document: string; section: string } | undefined) => ({
  source_document: s?.document ?? null,
  source_section: s?.section ?? null,
});
const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/**
 * Writes the entities of `catalog` whose keys are in `changed` (see `diffCatalog`), parents before
 * children so foreign keys hold. Run inside a transaction: callers get all or nothing.
 */
export async function writeCatalog(
  trx: Transaction<Database>,
  catalog: Catalog,
  changed: ReadonlySet<string>,
  now: string,
): Promise<void> {
  const db = trx as unknown as AnyDb;
  const is = (kind: EntityKind, id: string) => changed.has(entityKey(kind, id));

  for (const [key, value] of [
    ['version', catalog.version],
    ['description', catalog.description],
    // Every write gets a new revision: replicas and caches reload when it differs from theirs.
    ['revision', `${now}/${randomUUID()}`],
  ] as const)
    if (value !== undefined) await upsert(db, 'catalog_meta', { key, value }, ['key']);

  for (const [position, p] of catalog.people.entries())
    if (is('person', p.email))
      await upsert(
        db,
        'people',
        {
          id: randomUUID(),
          email: p.email,
          name: p.name,
          organisation: nul(p.organisation),
          locale: nul(p.locale),
          is_demo: p.demo ? 1 : 0,
          position,
          created_at: now,
          updated_at: now,
        },
        ['email'],
        // The id and creation time of an existing person never change: identities and check-ins point at them.
        ['id', 'created_at'],
      );
  const personIds = new Map(
    (await trx.selectFrom('people').select(['id', 'email']).execute()).map((p) => [p.email, p.id]),
  );
  const people = (emails: readonly string[]) => emails.map((e) => personIds.get(e) ?? e);

  const rus = catalog.rus;
  if (rus) {
    if (is('rus', rus.id))
      await upsert(
        db,
        'rus',
        { id: rus.id, name: rus.name, period_start: rus.periodStart, period_end: nul(rus.periodEnd) },
        ['id'],
      );
    for (const [position, g] of rus.overallGoals.entries())
      if (is('overallGoal', g.id))
        await upsert(
          db,
          'rus_overall_goals',
          { id: g.id, rus_id: rus.id, title: g.title, description: nul(g.description), position },
          ['id'],
        );
    for (const [position, g] of rus.effectGoals.entries())
      if (is('effectGoal', g.id))
        await upsert(
          db,
          'rus_effect_goals',
          {
            id: g.id,
            rus_id: rus.id,
            title: g.title,
            description: nul(g.description),
            overall_goal_id: nul(g.overallGoal),
            position,
            ...src(g.source),
          },
          ['id'],
        );
  }

  for (const [position, l] of catalog.interventionLevels.entries())
    if (is('interventionLevel', l.id))
      await upsert(
        db,
        'intervention_levels',
        { id: l.id, title: l.title, description: nul(l.description), position, ...src(l.source) },
        ['id'],
      );

  for (const [position, p] of catalog.plans.entries()) {
    if (!is('plan', p.id)) continue;
    await upsert(
      db,
      'plans',
      {
        id: p.id,
        name: p.name,
        kind: p.kind,
        period_start: p.periodStart,
        period_end: nul(p.periodEnd),
        decided_by: nul(p.decidedBy),
        is_current: p.current ? 1 : 0,
        goal_term: p.goalTerm,
        summary: nul(p.summary),
        position,
        ...src(p.source),
      },
      ['id'],
    );
    await db.deleteFrom('plan_statuses').where('plan_id', '=', p.id).execute();
    if (p.statuses.length > 0)
      await db
        .insertInto('plan_statuses')
        .values(
          p.statuses.map((s, i) => ({
            plan_id: p.id,
            code: s.code,
            label: s.label,
            label_en: s.labelEn,
            colour: s.colour,
            severity: s.severity,
            is_active: s.active ? 1 : 0,
            position: i,
          })),
        )
        .execute();
  }

  // Common focus areas first: a plan's own focus areas point at them.
  let focusPosition = 0;
  const followUp = catalog.followUp;
  if (followUp) {
    if (is('followUp', followUp.id))
      await upsert(
        db,
        'follow_ups',
        { id: followUp.id, title: followUp.title, year: nul(followUp.year), ...src(followUp.source) },
        ['id'],
      );
    for (const f of followUp.focusAreas) {
      const position = focusPosition++;
      if (is('focusArea', f.id))
        await upsert(
          db,
          'focus_areas',
          {
            id: f.id,
            plan_id: null,
            follow_up_id: followUp.id,
            number: f.number,
            title: f.title,
            description: nul(f.description),
            common_focus_area_id: null,
            position,
            ...src(f.source),
          },
          ['id'],
        );
    }
  }
  for (const p of catalog.plans) {
    for (const f of p.focusAreas) {
      const position = focusPosition++;
      if (is('focusArea', f.id))
        await upsert(
          db,
          'focus_areas',
          {
            id: f.id,
            plan_id: p.id,
            follow_up_id: null,
            number: f.number,
            title: f.title,
            description: nul(f.description),
            common_focus_area_id: nul(f.commonFocusArea),
            position,
            ...src(f.source),
          },
          ['id'],
        );
    }
    if (is('plan', p.id))
      await relink(db, 'plan_effect_goals', ['plan_id', p.id], 'effect_goal_id', p.effectGoals);
  }
  let goalPosition = 0;
  for (const p of catalog.plans)
    for (const g of p.goals) {
      const position = goalPosition++;
      if (is('goal', g.id))
        await upsert(
          db,
          'goals',
          {
            id: g.id,
            plan_id: p.id,
            number: g.number,
            title: g.title,
            focus_area_id: nul(g.focusArea),
            text: g.text,
            position,
            ...src(g.source),
          },
          ['id'],
        );
    }
  let areaPosition = 0;
  for (const f of followUp?.focusAreas ?? [])
    for (const a of f.activityAreas) {
      const position = areaPosition++;
      if (is('activityArea', a.id))
        await upsert(
          db,
          'activity_areas',
          { id: a.id, focus_area_id: f.id, title: a.title, description: nul(a.description), position },
          ['id'],
        );
    }

  for (const [position, a] of catalog.activities.entries()) {
    if (!is('activity', a.id)) continue;
    await upsert(
      db,
      'activities',
      {
        id: a.id,
        name: a.name,
        description: a.description,
        reported_status: a.reportedStatus,
        reported_status_text: nul(a.reportedStatusText),
        period_start: nul(a.periodStart),
        period_end: nul(a.periodEnd),
        position,
        ...src(a.source),
      },
      ['id'],
    );
    const owner: [string, string] = ['activity_id', a.id];
    await relink(db, 'activity_focus_areas', owner, 'focus_area_id', a.focusAreas);
    await relink(db, 'activity_activity_areas', owner, 'activity_area_id', a.activityAreas);
    await relink(db, 'activity_goals', owner, 'goal_id', a.goals);
    await relink(db, 'activity_intervention_levels', owner, 'level_id', a.interventionLevels);
    await relink(db, 'activity_owners', owner, 'person_id', people(a.owners));
  }

  for (const [position, n] of catalog.networks.entries()) {
    if (!is('network', n.id)) continue;
    await upsert(
      db,
      'networks',
      { id: n.id, name: n.name, description: nul(n.description), is_demo: n.demo ? 1 : 0, position },
      ['id'],
    );
    const owner: [string, string] = ['network_id', n.id];
    await relink(db, 'network_chairs', owner, 'person_id', people(n.chairs));
    await relink(db, 'network_members', owner, 'person_id', people(n.members));
    await relink(db, 'network_goals', owner, 'goal_id', n.goals);
    await relink(db, 'network_focus_areas', owner, 'focus_area_id', n.focusAreas);
  }
}
