import type { Translate } from '../i18n/i18n.js';
import { addDays, localMidnightUtc } from './period.js';
import type { FollowUpReport, ReportActivity } from './report-model.js';
import { countsText, day } from './report-text.js';

/** An activity counts as silent when it checked in before but not in the period's last this many days. */
const SILENT_DAYS = 90;
/** Names listed in one summary sentence before "och 12 till". */
const MAX_NAMES = 12;

/** Activities that went quiet: a check-in at some point, none in the period's last {@link SILENT_DAYS} days. */
function silentActivities(report: FollowUpReport): ReportActivity[] {
  const cutoff = localMidnightUtc(
    addDays(report.period.to, 1 - SILENT_DAYS),
    report.period.timezone,
  ).toISOString();
  // Finished or paused work has nothing left to report: its silence is not news.
  return report.activities.filter(
    (a) => a.status.active && a.lastCheckInAt !== undefined && a.lastCheckInAt < cutoff,
  );
}

/** Activities at risk, blocked or asking for support at the end of the period. */
function needingSupport(report: FollowUpReport): ReportActivity[] {
  return report.activities.filter(
    (a) =>
      a.needsSupport ||
      (a.status.source === 'check-in' && (a.status.tone === 'red' || a.status.tone === 'yellow')),
  );
}

/** "A, B, C och 4 till". */
function nameList(names: readonly string[], t: Translate): string {
  if (names.length <= MAX_NAMES) return names.join(', ');
  return t('report.summary.more', {
    list: names.slice(0, MAX_NAMES).join(', '),
    count: names.length - MAX_NAMES,
  });
}

/**
 * The summary in plain Swedish, written from the data: how many activities per status, what changed
 * in the period, which need support, which went silent and how many reported nothing. One string
 * per paragraph; every format renders the same sentences.
 */
export function summaryParagraphs(report: FollowUpReport, t: Translate): string[] {
  const reported = report.activities.filter((a) => a.checkInsInPeriod > 0);
  const out = [
    t('report.summary.overview', {
      activities: report.activities.length,
      areas: report.focusAreas.length,
      reported: reported.length,
      checkIns: report.checkInCount,
    }),
    t('report.summary.statuses', { counts: countsText(report.totals, t) }),
  ];
  const changed = report.activities.filter((a) => a.timeline.length > 0);
  out.push(
    changed.length === 0
      ? t('report.summary.noneChanged')
      : t('report.summary.changed', {
          count: changed.length,
          list: nameList(
            changed.map((a) => {
              const last = a.timeline.at(-1);
              return last
                ? t('report.change.item', { name: a.name, to: last.to.label, date: day(report, last.at) })
                : a.name;
            }),
            t,
          ),
        }),
  );
  const support = needingSupport(report);
  out.push(
    support.length === 0
      ? t('report.summary.noneSupport')
      : t('report.summary.support', {
          list: nameList(
            support.map((a) => `${a.name} (${a.status.label})`),
            t,
          ),
        }),
  );
  const silent = silentActivities(report);
  if (silent.length > 0)
    out.push(
      t('report.summary.silent', {
        days: SILENT_DAYS,
        list: nameList(
          silent.map((a) => `${a.name} (${a.lastCheckInAt ? day(report, a.lastCheckInAt) : ''})`),
          t,
        ),
      }),
    );
  const unreported = report.activities.length - reported.length;
  if (unreported > 0) out.push(t('report.summary.unreported', { count: unreported }));
  const fromReport = report.activities.filter((a) => a.status.source === 'report').length;
  if (fromReport > 0 && report.sourceYear !== undefined)
    out.push(t('report.summary.fromReport', { count: fromReport, year: String(report.sourceYear) }));
  return out;
}
