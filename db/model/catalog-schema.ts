import { z } from 'zod';
import { WEEKDAYS } from './local-date.js';
import { LOCALES } from './locales.js';
import { scheduleSchema } from './schedule-schema.js';
import { isTimeZone, isWallTime } from './zoned-time.js';

/**
 * The catalog file, format 1: the plan structure as documents describe it, plus the people and
 * networks who work with it. The YAML file in `db/catalog/` and `delmal catalog export` share this shape.
 * Field-level rules live here; cross-references are checked by `checkReferences`.
 */
export const CATALOG_FORMAT = 1;

const slug = z
  .string({ error: 'catalog.expected.id' })
  .max(80, { error: 'catalog.expected.id' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'catalog.expected.id' });
const title = z.string({ error: 'catalog.expected.text' }).trim().min(1, { error: 'catalog.expected.text' });
const optionalText = z.string({ error: 'catalog.expected.text' }).optional();
const year = z
  .number({ error: 'catalog.expected.year' })
  .int({ error: 'catalog.expected.year' })
  .min(1900)
  .max(2200);
const period = z
  .string({ error: 'catalog.expected.period' })
  .regex(/^\d{4}(-\d{2})?$/, { error: 'catalog.expected.period' })
  .optional();
const email = z.email({ error: 'catalog.expected.email' }).transform((value) => value.toLowerCase());
const ids = z.array(slug, { error: 'catalog.expected.idList' }).default([]);

const sourceSchema = z.strictObject({
  document: title,
  section: z.string({ error: 'catalog.expected.text' }).default(''),
});

const REPORTED_STATUSES = ['planned', 'ongoing', 'paused', 'finished'] as const;
const STATUS_COLOURS = ['green', 'yellow', 'red', 'grey', 'blue'] as const;

const statusSchema = z.strictObject({
  code: z
    .string({ error: 'catalog.expected.code' })
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'catalog.expected.code' }),
  label: title,
  labelEn: title,
  colour: z.enum(STATUS_COLOURS, { error: 'catalog.expected.colour' }),
  /** Higher is worse; a roll-up shows the most severe active status. */
  severity: z.number().int().min(0).max(9),
  /** Inactive statuses (paused, finished, not started) do not drag a roll-up down. */
  active: z.boolean().default(true),
});

const focusAreaSchema = z.strictObject({
  id: slug,
  number: z.number({ error: 'catalog.expected.number' }).int().min(1),
  title,
  description: optionalText,
  commonFocusArea: slug.optional(),
  source: sourceSchema.optional(),
});

const goalSchema = z.strictObject({
  id: slug,
  number: z.number({ error: 'catalog.expected.number' }).int({ error: 'catalog.expected.number' }).min(1),
  title,
  focusArea: slug.optional(),
  text: z.string({ error: 'catalog.expected.text' }).default(''),
  source: sourceSchema.optional(),
});

const planSchema = z.strictObject({
  id: slug,
  name: title,
  kind: z.enum(['action_plan', 'programme', 'roadmap'], { error: 'catalog.expected.planKind' }),
  periodStart: year,
  periodEnd: year.optional(),
  decidedBy: optionalText,
  current: z.boolean({ error: 'catalog.expected.boolean' }).default(false),
  goalTerm: z.string().default('delmål'),
  summary: optionalText,
  effectGoals: ids,
  source: sourceSchema.optional(),
  statuses: z.array(statusSchema).default([]),
  focusAreas: z.array(focusAreaSchema).default([]),
  goals: z.array(goalSchema).default([]),
});

const activityAreaSchema = z.strictObject({ id: slug, title, description: optionalText });

const commonFocusAreaSchema = focusAreaSchema.omit({ commonFocusArea: true }).extend({
  activityAreas: z.array(activityAreaSchema).default([]),
});

const followUpSchema = z.strictObject({
  id: slug,
  title,
  year: year.optional(),
  source: sourceSchema.optional(),
  focusAreas: z.array(commonFocusAreaSchema).default([]),
});

const activitySchema = z.strictObject({
  id: slug,
  name: title,
  description: z.string({ error: 'catalog.expected.text' }).default(''),
  reportedStatus: z.enum(REPORTED_STATUSES, { error: 'catalog.expected.reportedStatus' }),
  reportedStatusText: optionalText,
  periodStart: period,
  periodEnd: period,
  interventionLevels: ids,
  focusAreas: ids,
  activityAreas: ids,
  goals: ids,
  owners: z.array(email, { error: 'catalog.expected.emailList' }).default([]),
  source: sourceSchema.optional(),
});

/** The ways a person can be reached, in `people.reach`. */
export const PERSON_REACH = ['chat', 'email', 'chat-then-email'] as const;

const personSchema = z.strictObject({
  email,
  name: title,
  organisation: optionalText,
  /** The language delmal speaks to this person; the workspace default when unset. */
  locale: z.enum(LOCALES, { error: 'catalog.expected.locale' }).optional(),
  /** A plan administrator: sees delivery failures (`delmal leveranser`). */
  admin: z.boolean({ error: 'catalog.expected.boolean' }).default(false),
  demo: z.boolean().default(false),
  /**
   * How delmal reaches the person: `chat` (Slack or Teams, the default), `email` (prompts by
   * e-mail, answered on delmal's page), `chat-then-email` (e-mail only when no chat DM works).
   */
  reach: z.enum(PERSON_REACH, { error: 'catalog.expected.reach' }).default('chat'),
  /**
   * A chair's opt-in: the digest of every network the person chairs comes to them by e-mail too
   * (besides the network's channels), whatever their `reach`.
   */
  digestByEmail: z.boolean({ error: 'catalog.expected.boolean' }).default(false),
});

/** A chat channel a network's digest goes to: the platform's own ids (`delmal natverk koppla` shows them). */
const networkChannelSchema = z.strictObject({
  platform: z.enum(['slack', 'teams', 'local'], { error: 'catalog.expected.platform' }),
  /** Slack team id (T…), Teams tenant id, `local` for the playground. */
  workspace: z.string({ error: 'catalog.expected.text' }).trim().min(1, { error: 'catalog.expected.text' }),
  /** Slack channel id (C…), Teams conversation id (19:…@thread.tacv2), `network:<id>` in the playground. */
  channel: z.string({ error: 'catalog.expected.text' }).trim().min(1, { error: 'catalog.expected.text' }),
  name: optionalText,
});

/** When a network's weekly digest goes out; each field defaults to Monday 08:00 Europe/Stockholm. */
const networkDigestSchema = z.strictObject({
  weekday: z.enum(WEEKDAYS, { error: 'catalog.expected.weekday' }).default('monday'),
  time: z
    .string({ error: 'catalog.expected.time' })
    .refine(isWallTime, { error: 'catalog.expected.time' })
    .default('08:00'),
  timeZone: z
    .string({ error: 'catalog.expected.timeZone' })
    .refine(isTimeZone, { error: 'catalog.expected.timeZone' })
    .default('Europe/Stockholm'),
  active: z.boolean({ error: 'catalog.expected.boolean' }).default(true),
});

const networkSchema = z.strictObject({
  id: slug,
  name: title,
  description: optionalText,
  chairs: z.array(email, { error: 'catalog.expected.emailList' }).default([]),
  members: z.array(email, { error: 'catalog.expected.emailList' }).default([]),
  /** The delmål and insatsområden the network follows: what its digest covers. */
  goals: ids,
  focusAreas: ids,
  /**
   * Where its digest goes, at most one channel per platform. Absent: keep the channels bound in
   * chat (`delmal natverk koppla`); a list replaces them.
   */
  channels: z.array(networkChannelSchema).optional(),
  /** Its own digest time; absent: Monday 08:00 Europe/Stockholm (an import without it keeps the stored one). */
  digest: networkDigestSchema.optional(),
  demo: z.boolean().default(false),
});

const rusSchema = z.strictObject({
  id: slug,
  name: title,
  periodStart: year,
  periodEnd: year.optional(),
  overallGoals: z.array(z.strictObject({ id: slug, title, description: optionalText })).default([]),
  effectGoals: z
    .array(
      z.strictObject({
        id: slug,
        title,
        description: optionalText,
        overallGoal: slug.optional(),
        source: sourceSchema.optional(),
      }),
    )
    .default([]),
});

const interventionLevelSchema = z.strictObject({
  id: slug,
  title,
  description: optionalText,
  source: sourceSchema.optional(),
});

/** A whole catalog file. Every section is optional so a file can carry only what it changes. */
export const catalogSchema = z.strictObject({
  format: z.literal(CATALOG_FORMAT, { error: 'catalog.expected.format' }),
  version: z.string().optional(),
  description: optionalText,
  rus: rusSchema.optional(),
  interventionLevels: z.array(interventionLevelSchema).default([]),
  plans: z.array(planSchema).default([]),
  followUp: followUpSchema.optional(),
  activities: z.array(activitySchema).default([]),
  people: z.array(personSchema).default([]),
  networks: z.array(networkSchema).default([]),
  /** Check-in schedules: a plan's default, a network's, or one activity's override. */
  schedules: z.array(scheduleSchema).default([]),
});

export type Catalog = z.output<typeof catalogSchema>;
export type Plan = z.output<typeof planSchema>;
export type Goal = z.output<typeof goalSchema>;
export type FocusArea = z.output<typeof focusAreaSchema>;
export type CommonFocusArea = z.output<typeof commonFocusAreaSchema>;
export type Activity = z.output<typeof activitySchema>;
export type Person = z.output<typeof personSchema>;
export type Network = z.output<typeof networkSchema>;
export type NetworkChannel = z.output<typeof networkChannelSchema>;
export type StatusDefinition = z.output<typeof statusSchema>;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];
