import type { svSchedule } from './sv-schedule.js';

/** English for schedules and being away; every Swedish key has its counterpart (the type checks it). */
export const enSchedule: Readonly<Record<keyof typeof svSchedule, string>> = {
  'catalog.kind.schedule': 'schedule',
  'catalog.expected.time': 'expected a time like "09:00" (24-hour clock, in quotes), got "{value}".',
  'catalog.expected.cadence':
    '"{value}" is not an allowed cadence. Choose weekly, every_n_weeks, monthly_nth_weekday or quarterly.',
  'catalog.expected.weekday':
    '"{value}" is not a weekday. Write monday, tuesday, wednesday, thursday, friday, saturday or sunday.',
  'catalog.expected.weeks': 'expected the number of weeks between check-ins, 2–12, got "{value}".',
  'catalog.expected.date': 'expected a date like 2026-01-13, got "{value}".',
  'catalog.expected.nth': 'expected which weekday of the month: 1, 2, 3, 4 or last, got "{value}".',
  'catalog.expected.monthInQuarter':
    'expected the month of the quarter: 1 (Jan/Apr/Jul/Oct), 2 or 3, got "{value}".',
  'catalog.expected.dayOfMonth': 'expected a day of the month, 1–31, got "{value}".',
  'catalog.expected.timeZone':
    '"{value}" is not a known time zone. Use an IANA name such as Europe/Stockholm.',
  'catalog.expected.summerPause':
    'expected { fromWeek: 28, toWeek: 31 } (week numbers) or false for no summer pause.',
  'catalog.expected.quietHours': 'expected { from: "17:00", until: "08:00" } or false for no quiet hours.',
  'catalog.schedule.scope':
    'a schedule applies to exactly one of plan, network or activity – give one of them with the id it applies to.',
  'catalog.schedule.notForCadence':
    'this cadence does not use the field. weekly: weekday · every_n_weeks: weeks, anchor · monthly_nth_weekday: nth, weekday · quarterly: monthInQuarter and either day or nth + weekday.',
  'catalog.schedule.dayOrWeekday':
    'give either day (of the month) or nth + weekday for a quarterly schedule, not both.',
  'catalog.schedule.twoForScope':
    '"{value}" already has an active schedule ({other}). Two active schedules would ask the same people twice – set active: false on one of them.',
  'cli.help.schedule': 'scheduled check-ins',
  'cli.help.schedulePreview': 'show upcoming check-in prompts, reminders and skipped days',
  'cli.help.from': 'first day to show (YYYY-MM-DD; today when omitted)',
  'cli.help.weeks': 'number of weeks to show (1–104)',
  'cli.schedule.badDate': '--from "{value}" is not a date. Write e.g. --from 2027-01-04.',
  'cli.schedule.badWeeks': '--weeks "{value}" must be a whole number from 1 to 104.',
  'cli.schedule.heading': 'Check-ins {from} – {to}',
  'cli.schedule.none': 'No active schedules. Add one under schedules: in the catalog file.',
  'cli.schedule.round':
    '{date} at {time} ({zone}) · schedule {schedule} · {owners} {owners|person|people} asked',
  'cli.schedule.moved': '  moved from {slot}: {why}',
  'cli.schedule.prompt': '  {owner} <{email}>: {activities}',
  'cli.schedule.away': '  {owner} <{email}>: not asked – away until {until} ({activities})',
  'cli.schedule.noOwner': '  no owner, nobody to ask: {activities}',
  'cli.schedule.reminder': '  reminder {date} at {time} to whoever has not answered',
  'cli.schedule.noReminder.summer': '  no reminder: summer pause',
  'cli.schedule.noReminder.next_round': '  no reminder: the next check-in comes first',
  'cli.schedule.skipped': '{date} · schedule {schedule} · skipped: {why}',
  'cli.schedule.why.holiday': '{name}',
  'cli.schedule.why.bridge': 'bridge day ({name})',
  'cli.schedule.why.weekend': 'weekend',
  'cli.schedule.why.summer': 'summer pause (weeks {from}–{to})',
  'cli.schedule.summary':
    '{rounds} {rounds|check-in|check-ins}, {prompts} {prompts|prompt|prompts}, {skipped} skipped',
  'cmd.away.summary': 'mark yourself away until a date – no check-in prompts meanwhile',
  'cmd.back.summary': 'you are back: check-in prompts as usual again',
  'arg.date': 'date',
  'arg.awayNote': 'note',
  'arg.date.missing': 'give the last day you are away, e.g. 2027-08-10, 10 augusti or 10/8.',
  'away.badDate':
    'I do not understand the date "{value}". Write e.g. delmal borta 2027-08-10, delmal borta 10 augusti or delmal borta 10/8.',
  'away.past': '{date} has already passed. Give the last day you are away – today or later.',
  'away.tooFar': 'You can mark yourself away at most a year ahead ({date} is further).',
  'away.personalNumber':
    'The note contains a personal identity or co-ordination number. Write it without the number – nothing has been saved.',
  'away.saved':
    'You are away until {until} inclusive. No check-in prompts meanwhile, and one combined prompt when you are back.',
  'away.saved.note': 'Note: {note}',
  'away.saved.hint': 'Back earlier? Write delmal tillbaka.',
  'away.noEmail': 'I do not know who you are. In Slack and Teams I recognise you by your e-mail address.',
  'away.unknownPerson':
    'I cannot find anyone with the address {email} in the catalog, so I cannot save your absence. Ask the plan administrator to add you.',
  'away.unavailable': 'Absence cannot be saved from here.',
  'back.done': 'Welcome back! You get check-in prompts as usual again.',
  'back.notAway': 'You are not marked as away, so nothing changed.',
  'mine.away':
    'You are away until {until} inclusive: no check-in prompts. Write delmal tillbaka when you are back.',
};
