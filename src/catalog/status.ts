import type { Activity, StatusDefinition } from '../../db/model/catalog-schema.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import type { StatusBadge, Tone } from './status-badge.js';

/** The status vocabulary used when a plan defines none (domain.md's default). */
export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  { code: 'on_track', label: 'Enligt plan', labelEn: 'On track', colour: 'green', severity: 0, active: true },
  {
    code: 'at_risk',
    label: 'Risk för avvikelse',
    labelEn: 'At risk',
    colour: 'yellow',
    severity: 2,
    active: true,
  },
  {
    code: 'blocked',
    label: 'Hinder / avvikelse',
    labelEn: 'Blocked',
    colour: 'red',
    severity: 3,
    active: true,
  },
  { code: 'paused', label: 'Pausad', labelEn: 'Paused', colour: 'grey', severity: 1, active: false },
  { code: 'finished', label: 'Avslutad', labelEn: 'Finished', colour: 'blue', severity: 0, active: false },
  {
    code: 'not_started',
    label: 'Ej påbörjad',
    labelEn: 'Not started',
    colour: 'grey',
    severity: 0,
    active: false,
  },
];

/** Where a status comes from: the latest check-in, or the follow-up report the catalog was built from. */
type StatusSource = 'check-in' | 'report';

export interface ActivityStatus {
  /** A vocabulary code, or `undefined` for work the report calls ongoing but nobody has checked in on yet. */
  readonly code: string | undefined;
  readonly badge: StatusBadge;
  readonly source: StatusSource;
  /** Whether the status counts in a roll-up (paused, finished and not started do not). */
  readonly active: boolean;
  readonly severity: number;
}

const REPORTED_TO_CODE = { paused: 'paused', finished: 'finished', planned: 'not_started' } as const;

/** Turns a vocabulary entry into a badge in the reader's language. */
export function badgeOf(definition: StatusDefinition, locale: Locale): StatusBadge {
  return { label: locale === 'en' ? definition.labelEn : definition.label, tone: definition.colour as Tone };
}

/**
 * The latest status of an activity: its latest check-in's. Until its owner checks in, the follow-up report's own status
 * is shown — paused, finished or planned map onto the vocabulary; "ongoing" is not a judgement
 * of whether it goes to plan, so it is shown as such, neutral grey, and does not count in roll-ups.
 */
export function activityStatus(
  activity: Activity,
  vocabulary: readonly StatusDefinition[],
  locale: Locale,
  t: Translate,
  latest?: { readonly statusCode: string },
): ActivityStatus {
  const reported = latest ? vocabulary.find((s) => s.code === latest.statusCode) : undefined;
  if (reported)
    return {
      code: reported.code,
      badge: badgeOf(reported, locale),
      source: 'check-in',
      active: reported.active,
      severity: reported.severity,
    };
  const code = activity.reportedStatus === 'ongoing' ? undefined : REPORTED_TO_CODE[activity.reportedStatus];
  const definition = vocabulary.find((s) => s.code === code);
  if (!definition)
    return {
      code: undefined,
      badge: { label: t('status.ongoingNoCheckIn'), tone: 'grey' },
      source: 'report',
      active: false,
      severity: 0,
    };
  return {
    code,
    badge: badgeOf(definition, locale),
    source: 'report',
    active: false,
    severity: definition.severity,
  };
}

/**
 * Rolls statuses up the way chairs read them: the weakest *active* status wins (a delmål is at
 * risk if one of its running activities is). With no active status, the badge says so plainly
 * and the counts carry the information.
 */
export function rollUp(statuses: readonly ActivityStatus[], t: Translate): StatusBadge {
  const active = statuses.filter((s) => s.active);
  if (active.length > 0) return active.reduce((worst, s) => (s.severity > worst.severity ? s : worst)).badge;
  if (statuses.length === 0) return { label: t('status.noActivities'), tone: 'grey' };
  return { label: t('status.noCheckIns'), tone: 'grey' };
}
