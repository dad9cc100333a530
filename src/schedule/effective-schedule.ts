import type { Activity, Catalog } from '../../db/model/catalog-schema.js';
import { type ScheduleEntry, scopeOf } from '../../db/model/schedule-schema.js';

/**
 * Which schedule asks about each activity. The most specific active one wins:
 * 1. a schedule for the activity itself (an override);
 * 2. one for a network that follows the activity (shares a delmål or insatsområde with it),
 *    the first such network in catalog order;
 * 3. one for a plan the activity belongs to (through its delmål or insatsområden), the current
 *    plan first;
 * 4. the current plan's schedule — activities of the follow-up report are often linked only to
 *    the report's common insatsområden, and they are followed up all the same.
 * Activities reported finished are not asked about. Pure.
 */
export function activitiesBySchedule(catalog: Catalog): Map<ScheduleEntry, Activity[]> {
  const active = catalog.schedules.filter((s) => s.active);
  const byScope = new Map(active.map((s) => [key(scopeOf(s).scope, scopeOf(s).scopeId), s]));
  const planOfGoal = new Map(catalog.plans.flatMap((p) => p.goals.map((g) => [g.id, p] as const)));
  const planOfArea = new Map(catalog.plans.flatMap((p) => p.focusAreas.map((f) => [f.id, p] as const)));
  const current = catalog.plans.find((p) => p.current);
  const result = new Map<ScheduleEntry, Activity[]>();
  for (const activity of catalog.activities) {
    if (activity.reportedStatus === 'finished') continue;
    const networks = catalog.networks.filter(
      (n) =>
        n.goals.some((g) => activity.goals.includes(g)) ||
        n.focusAreas.some((f) => activity.focusAreas.includes(f)),
    );
    const plans = [
      ...activity.goals.map((g) => planOfGoal.get(g)),
      ...activity.focusAreas.map((f) => planOfArea.get(f)),
    ].filter((p) => p !== undefined);
    plans.sort((a, b) => Number(b.current) - Number(a.current));
    const schedule =
      byScope.get(key('activity', activity.id)) ??
      networks.map((n) => byScope.get(key('network', n.id))).find(Boolean) ??
      plans.map((p) => byScope.get(key('plan', p.id))).find(Boolean) ??
      (current ? byScope.get(key('plan', current.id)) : undefined);
    if (!schedule) continue;
    // Appended in place: copying the list per activity is quadratic (12,000 activities: seconds).
    const list = result.get(schedule);
    if (list) list.push(activity);
    else result.set(schedule, [activity]);
  }
  return result;
}

const key = (scope: string, id: string) => `${scope}:${id}`;
