/** Swedish: running scheduled check-in rounds from the command line (`delmal checkins run-due`). */
export const svRounds = {
  'cli.help.checkins': 'schemalagda avstämningsfrågor',
  'cli.help.runDue':
    'kör det som är dags nu: öppna avstämningar, påminnelser och samlade frågor efter frånvaro (en gång per tillfälle, även om flera kör)',
  'cli.help.now': 'kör som om klockan vore (ISO 8601, t.ex. 2027-01-12T09:00:00+01:00; nu om den saknas)',
  'cli.checkins.badNow': '--now "{value}" är ingen tidpunkt. Skriv t.ex. --now 2027-01-12T09:00:00+01:00.',
  'cli.checkins.heading': 'Avstämningar som är dags {at}',
  'cli.checkins.round': 'Avstämning {round}: frågor i utkorgen',
  'cli.checkins.skipped': '{slot} · schema {schedule} · hoppas över: {why}',
  'cli.checkins.why.missed':
    'missad medan delmal inte körde (mer än 24 timmar sedan) – skickas inte i efterhand',
  'cli.checkins.why.summer': 'sommaruppehåll',
  'cli.checkins.summary':
    '{rounds} {rounds|avstämning|avstämningar}, {prompts} {prompts|fråga|frågor}, {reminders} {reminders|påminnelse|påminnelser}, {catchUps} {catchUps|samlad fråga|samlade frågor} efter frånvaro',
  'cli.checkins.nothing': 'Inget var dags.',
  'cli.checkins.outbox': 'Frågorna skickas av delmal serve (utkorgen), i den takt Slack och Teams tillåter.',
  'cli.checkins.unreachable': 'Kunde inte nås senaste 14 dagarna ({count}):',
  'cli.checkins.unreachableLine': '  {who} · {round}: {reason}',
} as const;
