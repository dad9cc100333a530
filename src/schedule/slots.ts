import {
  addDays,
  dateOf,
  daysBetween,
  isoWeek,
  isoWeekday,
  type LocalDate,
  lastDayOfMonth,
  partsOf,
  WEEKDAYS,
  type Weekday,
} from '../../db/model/local-date.js';
import type { Nth, ScheduleEntry } from '../../db/model/schedule-schema.js';
import { toLocal, toUtc } from '../../db/model/zoned-time.js';
import type { DayOff, SwedishCalendar } from './calendar.js';

/** Why a slot does not run. Holidays never skip a slot: they move it. */
type SkipReason = 'summer';

/** One run of a schedule: where the cadence puts it, and when it actually runs. */
export interface Slot {
  readonly scheduleId: string;
  /**
   * The claim key: the local date the cadence names, before any move. Stable when holiday data
   * or the move rule changes, so a run is never repeated under a new name.
   */
  readonly slot: LocalDate;
  /** The local date it runs: `slot`, or the next workday when `slot` is a day off. */
  readonly date: LocalDate;
  readonly time: string;
  readonly timeZone: string;
  /** The UTC instant of `date` + `time` in `timeZone` (see zoned-time for the DST rules). */
  readonly at: Date;
  /** Why the run moved from `slot` to `date`, when it did. */
  readonly movedBecause?: DayOff;
  /** Set when the slot does not run at all. */
  readonly skipped?: SkipReason;
}

/** True when `date` falls in the schedule's summer pause (ISO weeks, inclusive). */
export function inSummerPause(schedule: Pick<ScheduleEntry, 'summerPause'>, date: LocalDate): boolean {
  const pause = schedule.summerPause;
  if (!pause) return false;
  const week = isoWeek(date);
  return pause.fromWeek <= pause.toWeek
    ? week >= pause.fromWeek && week <= pause.toWeek
    : week >= pause.fromWeek || week <= pause.toWeek;
}

/** The `nth` (1–4 or last) `weekday` of a month. */
export function nthWeekday(year: number, month: number, nth: Nth, weekday: Weekday): LocalDate {
  const target = WEEKDAYS.indexOf(weekday) + 1;
  if (nth === 'last') {
    const last = lastDayOfMonth(year, month);
    return addDays(last, -((isoWeekday(last) - target + 7) % 7));
  }
  const first = dateOf(year, month, 1);
  return addDays(first, ((target - isoWeekday(first) + 7) % 7) + (nth - 1) * 7);
}

/** The dates the cadence names from `start` to `end` (inclusive), in order. */
function cadenceDates(schedule: ScheduleEntry, start: LocalDate, end: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  const { cadence } = schedule;
  if (cadence === 'weekly' || cadence === 'every_n_weeks') {
    const step = cadence === 'weekly' ? 7 : 7 * (schedule.weeks ?? 2);
    const anchor =
      cadence === 'weekly'
        ? addDays('2024-01-01', WEEKDAYS.indexOf(schedule.weekday ?? 'monday')) // 2024-01-01 is a Monday
        : (schedule.anchor ?? start);
    const k = Math.ceil(daysBetween(anchor, start) / step);
    for (let day = addDays(anchor, k * step); day <= end; day = addDays(day, step)) out.push(day);
    return out;
  }
  const first = partsOf(start);
  for (let index = first.year * 12 + first.month - 1; ; index++) {
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    if (dateOf(y, m, 1) > end) break;
    if (cadence === 'quarterly' && (m - 1) % 3 !== (schedule.monthInQuarter ?? 1) - 1) continue;
    const day =
      cadence === 'quarterly' && schedule.day !== undefined
        ? dateOf(y, m, schedule.day)
        : nthWeekday(y, m, schedule.nth ?? 1, schedule.weekday ?? 'monday');
    if (day >= start && day <= end) out.push(day);
  }
  return out;
}

/**
 * Every slot of `schedule` that runs (or would have run, for skipped ones) in [from, to).
 * A slot on a day off moves to the next workday; a slot in the summer pause — named there or
 * moved into it — is skipped with reason `summer`, never pushed past the pause (after four weeks
 * away nobody needs the July round, the next one comes soon enough). Moving keeps slots apart:
 * Sweden has no week-long run of days off, so a moved slot never reaches the next one (the
 * three-year simulation checks it). Pure; the calendar is passed in.
 */
export function dueSlots(schedule: ScheduleEntry, from: Date, to: Date, calendar: SwedishCalendar): Slot[] {
  if (!schedule.active) return [];
  const tz = schedule.timeZone;
  // Start early enough that a slot named before `from` and moved past it is found.
  const start = addDays(toLocal(from, tz).date, -31);
  const end = toLocal(to, tz).date;
  const slots: Slot[] = [];
  for (const nominal of cadenceDates(schedule, start, end)) {
    const dayOff = calendar.dayOff(nominal);
    const date = dayOff ? calendar.nextWorkday(nominal) : nominal;
    const summer = inSummerPause(schedule, nominal) || inSummerPause(schedule, date);
    const slot: Slot = {
      scheduleId: schedule.id,
      slot: nominal,
      date: summer ? nominal : date,
      time: schedule.time,
      timeZone: tz,
      at: toUtc(summer ? nominal : date, schedule.time, tz),
      ...(dayOff && !summer ? { movedBecause: dayOff } : {}),
      ...(summer ? { skipped: 'summer' as const } : {}),
    };
    slots.push(slot);
  }
  return slots.filter((s) => s.at >= from && s.at < to);
}
