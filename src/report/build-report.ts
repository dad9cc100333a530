import type { Activity } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import { type ActivityStatus, rollUp } from '../catalog/status.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import { goalSeries } from './goal-series.js';
import type { ReportPeriod } from './period.js';
import { countInOrder, statusOrder } from './report-counts.js';
import type { PeriodCheckIns } from './report-data.js';
import type {
  FollowUpReport,
  Narrative,
  PeriodEnding,
  ReportActivity,
  ReportActivityArea,
  ReportFocusArea,
  ReportStatus,
  StatusAtEnd,
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
 * aktivitetsområden → their activities, each with status at the end of the period, the period's
 * notes and status changes. An activity serving several insatsområden appears under each, as in
 * the region's report.
 */
export function buildFollowUpReport(input: ReportInput): FollowUpReport {
  const { view, t } = input;
  const noCheckIn = t('report.status.noCheckIn');
  // As of a date, a status the catalog took from an old follow-up report is not news: it counts
  // as "no check-in" in totals and charts, and the entry says what that report said.
  const statusOf = (activity: Activity, code?: string): ActivityStatus => {
    const status = view.statusOf(
      activity,
      input.locale,
      t,
      code === undefined ? undefined : { statusCode: code },
    );
    return status.source === 'check-in'
      ? status
      : { ...status, code: undefined, badge: { label: noCheckIn, tone: 'grey' }, active: false };
  };
  const order = statusOrder(view.vocabulary(), input.locale, noCheckIn);
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
    return {
      id: area.id,
      number: area.number,
      title: area.title,
      rollUp: fromBadge(
        undefined,
        rollUp(
          members.map((a) => compile(a).end),
          t,
        ),
      ),
      counts: countInOrder(
        members.map((a) => compile(a).entry.status),
        order,
      ),
      areas: areas.filter((a) => a.activities.length > 0),
      pausedOrFinished: members.flatMap((a) => endings(compile(a).entry)),
    };
  });
  const unplaced = view.catalog.activities.filter((a) => !placed.has(a.id)).map((a) => compile(a).entry);
  const all = view.catalog.activities.map((a) => compile(a).entry);
  return {
    title: view.catalog.followUp?.title ?? t('report.title'),
    period: input.period,
    generatedAt: input.generatedAt,
    locale: input.locale,
    planName: view.currentPlan?.name ?? '',
    sourceYear: view.catalog.followUp?.year,
    checkInCount: input.data.count,
    totals: countInOrder(
      all.map((a) => a.status),
      order,
    ),
    statusOrder: order,
    focusAreas,
    unplaced,
    goalSeries: goalSeries(view, input.data, input.period, statusOf),
    activities: [...all].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
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
  const notes: Narrative[] = [];
  const reporters: string[] = [];
  let nextStep: Narrative | undefined;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (!row) continue;
    if (row.note.trim() !== '') notes.push({ note: row.note, author: row.author_name, at: row.created_at });
    if (!nextStep && row.next_step && row.next_step.trim() !== '')
      nextStep = { note: row.next_step, author: row.author_name, at: row.created_at };
    if (!reporters.includes(row.author_name)) reporters.push(row.author_name);
  }
  const narrative = notes[0];
  return {
    end,
    entry: {
      id: activity.id,
      name: activity.name,
      owners: input.view.ownerNames(activity),
      status: statusAtEnd(input, activity, end, last?.created_at),
      ...(narrative ? { narrative } : {}),
      notes,
      ...(nextStep ? { nextStep } : {}),
      needsSupport: rows.at(-1)?.needs_support === 1,
      reporters,
      ...(last ? { lastCheckInAt: last.created_at } : {}),
      timeline,
      checkInsInPeriod: rows.length,
    },
  };
}

/**
 * The status an activity ends a period with, given its latest check-in at or before the period's
 * end (`end` from that check-in, or the catalog's when there is none). Also used for the earlier
 * period of a comparison.
 */
export function statusAtEnd(
  input: Pick<ReportInput, 'view' | 'locale' | 't'>,
  activity: Activity,
  end: ActivityStatus,
  lastAt: string | undefined,
): StatusAtEnd {
  if (end.source === 'check-in')
    return {
      ...fromBadge(end.code, end.badge),
      source: 'check-in',
      active: end.active,
      ...(lastAt ? { at: lastAt } : {}),
    };
  const said = input.view.statusOf(activity, input.locale, input.t);
  return {
    ...fromBadge(end.code, end.badge),
    source: 'report',
    active: false,
    reported: {
      label: said.code === undefined ? input.t('report.status.ongoing') : said.badge.label,
      year: input.view.catalog.followUp?.year,
      ...(activity.reportedStatusText ? { text: activity.reportedStatusText } : {}),
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
