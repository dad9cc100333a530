import type { Activity } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import { type ActivityStatus, rollUp } from '../catalog/status.js';
import { countStatuses } from '../catalog/status-counts.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import { goalSeries } from './goal-series.js';
import type { ReportPeriod } from './period.js';
import type { PeriodCheckIns } from './report-data.js';
import type {
  FollowUpReport,
  PeriodEnding,
  ReportActivity,
  ReportActivityArea,
  ReportFocusArea,
  ReportStatus,
  StatusChange,
} from './report-model.js';

/** Statuses listed under "paused or finished in the period". */
const ENDING_CODES = new Set(['paused', 'finished']);

export interface ReportInput {
  readonly view: CatalogView;
  readonly data: PeriodCheckIns;
  readonly period: ReportPeriod;
  readonly locale: Locale;
  readonly t: Translate;
  readonly generatedAt: string;
}

/**
 * Compiles the follow-up report: per common insatsområde (the follow-up's own grouping) → its
 * aktivitetsområden → their activities, each with status at the end of the period, the latest
 * narrative and the period's status changes. An activity serving several insatsområden appears
 * under each, as in the region's report.
 */
export function buildFollowUpReport(input: ReportInput): FollowUpReport {
  const { view, data, t } = input;
  const statusOf = (activity: Activity, code?: string): ActivityStatus =>
    view.statusOf(activity, input.locale, t, code === undefined ? undefined : { statusCode: code });
  const compiled = new Map<string, { entry: ReportActivity; end: ActivityStatus }>();
  const compile = (activity: Activity) => {
    let found = compiled.get(activity.id);
    if (!found) {
      found = compileActivity(input, activity, statusOf);
      compiled.set(activity.id, found);
    }
    return found;
  };

  const placed = new Set<string>();
  const focusAreas: ReportFocusArea[] = (view.catalog.followUp?.focusAreas ?? []).map((area) => {
    const members = view.catalog.activities.filter((a) => a.focusAreas.includes(area.id));
    const areas: ReportActivityArea[] = area.activityAreas.map((activityArea) => ({
      id: activityArea.id,
      title: activityArea.title,
      activities: members
        .filter((a) => a.activityAreas.includes(activityArea.id))
        .map((a) => compile(a).entry),
    }));
    const ownAreaIds = new Set(area.activityAreas.map((a) => a.id));
    const others = members.filter((a) => !a.activityAreas.some((id) => ownAreaIds.has(id)));
    if (others.length > 0)
      areas.push({
        id: undefined,
        title: t('report.otherActivities'),
        activities: others.map((a) => compile(a).entry),
      });
    for (const a of members) placed.add(a.id);
    const statuses = members.map((a) => compile(a).end);
    return {
      id: area.id,
      number: area.number,
      title: area.title,
      rollUp: fromBadge(undefined, rollUp(statuses, t)),
      counts: countStatuses(statuses),
      areas: areas.filter((a) => a.activities.length > 0),
      pausedOrFinished: members.flatMap((a) => endings(compile(a).entry)),
    };
  });
  const unplaced = view.catalog.activities.filter((a) => !placed.has(a.id)).map((a) => compile(a).entry);
  return {
    title: view.catalog.followUp?.title ?? t('report.title'),
    period: input.period,
    generatedAt: input.generatedAt,
    locale: input.locale,
    checkInCount: data.count,
    totals: countStatuses(view.catalog.activities.map((a) => compile(a).end)),
    focusAreas,
    unplaced,
    goalSeries: goalSeries(view, data, input.period, (activity, code) => statusOf(activity, code)),
  };
}

function compileActivity(
  input: ReportInput,
  activity: Activity,
  statusOf: (activity: Activity, code?: string) => ActivityStatus,
): { entry: ReportActivity; end: ActivityStatus } {
  const rows = input.data.inPeriod.get(activity.id) ?? [];
  const before = input.data.before.get(activity.id);
  const last = rows.at(-1) ?? before;
  const end = statusOf(activity, last?.status_code);
  const timeline: StatusChange[] = [];
  let previous = statusOf(activity, before?.status_code);
  for (const row of rows) {
    const next = statusOf(activity, row.status_code);
    if (next.code !== previous.code)
      timeline.push({
        at: row.created_at,
        author: row.author_name,
        from: fromBadge(previous.code, previous.badge),
        to: fromBadge(next.code, next.badge),
      });
    previous = next;
  }
  const narrated = rows.findLast((r) => r.note.trim() !== '');
  return {
    end,
    entry: {
      id: activity.id,
      name: activity.name,
      owners: input.view.ownerNames(activity),
      status: {
        ...fromBadge(end.code, end.badge),
        source: end.source,
        ...(end.source === 'check-in' && last ? { at: last.created_at } : {}),
        ...(end.source === 'report' && activity.reportedStatusText
          ? { reportedText: activity.reportedStatusText }
          : {}),
      },
      ...(narrated
        ? { narrative: { note: narrated.note, author: narrated.author_name, at: narrated.created_at } }
        : {}),
      timeline,
      checkInsInPeriod: rows.length,
    },
  };
}

function endings(activity: ReportActivity): PeriodEnding[] {
  return activity.timeline
    .filter((change) => change.to.code !== undefined && ENDING_CODES.has(change.to.code))
    .map((change) => ({
      activityId: activity.id,
      name: activity.name,
      status: change.to,
      at: change.at,
      author: change.author,
    }));
}

function fromBadge(
  code: string | undefined,
  badge: { label: string; tone: ReportStatus['tone'] },
): ReportStatus {
  return { code, label: badge.label, tone: badge.tone };
}
