import { z } from 'zod';
import { toUtc } from '../../db/model/zoned-time.js';

/** A report period: whole local days `from`–`to` (both included) in the plan's time zone. */
export interface ReportPeriod {
  /** `YYYY-MM-DD`, as the editor typed it. */
  readonly from: string;
  readonly to: string;
  /** First instant of `from`, UTC ISO-8601. */
  readonly startUtc: string;
  /** First instant of the day after `to`, UTC ISO-8601 (exclusive). */
  readonly endUtc: string;
  readonly timezone: string;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  });

/** Why a period was refused: the CLI words each case for the editor. */
export type PeriodProblem = 'from' | 'to' | 'order';

/** Validates `--from` and `--to` and fixes the period's instants in `timezone`. */
export function parsePeriod(
  from: string,
  to: string,
  timezone: string,
): { ok: true; period: ReportPeriod } | { ok: false; problem: PeriodProblem } {
  if (!isoDate.safeParse(from).success) return { ok: false, problem: 'from' };
  if (!isoDate.safeParse(to).success) return { ok: false, problem: 'to' };
  if (from > to) return { ok: false, problem: 'order' };
  return {
    ok: true,
    period: {
      from,
      to,
      timezone,
      startUtc: localMidnightUtc(from, timezone).toISOString(),
      endUtc: localMidnightUtc(addDays(to, 1), timezone).toISOString(),
    },
  };
}

/** `YYYY-MM-DD` plus `days`, on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant at which `date` begins in `timezone` (DST-aware: offsets are read, not assumed). */
export function localMidnightUtc(date: string, timezone: string): Date {
  return toUtc(date, '00:00', timezone);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of `iso` in `timezone`, `YYYY-MM-DD`. */
export function localDate(iso: string, timezone: string): string {
  // Building a formatter costs far more than using one; a report formats tens of thousands of dates.
  let format = dayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timezone, format);
  }
  return format.format(new Date(iso));
}
