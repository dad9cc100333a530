/** Swedish: the playground's simulated clock, in the page and on the command line (`delmal serve --clock`). */
export const svPlayground = {
  'playground.clock.title': 'Simulerad tid',
  'playground.clock.hint':
    'Flytta tiden framåt: delmal gör det som hinner bli dags – öppnar avstämningar, påminner och skickar måndagens sammanfattning.',
  'playground.clock.quarter': '+15 min',
  'playground.clock.hour': '+1 timme',
  'playground.clock.day': '+1 dygn',
  'playground.clock.week': '+1 vecka',
  'playground.clock.moving': 'Flyttar tiden …',
  'playground.clock.badJump': 'Tiden kan flyttas framåt 1 minut till 8 dygn åt gången.',
  'cli.help.serveClock':
    'kör på simulerad tid som börjar vid TIDPUNKT och går vidare, t.ex. 2026-12-15T08:55+01:00 (bara lokalt)',
  'cli.serve.clockLocalOnly':
    'Simulerad tid (--clock) finns bara lokalt: starta med DELMAL_ENV=local och utan Slack- och Teams-uppgifter.',
  'cli.serve.clockInvalid':
    'Tidpunkten "{value}" går inte att läsa. Skriv den med tidszon, t.ex. 2026-12-15T08:55+01:00.',
  'cli.serve.clockStarted':
    'Simulerad tid: klockan börjar {time} och går vidare. Flytta den framåt med knapparna i testmiljön.',
} as const;
