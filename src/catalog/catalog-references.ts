import type { Catalog } from '../../db/model/catalog-schema.js';
import type { CatalogIssue, CatalogPath } from './catalog-issues.js';
import { checkChannelReferences } from './channel-references.js';
import { checkScheduleReferences } from './schedule-references.js';

/** Every id a catalog defines, per kind. */
interface Ids {
  effectGoals: Set<string>;
  overallGoals: Set<string>;
  levels: Set<string>;
  focusAreas: Set<string>;
  commonFocusAreas: Set<string>;
  goals: Set<string>;
  activityAreas: Set<string>;
  people: Set<string>;
}

function idsOf(c: Catalog): Ids {
  const common = c.followUp?.focusAreas ?? [];
  return {
    effectGoals: new Set(c.rus?.effectGoals.map((g) => g.id)),
    overallGoals: new Set(c.rus?.overallGoals.map((g) => g.id)),
    levels: new Set(c.interventionLevels.map((l) => l.id)),
    focusAreas: new Set([
      ...common.map((f) => f.id),
      ...c.plans.flatMap((p) => p.focusAreas.map((f) => f.id)),
    ]),
    commonFocusAreas: new Set(common.map((f) => f.id)),
    goals: new Set(c.plans.flatMap((p) => p.goals.map((g) => g.id))),
    activityAreas: new Set(common.flatMap((f) => f.activityAreas.map((a) => a.id))),
    people: new Set(c.people.map((p) => p.email)),
  };
}

/**
 * Checks what a schema cannot: ids unique within the file, every reference pointing at
 * something that exists (in the file or already in the database, i.e. in `merged`), one current plan.
 */
export function checkReferences(file: Catalog, merged: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const known = idsOf(merged);
  const refs = (path: CatalogPath, values: readonly string[], set: Set<string>, kind: string) =>
    values.forEach((value, i) => {
      if (!set.has(value))
        issues.push({ path: [...path, i], key: 'catalog.reference.unknown', params: { value, kind } });
    });
  const ref = (path: CatalogPath, value: string | undefined, set: Set<string>, kind: string) => {
    if (value !== undefined && !set.has(value))
      issues.push({ path, key: 'catalog.reference.unknown', params: { value, kind } });
  };
  const unique = (items: readonly { path: CatalogPath; id: string }[]) => {
    const seen = new Map<string, CatalogPath>();
    for (const { path, id } of items) {
      const first = seen.get(id);
      if (first)
        issues.push({ path, key: 'catalog.duplicate', params: { value: id, first: first.join('.') } });
      else seen.set(id, path);
    }
  };

  unique((file.rus?.effectGoals ?? []).map((g, i) => ({ path: ['rus', 'effectGoals', i, 'id'], id: g.id })));
  unique(
    (file.rus?.overallGoals ?? []).map((g, i) => ({ path: ['rus', 'overallGoals', i, 'id'], id: g.id })),
  );
  unique(file.interventionLevels.map((l, i) => ({ path: ['interventionLevels', i, 'id'], id: l.id })));
  unique(file.plans.map((p, i) => ({ path: ['plans', i, 'id'], id: p.id })));
  unique([
    ...(file.followUp?.focusAreas ?? []).map((f, i) => ({
      path: ['followUp', 'focusAreas', i, 'id'],
      id: f.id,
    })),
    ...file.plans.flatMap((p, pi) =>
      p.focusAreas.map((f, i) => ({ path: ['plans', pi, 'focusAreas', i, 'id'], id: f.id })),
    ),
  ]);
  unique(
    file.plans.flatMap((p, pi) =>
      p.goals.map((g, i) => ({ path: ['plans', pi, 'goals', i, 'id'], id: g.id })),
    ),
  );
  unique(
    (file.followUp?.focusAreas ?? []).flatMap((f, fi) =>
      f.activityAreas.map((a, i) => ({
        path: ['followUp', 'focusAreas', fi, 'activityAreas', i, 'id'],
        id: a.id,
      })),
    ),
  );
  unique(file.activities.map((a, i) => ({ path: ['activities', i, 'id'], id: a.id })));
  unique(file.people.map((p, i) => ({ path: ['people', i, 'email'], id: p.email })));
  unique(file.networks.map((n, i) => ({ path: ['networks', i, 'id'], id: n.id })));

  for (const [i, g] of (file.rus?.effectGoals ?? []).entries())
    ref(['rus', 'effectGoals', i, 'overallGoal'], g.overallGoal, known.overallGoals, 'overallGoal');
  const currentPlans = file.plans.filter((p) => p.current);
  if (currentPlans.length > 1)
    file.plans.forEach((p, i) => {
      if (p.current && p !== currentPlans[0])
        issues.push({
          path: ['plans', i, 'current'],
          key: 'catalog.plan.severalCurrent',
          params: { value: p.id },
        });
    });
  if (merged.plans.length > 0 && !merged.plans.some((p) => p.current))
    issues.push({ path: ['plans'], key: 'catalog.plan.noneCurrent' });

  file.plans.forEach((plan, pi) => {
    const own = new Set(plan.focusAreas.map((f) => f.id));
    const mergedPlan = merged.plans.find((p) => p.id === plan.id);
    for (const f of mergedPlan?.focusAreas ?? []) own.add(f.id);
    refs(['plans', pi, 'effectGoals'], plan.effectGoals, known.effectGoals, 'effectGoal');
    for (const [i, f] of plan.focusAreas.entries())
      ref(
        ['plans', pi, 'focusAreas', i, 'commonFocusArea'],
        f.commonFocusArea,
        known.commonFocusAreas,
        'commonFocusArea',
      );
    const numbers = new Map<number, string>();
    for (const g of mergedPlan?.goals ?? [])
      if (!plan.goals.some((x) => x.id === g.id)) numbers.set(g.number, g.id);
    plan.goals.forEach((g, i) => {
      ref(['plans', pi, 'goals', i, 'focusArea'], g.focusArea, own, 'planFocusArea');
      const taken = numbers.get(g.number);
      if (taken !== undefined)
        issues.push({
          path: ['plans', pi, 'goals', i, 'number'],
          key: 'catalog.goal.numberTaken',
          params: { value: g.number, other: taken },
        });
      else numbers.set(g.number, g.id);
    });
    const codes = new Set<string>();
    plan.statuses.forEach((s, i) => {
      if (codes.has(s.code))
        issues.push({
          path: ['plans', pi, 'statuses', i, 'code'],
          key: 'catalog.duplicate',
          params: { value: s.code, first: 'statuses' },
        });
      codes.add(s.code);
    });
  });

  file.activities.forEach((a, i) => {
    const at = ['activities', i];
    refs([...at, 'focusAreas'], a.focusAreas, known.focusAreas, 'focusArea');
    refs([...at, 'activityAreas'], a.activityAreas, known.activityAreas, 'activityArea');
    refs([...at, 'goals'], a.goals, known.goals, 'goal');
    refs([...at, 'interventionLevels'], a.interventionLevels, known.levels, 'interventionLevel');
    refs([...at, 'owners'], a.owners, known.people, 'person');
  });
  file.networks.forEach((n, i) => {
    const at = ['networks', i];
    refs([...at, 'chairs'], n.chairs, known.people, 'person');
    refs([...at, 'members'], n.members, known.people, 'person');
    refs([...at, 'goals'], n.goals, known.goals, 'goal');
    refs([...at, 'focusAreas'], n.focusAreas, known.focusAreas, 'focusArea');
  });
  issues.push(...checkChannelReferences(file, merged));
  issues.push(...checkScheduleReferences(file, merged));
  return issues;
}
