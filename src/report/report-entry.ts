import type { Translate } from '../i18n/i18n.js';
import type { FollowUpReport, ReportActivity } from './report-model.js';
import { day, statusAtEndText } from './report-text.js';

/** Notes shown per activity, newest first; older ones are counted. */
const MAX_NOTES = 3;
/** A note is cut near this many characters, at a word boundary. */
const MAX_NOTE_CHARS = 320;
/** Status changes shown per activity; earlier ones are counted. */
const MAX_CHANGES = 4;

/** One activity's compact entry, worded once for every format. */
export interface ActivityEntry {
  readonly status: string;
  readonly notes: readonly { readonly date: string; readonly author: string; readonly text: string }[];
  readonly olderNotes: string | undefined;
  readonly changes: string | undefined;
  readonly nextStep: string | undefined;
  readonly reportedBy: string | undefined;
  readonly needsSupport: string | undefined;
}

/** Shortens a note at a word boundary: the start of an owner's note carries what happened. */
function shorten(text: string, max = MAX_NOTE_CHARS): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')} …`;
}

/** The entry of an activity that reported in the period. */
export function activityEntry(report: FollowUpReport, a: ReportActivity, t: Translate): ActivityEntry {
  const shown = a.notes.slice(0, MAX_NOTES);
  const older = a.notes.length - shown.length;
  const changes = a.timeline.slice(-MAX_CHANGES);
  const earlier = a.timeline.length - changes.length;
  return {
    status: statusAtEndText(report, a.status, t),
    notes: shown.map((n) => ({ date: day(report, n.at), author: n.author, text: shorten(n.note) })),
    olderNotes: older > 0 ? t('report.activity.olderNotes', { count: older }) : undefined,
    changes:
      changes.length === 0
        ? undefined
        : [
            ...(earlier > 0 ? [t('report.activity.earlierChanges', { count: earlier })] : []),
            ...changes.map((c) => `${day(report, c.at)} ${c.to.label}`),
          ].join(' · '),
    nextStep: a.nextStep ? shorten(a.nextStep.note, 200) : undefined,
    reportedBy:
      a.reporters.length === 0
        ? undefined
        : t('report.activity.reportedByText', { names: a.reporters.join(', '), count: a.checkInsInPeriod }),
    needsSupport: a.needsSupport ? t('report.activity.needsSupport') : undefined,
  };
}

/** "CROSS – Enligt plan (avstämning 2025-05-05)" for the list of activities with nothing reported. */
export function unreportedLine(report: FollowUpReport, a: ReportActivity, t: Translate): string {
  return `${a.name} – ${statusAtEndText(report, a.status, t)}`;
}

/** Activities of an insatsområde's aktivitetsområden split into those with an entry and the quiet ones. */
export function splitReported<T extends { readonly activities: readonly ReportActivity[] }>(
  areas: readonly T[],
): { groups: { area: T; activities: ReportActivity[] }[]; quiet: ReportActivity[] } {
  const quiet = new Map<string, ReportActivity>();
  const groups = areas.map((area) => ({
    area,
    activities: area.activities.filter((a) => {
      if (a.checkInsInPeriod > 0) return true;
      quiet.set(a.id, a);
      return false;
    }),
  }));
  return { groups: groups.filter((g) => g.activities.length > 0), quiet: [...quiet.values()] };
}
