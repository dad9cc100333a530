import { type EntityKind, entityKey } from '../../db/model/catalog-entity.js';
import type { Catalog } from '../../db/model/catalog-schema.js';

interface FlatEntity {
  readonly kind: EntityKind;
  readonly id: string;
  readonly label: string;
  /** Canonical JSON of the entity's own fields and links (not its children). */
  readonly fingerprint: string;
}

export interface CatalogChange {
  readonly kind: EntityKind;
  readonly id: string;
  readonly label: string;
  readonly change: 'added' | 'changed';
}

export interface CatalogDiff {
  readonly changes: readonly CatalogChange[];
  readonly unchanged: number;
  /** Entities the database has and the file does not mention; imports keep them. */
  readonly keptOnlyInDatabase: number;
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Flattens a catalog into its entities, keyed by kind and id, children separated from parents. */
function flattenCatalog(catalog: Catalog): Map<string, FlatEntity> {
  const out = new Map<string, FlatEntity>();
  const add = (kind: EntityKind, id: string, label: string, data: unknown): void => {
    out.set(entityKey(kind, id), { kind, id, label, fingerprint: stable(data) });
  };

  if (catalog.rus) {
    const { overallGoals, effectGoals, ...rus } = catalog.rus;
    add('rus', rus.id, rus.name, rus);
    for (const g of overallGoals) add('overallGoal', g.id, g.title, g);
    for (const g of effectGoals) add('effectGoal', g.id, g.title, g);
  }
  for (const l of catalog.interventionLevels) add('interventionLevel', l.id, l.title, l);
  for (const plan of catalog.plans) {
    const { focusAreas, goals, ...own } = plan;
    add('plan', plan.id, plan.name, own);
    for (const f of focusAreas) add('focusArea', f.id, f.title, { ...f, plan: plan.id });
    for (const g of goals) add('goal', g.id, `${g.number}. ${g.title}`, { ...g, plan: plan.id });
  }
  if (catalog.followUp) {
    const { focusAreas, ...own } = catalog.followUp;
    add('followUp', own.id, own.title, own);
    for (const area of focusAreas) {
      const { activityAreas, ...areaOwn } = area;
      add('focusArea', area.id, area.title, { ...areaOwn, followUp: own.id });
      for (const a of activityAreas) add('activityArea', a.id, a.title, { ...a, focusArea: area.id });
    }
  }
  for (const a of catalog.activities) add('activity', a.id, a.name, a);
  for (const p of catalog.people) add('person', p.email, p.name, p);
  for (const n of catalog.networks) add('network', n.id, n.name, n);
  for (const s of catalog.schedules) add('schedule', s.id, s.id, s);
  return out;
}

/** What applying `after` over `before` changes, entity by entity. */
export function diffCatalog(before: Catalog, after: Catalog, mentioned: Catalog): CatalogDiff {
  const old = flattenCatalog(before);
  const next = flattenCatalog(after);
  const inFile = flattenCatalog(mentioned);
  const changes: CatalogChange[] = [];
  let unchanged = 0;
  for (const [key, entity] of next) {
    const previous = old.get(key);
    if (!previous) changes.push({ kind: entity.kind, id: entity.id, label: entity.label, change: 'added' });
    else if (previous.fingerprint !== entity.fingerprint)
      changes.push({ kind: entity.kind, id: entity.id, label: entity.label, change: 'changed' });
    else unchanged++;
  }
  let keptOnlyInDatabase = 0;
  for (const key of old.keys()) if (!inFile.has(key)) keptOnlyInDatabase++;
  return { changes, unchanged, keptOnlyInDatabase };
}
