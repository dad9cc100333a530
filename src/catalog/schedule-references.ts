import type { Catalog } from '../../db/model/catalog-schema.js';
import { scopeOf } from '../../db/model/schedule-schema.js';
import type { CatalogIssue } from './catalog-issues.js';

/**
 * What the schedule schema cannot check: ids unique in the file, each scope naming a plan,
 * network or activity that exists (in the file or the database), and at most one active schedule
 * per scope — two would prompt the same owners twice.
 */
export function checkScheduleReferences(file: Catalog, merged: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const known = {
    plan: new Set(merged.plans.map((p) => p.id)),
    network: new Set(merged.networks.map((n) => n.id)),
    activity: new Set(merged.activities.map((a) => a.id)),
  };
  const seen = new Map<string, number>();
  file.schedules.forEach((entry, i) => {
    const first = seen.get(entry.id);
    if (first !== undefined)
      issues.push({
        path: ['schedules', i, 'id'],
        key: 'catalog.duplicate',
        params: { value: entry.id, first: `schedules.${first}.id` },
      });
    else seen.set(entry.id, i);
    const { scope, scopeId } = scopeOf(entry);
    if (!known[scope].has(scopeId))
      issues.push({
        path: ['schedules', i, scope],
        key: 'catalog.reference.unknown',
        params: { value: scopeId, kind: scope },
      });
    if (!entry.active) return;
    const other = merged.schedules.find((s) => {
      if (s.id === entry.id || !s.active) return false;
      const theirs = scopeOf(s);
      return theirs.scope === scope && theirs.scopeId === scopeId;
    });
    if (other)
      issues.push({
        path: ['schedules', i, scope],
        key: 'catalog.schedule.twoForScope',
        params: { value: scopeId, other: other.id },
      });
  });
  return issues;
}
