import { toLocal, toUtc } from '../../db/model/zoned-time.js';
import { fold } from '../search/text-processing.js';

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  mars: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augusti: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Midnight at the start of a calendar day in `timezone`, as an instant. */
function startOfDay(year: number, month: number, day: number, timezone: string): Date {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return toUtc(date, '00:00', timezone);
}

function today(now: Date, timezone: string): { year: number; month: number; day: number } {
  const [year, month, day] = toLocal(now, timezone).date.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 1, day: day ?? 1 };
}

/**
 * Reads the date in "sedan 1 november", "sedan 2026-11-15", "sedan 15/11", "sedan förra veckan",
 * "sedan igår" as the start of that day in `timezone`. A date without a year that would lie in the
 * future means last year's. Undefined when no date can be read.
 */
export function parseSince(text: string, now: Date, timezone: string): Date | undefined {
  const t = fold(text)
    .trim()
    .replace(/[?!.]+$/, '');
  const base = today(now, timezone);
  const daysAgo = (days: number) => {
    const d = new Date(Date.UTC(base.year, base.month - 1, base.day - days));
    return startOfDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), timezone);
  };
  if (/\b(igar|yesterday)\b/.test(t)) return daysAgo(1);
  if (/\b(forra|senaste) veckan\b|\blast week\b/.test(t)) return daysAgo(7);
  if (/\b(forra|senaste) manaden\b|\blast month\b/.test(t)) return daysAgo(30);
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]), timezone);
  const named = /\b(\d{1,2})(?::?e|:a)?\s+([a-z]+)\.?(?:\s+(\d{4}))?\b/.exec(t);
  const namedMonth = named ? MONTHS[named[2] ?? ''] : undefined;
  if (named && namedMonth) return withYear(Number(named[1]), namedMonth, named[3], base, timezone);
  const slash = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/.exec(t);
  if (slash) return withYear(Number(slash[1]), Number(slash[2]), slash[3], base, timezone);
  return undefined;
}

function withYear(
  day: number,
  month: number,
  year: string | undefined,
  base: { year: number; month: number; day: number },
  timezone: string,
): Date | undefined {
  if (year) return valid(Number(year), month, day, timezone);
  const future = month > base.month || (month === base.month && day > base.day);
  return valid(future ? base.year - 1 : base.year, month, day, timezone);
}

function valid(year: number, month: number, day: number, timezone: string): Date | undefined {
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return startOfDay(year, month, day, timezone);
}
