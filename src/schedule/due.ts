import { addDays, type LocalDate } from '../../db/model/local-date.js';
import type { ScheduleEntry } from '../../db/model/schedule-schema.js';
import { toUtc } from '../../db/model/zoned-time.js';
import type { SwedishCalendar } from './calendar.js';
import { dueSlots, inSummerPause, type Slot } from './slots.js';

/** How late a missed slot may still run after downtime: 24 hours unless configured. */
export const DEFAULT_CATCH_UP_TOLERANCE_MS = 24 * 60 * 60 * 1000;
/** How far back a tick looks for slots nobody recorded (a longer outage records older ones as missed). */
const LOOKBACK_DAYS = 35;

export interface PendingSlots {
  /** Run now: their time has come and they are at most `tolerance` late. */
  readonly due: readonly Slot[];
  /** Too late to run: record them as skipped `missed` so they are never sent — no flood after an outage. */
  readonly missed: readonly Slot[];
  /** Skipped by the calendar (summer pause): record them so the history says why. */
  readonly skipped: readonly Slot[];
}

/**
 * What one tick at `now` must do for one schedule, given the slots already recorded (claimed,
 * done or skipped — any run row). Pure: the engine claims each due slot before sending.
 */
export function pendingSlots(
  schedule: ScheduleEntry,
  now: Date,
  calendar: SwedishCalendar,
  recorded: ReadonlySet<LocalDate>,
  toleranceMs = DEFAULT_CATCH_UP_TOLERANCE_MS,
): PendingSlots {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const open = dueSlots(schedule, since, new Date(now.getTime() + 1), calendar).filter(
    (s) => !recorded.has(s.slot),
  );
  return {
    due: open.filter((s) => !s.skipped && now.getTime() - s.at.getTime() <= toleranceMs),
    missed: open.filter((s) => !s.skipped && now.getTime() - s.at.getTime() > toleranceMs),
    skipped: open.filter((s) => s.skipped),
  };
}

/** When the one reminder for a slot goes out, or why it does not. */
export type Reminder =
  | { readonly kind: 'reminder'; readonly date: LocalDate; readonly time: string; readonly at: Date }
  | { readonly kind: 'none'; readonly reason: 'disabled' | 'summer' | 'next_round' };

/**
 * The single private reminder for `slot`: `reminderAfterWorkdays` workdays after the prompt, at
 * the prompt's time — or, when that time is inside quiet hours, when they end (an evening time
 * moves to the next workday's morning). No reminder in the summer pause, and none once the next
 * round has started (its prompt asks again).
 */
export function reminderFor(
  schedule: ScheduleEntry,
  slot: Slot,
  nextRunAt: Date | undefined,
  calendar: SwedishCalendar,
): Reminder {
  if (schedule.reminderAfterWorkdays === 0 || slot.skipped) return { kind: 'none', reason: 'disabled' };
  let date = calendar.addWorkdays(slot.date, schedule.reminderAfterWorkdays);
  let time = schedule.time;
  const quiet = schedule.quietHours;
  if (quiet && inQuietHours(time, quiet)) {
    // An evening time (after `from`) waits for the next workday's morning; an early one for `until`.
    if (time >= quiet.from && quiet.from > quiet.until) date = calendar.nextWorkday(addDays(date, 1));
    time = quiet.until;
  }
  if (inSummerPause(schedule, date)) return { kind: 'none', reason: 'summer' };
  const at = toUtc(date, time, schedule.timeZone);
  if (nextRunAt && at >= nextRunAt) return { kind: 'none', reason: 'next_round' };
  return { kind: 'reminder', date, time, at };
}

/** True when wall time `time` lies in [from, until), wrapping midnight when `from` > `until`. */
export function inQuietHours(time: string, quiet: { from: string; until: string }): boolean {
  return quiet.from <= quiet.until
    ? time >= quiet.from && time < quiet.until
    : time >= quiet.from || time < quiet.until;
}
