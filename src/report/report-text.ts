import type { Translate } from '../i18n/i18n.js';
import { localDate } from './period.js';
import type {
  FollowUpReport,
  ReportComparison,
  ReportFocusArea,
  StatusAtEnd,
  StatusCount,
} from './report-model.js';

/**
 * Wording shared by every report format, so DOCX, Markdown and HTML say exactly the same things.
 */

/** A date as the report shows it: the local calendar day, `YYYY-MM-DD`. */
export function day(report: FollowUpReport, iso: string): string {
  return localDate(iso, report.period.timezone);
}

/**
 * "Enligt plan (avstämning 2026-10-03)", or — with no check-in at or before the period's end — what
 * the catalog's follow-up report said, labelled with its source and year: "Avslutad (enligt
 * uppföljningen 2023)". Never worded as something that happened in the period.
 */
export function statusAtEndText(report: FollowUpReport, status: StatusAtEnd, t: Translate): string {
  if (status.source === 'check-in' || !status.reported)
    return t('report.activity.statusCheckIn', {
      status: status.label,
      date: status.at ? day(report, status.at) : '',
    });
  const { label, text } = status.reported;
  const year = status.reported.year === undefined ? undefined : String(status.reported.year);
  if (year === undefined)
    return text
      ? t('report.activity.statusReportedText', { status: label, text })
      : t('report.activity.statusReported', { status: label });
  return text
    ? t('report.activity.statusReportedYearText', { status: label, year, text })
    : t('report.activity.statusReportedYear', { status: label, year });
}

/** "3 Enligt plan, 1 Risk för avvikelse", worst first. */
export function countsText(counts: readonly StatusCount[], t: Translate): string {
  if (counts.length === 0) return t('report.counts.none');
  return counts.map((c) => `${c.count} ${c.label}`).join(', ');
}

/** The number of distinct activities a report covers. */
export function activityCount(report: FollowUpReport): number {
  const ids = new Set<string>(report.unplaced.map((a) => a.id));
  for (const area of report.focusAreas)
    for (const group of area.areas) for (const a of group.activities) ids.add(a.id);
  return ids.size;
}

/** File-name-safe slug for chart assets. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The document's title: the report's title and its period, "… 2026-01-01 – 2026-12-31". */
export function documentTitle(report: FollowUpReport): string {
  return `${report.title} ${report.period.from} – ${report.period.to}`;
}

/** An insatsområde's short data summary: counts, roll-up, its aktivitetsområden, what ended. */
export function focusAreaData(report: FollowUpReport, area: ReportFocusArea, t: Translate): string[] {
  const ids = new Set<string>();
  const reported = new Set<string>();
  for (const group of area.areas)
    for (const a of group.activities) {
      ids.add(a.id);
      if (a.checkInsInPeriod > 0) reported.add(a.id);
    }
  const out = [
    t('report.focusArea.data', {
      activities: ids.size,
      reported: reported.size,
      counts: countsText(area.counts, t),
      status: area.rollUp.label,
    }),
    t('report.focusArea.areas', { list: area.areas.map((g) => g.title).join(', ') }),
  ];
  if (area.pausedOrFinished.length > 0)
    out.push(
      `${t('report.ended.heading')}: ${area.pausedOrFinished
        .map((e) => `${e.name} (${e.status.label} ${day(report, e.at)})`)
        .join(', ')}.`,
    );
  return out;
}

/** The appendix: every activity once, with status at the period's end, latest check-in and owner. */
export function appendixRows(report: FollowUpReport, t: Translate): { header: string[]; rows: string[][] } {
  return {
    header: [
      t('report.appendix.activity'),
      t('report.appendix.status'),
      t('report.appendix.last'),
      t('report.appendix.owner'),
    ],
    rows: report.activities.map((a) => [
      a.name,
      // The table keeps to the status; the follow-up report's own words are in the entry.
      a.status.source === 'check-in' || !a.status.reported
        ? a.status.label
        : statusAtEndText(report, { ...a.status, reported: { ...a.status.reported, text: undefined } }, t),
      a.lastCheckInAt ? day(report, a.lastCheckInAt) : t('report.appendix.never'),
      a.owners.length > 0 ? a.owners.join(', ') : t('report.activity.noOwner'),
    ]),
  };
}

/** The comparison with an earlier period, worded once for every format. */
export function comparisonLines(
  report: FollowUpReport,
  comparison: ReportComparison,
  t: Translate,
): { heading: string; intro: string; items: string[] } {
  return {
    heading: t('report.compare.heading', { label: comparison.label }),
    intro: t('report.compare.intro', {
      count: comparison.changes.length,
      label: comparison.label,
      to: comparison.to,
      unchanged: comparison.unchanged,
    }),
    items: comparison.changes.map((c) =>
      t('report.compare.item', {
        name: c.name,
        before: statusAtEndText(report, c.before, t),
        after: statusAtEndText(report, c.after, t),
      }),
    ),
  };
}
