import type { svRounds } from './sv-rounds.js';

/** English: running scheduled check-in rounds from the command line. */
export const enRounds: Record<keyof typeof svRounds, string> = {
  'cli.help.checkins': 'scheduled check-in prompts',
  'cli.help.runDue':
    'run what is due now: open check-in rounds, reminders and catch-ups after absences (once each, however many run it)',
  'cli.help.now': 'run as if it were (ISO 8601, e.g. 2027-01-12T09:00:00+01:00; now when left out)',
  'cli.checkins.badNow':
    '--now "{value}" is not a point in time. Write e.g. --now 2027-01-12T09:00:00+01:00.',
  'cli.checkins.heading': 'Check-ins due {at}',
  'cli.checkins.round': 'Round {round}: prompts in the outbox',
  'cli.checkins.skipped': '{slot} · schedule {schedule} · skipped: {why}',
  'cli.checkins.why.missed': 'missed while delmal was not running (more than 24 hours ago) – not sent late',
  'cli.checkins.why.summer': 'summer pause',
  'cli.checkins.summary':
    '{rounds} {rounds|round|rounds}, {prompts} {prompts|prompt|prompts}, {reminders} {reminders|reminder|reminders}, {catchUps} {catchUps|catch-up|catch-ups} after absence',
  'cli.checkins.nothing': 'Nothing was due.',
  'cli.checkins.outbox':
    'The prompts are sent by delmal serve (the outbox), as fast as Slack and Teams allow.',
  'cli.checkins.unreachable': 'Could not be reached in the last 14 days ({count}):',
  'cli.checkins.unreachableLine': '  {who} · {round}: {reason}',
};
