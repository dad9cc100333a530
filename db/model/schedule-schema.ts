import { z } from 'zod';
import { isLocalDate, WEEKDAYS } from './local-date.js';
import { isTimeZone, isWallTime } from './zoned-time.js';

/**
 * A check-in schedule as the catalog file writes it and the database stores it. One entry belongs
 * to exactly one scope — a plan (the default for its activities), a network, or one activity (an
 * override) — named by the key `plan`, `network` or `activity`.
 */
const CADENCES = ['weekly', 'every_n_weeks', 'monthly_nth_weekday', 'quarterly'] as const;
type CadenceKind = (typeof CADENCES)[number];
const SCOPES = ['plan', 'network', 'activity'] as const;
export type ScheduleScope = (typeof SCOPES)[number];

/** Fields each cadence uses; any other cadence field on an entry is an error, not silently ignored. */
const CADENCE_FIELDS = {
  weekly: ['weekday'],
  every_n_weeks: ['weeks', 'anchor'],
  monthly_nth_weekday: ['nth', 'weekday'],
  quarterly: ['monthInQuarter', 'nth', 'weekday', 'day'],
} as const satisfies Record<CadenceKind, readonly string[]>;
const ALL_CADENCE_FIELDS = ['weekday', 'weeks', 'anchor', 'nth', 'monthInQuarter', 'day'] as const;

const slug = z
  .string({ error: 'catalog.expected.id' })
  .max(80, { error: 'catalog.expected.id' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'catalog.expected.id' });
const wallTime = z
  .string({ error: 'catalog.expected.time' })
  .refine(isWallTime, { error: 'catalog.expected.time' });
const count = (max: number) =>
  z
    .number({ error: 'catalog.expected.number' })
    .int({ error: 'catalog.expected.number' })
    .min(0, { error: 'catalog.expected.number' })
    .max(max, { error: 'catalog.expected.number' });

export const scheduleSchema = z
  .strictObject({
    id: slug,
    plan: slug.optional(),
    network: slug.optional(),
    activity: slug.optional(),
    cadence: z.enum(CADENCES, { error: 'catalog.expected.cadence' }),
    weekday: z.enum(WEEKDAYS, { error: 'catalog.expected.weekday' }).optional(),
    /** every_n_weeks: the interval, 2–12 weeks. */
    weeks: z
      .number({ error: 'catalog.expected.weeks' })
      .int({ error: 'catalog.expected.weeks' })
      .min(2, { error: 'catalog.expected.weeks' })
      .max(12, { error: 'catalog.expected.weeks' })
      .optional(),
    /** every_n_weeks: one date the schedule runs on; its weekday is the schedule's weekday. */
    anchor: z
      .string({ error: 'catalog.expected.date' })
      .refine(isLocalDate, { error: 'catalog.expected.date' })
      .optional(),
    /** The n-th weekday of the month (1–4) or the last one. */
    nth: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('last')], {
        error: 'catalog.expected.nth',
      })
      .optional(),
    /** quarterly: which month of each quarter (1 = jan/apr/jul/okt). */
    monthInQuarter: z
      .union([z.literal(1), z.literal(2), z.literal(3)], { error: 'catalog.expected.monthInQuarter' })
      .optional(),
    /** quarterly: a day of the month (1–31; a short month uses its last day) instead of nth + weekday. */
    day: z
      .number({ error: 'catalog.expected.dayOfMonth' })
      .int({ error: 'catalog.expected.dayOfMonth' })
      .min(1, { error: 'catalog.expected.dayOfMonth' })
      .max(31, { error: 'catalog.expected.dayOfMonth' })
      .optional(),
    time: wallTime.default('09:00'),
    timeZone: z
      .string({ error: 'catalog.expected.timeZone' })
      .refine(isTimeZone, { error: 'catalog.expected.timeZone' })
      .default('Europe/Stockholm'),
    active: z.boolean({ error: 'catalog.expected.boolean' }).default(true),
    /** ISO weeks without prompts (inclusive); `false` for none. Default weeks 28–31 (July). */
    summerPause: z
      .union(
        [
          z.literal(false),
          z.strictObject({
            fromWeek: z.number().int().min(1).max(53),
            toWeek: z.number().int().min(1).max(53),
          }),
        ],
        { error: 'catalog.expected.summerPause' },
      )
      .default({ fromWeek: 28, toWeek: 31 }),
    /** No prompt for an activity its owner updated within this many days. */
    skipIfUpdatedWithinDays: count(90).default(7),
    /** One private reminder after this many workdays without an answer; 0 for none. */
    reminderAfterWorkdays: count(20).default(2),
    /** Local hours without reminders (from–until, may wrap midnight); `false` for none. */
    quietHours: z
      .union([z.literal(false), z.strictObject({ from: wallTime, until: wallTime })], {
        error: 'catalog.expected.quietHours',
      })
      .default({ from: '17:00', until: '08:00' }),
  })
  .superRefine((entry, ctx) => {
    const scopes = SCOPES.filter((s) => entry[s] !== undefined);
    if (scopes.length !== 1)
      ctx.addIssue({ code: 'custom', path: scopes.slice(1, 2), message: 'catalog.schedule.scope' });
    const used: readonly string[] = CADENCE_FIELDS[entry.cadence];
    for (const field of ALL_CADENCE_FIELDS)
      if (entry[field] !== undefined && !used.includes(field))
        ctx.addIssue({ code: 'custom', path: [field], message: 'catalog.schedule.notForCadence' });
    const need = (field: (typeof ALL_CADENCE_FIELDS)[number]) => {
      if (entry[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'catalog.missing' });
    };
    if (entry.cadence === 'weekly') need('weekday');
    if (entry.cadence === 'every_n_weeks') {
      need('weeks');
      need('anchor');
    }
    if (entry.cadence === 'monthly_nth_weekday') {
      need('nth');
      need('weekday');
    }
    if (entry.cadence === 'quarterly') {
      need('monthInQuarter');
      const byWeekday = entry.nth !== undefined || entry.weekday !== undefined;
      if (byWeekday && entry.day !== undefined)
        ctx.addIssue({ code: 'custom', path: ['day'], message: 'catalog.schedule.dayOrWeekday' });
      else if (byWeekday) {
        need('nth');
        need('weekday');
      } else need('day');
    }
  });

export type ScheduleEntry = z.output<typeof scheduleSchema>;
export type Nth = NonNullable<ScheduleEntry['nth']>;

/** The scope an entry belongs to and the id it names there. */
export function scopeOf(entry: ScheduleEntry): { scope: ScheduleScope; scopeId: string } {
  for (const scope of SCOPES) {
    const id = entry[scope];
    if (id !== undefined) return { scope, scopeId: id };
  }
  throw new Error(`schedule ${entry.id} names no scope`);
}
