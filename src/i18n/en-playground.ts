import type { svPlayground } from './sv-playground.js';

/** English: the playground's simulated clock. */
export const enPlayground: Readonly<Record<keyof typeof svPlayground, string>> = {
  'playground.clock.title': 'Simulated time',
  'playground.clock.hint':
    'Move time forward: delmal does what falls due on the way – opens check-ins, reminds and posts the Monday digest.',
  'playground.clock.quarter': '+15 min',
  'playground.clock.hour': '+1 hour',
  'playground.clock.day': '+1 day',
  'playground.clock.week': '+1 week',
  'playground.clock.moving': 'Moving time …',
  'playground.clock.badJump': 'Time moves forward by 1 minute to 8 days at a time.',
  'cli.help.serveClock':
    'run on simulated time starting at TIME and running on, e.g. 2026-12-15T08:55+01:00 (local only)',
  'cli.serve.clockLocalOnly':
    'Simulated time (--clock) is for local use only: start with DELMAL_ENV=local and without Slack or Teams credentials.',
  'cli.serve.clockInvalid':
    'Cannot read the time "{value}". Write it with a time zone, e.g. 2026-12-15T08:55+01:00.',
  'cli.serve.clockStarted':
    'Simulated time: the clock starts at {time} and runs on. Move it forward with the buttons in the playground.',
};
