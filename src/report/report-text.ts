import type { Translate } from '../i18n/i18n.js';
import { localDate } from './period.js';
import type { FollowUpReport, StatusAtEnd, StatusCount } from './report-model.js';

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
