import type { Selectable } from 'kysely';
import type { ScheduleTable } from './database.js';
import type { Weekday } from './model/local-date.js';
import { type Nth, type ScheduleEntry, scopeOf } from './model/schedule-schema.js';

/** A schedule entry as its table row: absent fields NULL, booleans 0/1, `nth` as text. */
export function scheduleRow(entry: ScheduleEntry, position: number): ScheduleTable {
  const { scope, scopeId } = scopeOf(entry);
  return {
    id: entry.id,
    scope,
    scope_id: scopeId,
    cadence: entry.cadence,
    weekday: entry.weekday ?? null,
    interval_weeks: entry.weeks ?? null,
    anchor_date: entry.anchor ?? null,
    nth: entry.nth === undefined ? null : String(entry.nth),
    month_in_quarter: entry.monthInQuarter ?? null,
    day_of_month: entry.day ?? null,
    local_time: entry.time,
    time_zone: entry.timeZone,
    is_active: entry.active ? 1 : 0,
    summer_from_week: entry.summerPause ? entry.summerPause.fromWeek : null,
    summer_to_week: entry.summerPause ? entry.summerPause.toWeek : null,
    skip_if_updated_days: entry.skipIfUpdatedWithinDays,
    reminder_after_workdays: entry.reminderAfterWorkdays,
    quiet_from: entry.quietHours ? entry.quietHours.from : null,
    quiet_until: entry.quietHours ? entry.quietHours.until : null,
    position,
  };
}

const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** A stored row back as the entry the catalog file writes (the inverse of {@link scheduleRow}). */
export function scheduleEntryOf(row: Selectable<ScheduleTable>): ScheduleEntry {
  const nth = row.nth === null ? undefined : row.nth === 'last' ? 'last' : (Number(row.nth) as Nth);
  return {
    id: row.id,
    [row.scope]: row.scope_id,
    cadence: row.cadence as ScheduleEntry['cadence'],
    weekday: opt(row.weekday) as Weekday | undefined,
    weeks: opt(row.interval_weeks),
    anchor: opt(row.anchor_date),
    nth,
    monthInQuarter: opt(row.month_in_quarter) as ScheduleEntry['monthInQuarter'],
    day: opt(row.day_of_month),
    time: row.local_time,
    timeZone: row.time_zone,
    active: row.is_active === 1,
    summerPause:
      row.summer_from_week === null || row.summer_to_week === null
        ? false
        : { fromWeek: row.summer_from_week, toWeek: row.summer_to_week },
    skipIfUpdatedWithinDays: row.skip_if_updated_days,
    reminderAfterWorkdays: row.reminder_after_workdays,
    quietHours:
      row.quiet_from === null || row.quiet_until === null
        ? false
        : { from: row.quiet_from, until: row.quiet_until },
  };
}
