import type { AwayPeriod } from '../../db/model/away-period.js';
import type { LocalDate } from '../../db/model/local-date.js';
import { toLocal } from '../../db/model/zoned-time.js';

export type { AwayPeriod } from '../../db/model/away-period.js';

/** The last local date of the absence: `until`, or the day before someone said they were back. */
export function lastDayAway(period: AwayPeriod, timeZone: string): LocalDate {
  if (!period.endedAt) return period.until;
  const back = toLocal(new Date(period.endedAt), timeZone).date;
  // Back on day D means away until D − 1 (or not at all if they came back the day they left).
  const dayBefore = new Date(Date.parse(`${back}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return dayBefore < period.until ? dayBefore : period.until;
}

/** The period that makes the person away on `date`, if any. */
export function awayOn(
  periods: readonly AwayPeriod[],
  date: LocalDate,
  timeZone: string,
): AwayPeriod | undefined {
  return periods.find((p) => p.from <= date && date <= lastDayAway(p, timeZone));
}

/**
 * The absence whose one catch-up prompt is due at `now`, if any: it has ended (its last day is
 * before today, or `delmal tillbaka` ended it), no catch-up has gone out for it, and at least one
 * of the person's slots fell inside it — `missedDuring(from, to)` answers that from their
 * schedules. The engine sends one prompt for it and records `caughtUpAt`; the next regular round
 * is not doubled because a slot on the day they return is a regular slot, not a missed one.
 */
export function catchUpDue(
  periods: readonly AwayPeriod[],
  now: Date,
  timeZone: string,
  missedDuring: (from: LocalDate, to: LocalDate) => boolean,
): AwayPeriod | undefined {
  const today = toLocal(now, timeZone).date;
  return periods.find((p) => {
    if (p.caughtUpAt) return false;
    const last = lastDayAway(p, timeZone);
    if (last >= today) return false;
    return last >= p.from && missedDuring(p.from, last);
  });
}
