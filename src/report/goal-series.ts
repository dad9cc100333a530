import type { Activity } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { ActivityStatus } from '../catalog/status.js';
import { localMidnightUtc, type ReportPeriod } from './period.js';
import type { PeriodCheckIns } from './report-data.js';
import type { GoalSeriesPoint } from './report-model.js';

/** The month ends within a period (the last one cut at the period's end), as `YYYY-MM` and UTC instant. */
function monthEnds(period: ReportPeriod): { month: string; endUtc: string }[] {
  const ends: { month: string; endUtc: string }[] = [];
  let month = period.from.slice(0, 7);
  for (;;) {
    const [year, m] = month.split('-').map(Number) as [number, number];
    const nextMonth = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
    const monthEnd = localMidnightUtc(`${nextMonth}-01`, period.timezone).toISOString();
    ends.push({ month, endUtc: monthEnd < period.endUtc ? monthEnd : period.endUtc });
    if (monthEnd >= period.endUtc) return ends;
    month = nextMonth;
  }
}

/**
 * Status counts per delmål of the current plan at the end of each month of the period: what the
 * "status over time" chart draws. Reads only the period's check-ins already loaded.
 */
export function goalSeries(
  view: CatalogView,
  data: PeriodCheckIns,
  period: ReportPeriod,
  statusOf: (activity: Activity, code?: string) => ActivityStatus,
): GoalSeriesPoint[] {
  const plan = view.currentPlan;
  if (!plan) return [];
  const term = plan.goalTerm.charAt(0).toLocaleUpperCase('sv') + plan.goalTerm.slice(1);
  const ends = monthEnds(period);
  const points: GoalSeriesPoint[] = [];
  for (const goal of view.currentGoals()) {
    const activities = view.activitiesOfGoal(goal.id);
    for (const { month, endUtc } of ends) {
      const counts = new Map<string, GoalSeriesPoint>();
      for (const activity of activities) {
        const rows = data.inPeriod.get(activity.id) ?? [];
        const last = rows.findLast((r) => r.created_at < endUtc) ?? data.before.get(activity.id);
        const status = statusOf(activity, last?.status_code);
        const seen = counts.get(status.badge.label);
        counts.set(status.badge.label, {
          goal: `${term} ${goal.number}`,
          month,
          status: { code: status.code, label: status.badge.label, tone: status.badge.tone },
          count: (seen?.count ?? 0) + 1,
        });
      }
      points.push(...counts.values());
    }
  }
  return points;
}
