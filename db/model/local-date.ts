/**
 * Calendar dates without a time zone ("2027-03-28"), as people and schedules name days. Arithmetic
 * runs on UTC midnights, where every day is 24 hours long, so adding days never meets a DST change.
 */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The weekdays, Monday first (ISO 8601): index + 1 is the ISO weekday number. */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The UTC midnight of `date`; throws on a malformed or impossible date (2027-02-30). */
function toUtcMidnight(date: LocalDate): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  if (new Date(ms).getUTCDate() !== d) throw new RangeError(`no such date: ${date}`);
  return ms;
}

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  try {
    toUtcMidnight(value);
    return true;
  } catch {
    return false;
  }
}

function fromUtcMidnight(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcMidnight(b) - toUtcMidnight(a)) / DAY_MS);
}

/** ISO weekday number: Monday 1 … Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(toUtcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[isoWeekday(date) - 1] as Weekday;
}

/** The ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: LocalDate): number {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor(daysBetween(jan1, thursday) / 7) + 1;
}

/** Year, month (1–12) and day of a date. */
export function partsOf(date: LocalDate): { year: number; month: number; day: number } {
  toUtcMidnight(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The date of year/month/day; `day` beyond the month's end is clamped to its last day. */
export function dateOf(year: number, month: number, day: number): LocalDate {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromUtcMidnight(Date.UTC(year, month - 1, Math.min(day, last)));
}

/** The last day of a month. */
export function lastDayOfMonth(year: number, month: number): LocalDate {
  return dateOf(year, month, 31);
}
