import { latestCheckInsBefore } from '../../db/check-in-periods.repository.js';
import type { Db } from '../../db/connection.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import { statusAtEnd } from './build-report.js';
import type { ReportPeriod } from './period.js';
import type { ComparedActivity, FollowUpReport, ReportComparison } from './report-model.js';

/**
 * Status changes between the end of an earlier period (e.g. 2025) and the end of the report's:
 * one query for the latest check-in per activity before the earlier period's end.
 */
export async function comparePeriods(
  db: Db,
  deps: { readonly view: CatalogView; readonly locale: Locale; readonly t: Translate },
  report: FollowUpReport,
  earlier: ReportPeriod,
  label: string,
): Promise<ReportComparison> {
  const rows = new Map(
    (await latestCheckInsBefore(db.kysely, earlier.endUtc)).map((r) => [r.activity_id, r]),
  );
  const noCheckIn = deps.t('report.status.noCheckIn');
  const changes: ComparedActivity[] = [];
  let unchanged = 0;
  for (const after of report.activities) {
    const activity = deps.view.activities.get(after.id);
    if (!activity) continue;
    const row = rows.get(after.id);
    const status = deps.view.statusOf(
      activity,
      deps.locale,
      deps.t,
      row ? { statusCode: row.status_code } : undefined,
    );
    const end =
      status.source === 'check-in'
        ? status
        : { ...status, code: undefined, badge: { label: noCheckIn, tone: 'grey' as const }, active: false };
    const before = statusAtEnd(deps, activity, end, row?.created_at);
    if (before.label === after.status.label && before.source === after.status.source) unchanged++;
    else changes.push({ id: after.id, name: after.name, before, after: after.status });
  }
  return { label, to: earlier.to, changes, unchanged };
}
