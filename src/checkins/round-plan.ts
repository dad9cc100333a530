import type { Activity } from '../../db/model/catalog-schema.js';
import { addDays, type LocalDate } from '../../db/model/local-date.js';
import type { ScheduleEntry } from '../../db/model/schedule-schema.js';
import { toLocal, toUtc } from '../../db/model/zoned-time.js';
import { type AwayPeriod, awayOn } from '../schedule/away.js';
import type { SwedishCalendar } from '../schedule/calendar.js';
import { reminderFor } from '../schedule/due.js';
import type { Slot } from '../schedule/slots.js';

/** Why an activity of a round is not asked about. */
type RoundSkip = 'no_owner' | 'recently_updated' | 'owner_away';

interface PlannedActivity {
  readonly activityId: string;
  readonly skippedReason: RoundSkip | null;
}

export interface RoundPlan {
  readonly activities: readonly PlannedActivity[];
  /** Owner e-mail → the activities their one prompt lists (absent owners are not here). */
  readonly owners: ReadonlyMap<string, readonly string[]>;
}

/**
 * Who is asked about what in one round. An activity is skipped when nobody owns it, when it was
 * reported within the schedule's `skipIfUpdatedWithinDays` before the slot (whoever reported it),
 * or when every owner is away that day; otherwise each owner who is not away gets it in their
 * one prompt. Pure.
 */
export function planRound(input: {
  readonly schedule: ScheduleEntry;
  readonly slot: Slot;
  readonly activities: readonly Activity[];
  /** Latest check-in or edit per activity (UTC ISO). */
  readonly lastUpdate: ReadonlyMap<string, string>;
  /** Absences by e-mail. */
  readonly away: ReadonlyMap<string, readonly AwayPeriod[]>;
}): RoundPlan {
  const { schedule, slot } = input;
  const recentSince = new Date(
    slot.at.getTime() - schedule.skipIfUpdatedWithinDays * 86_400_000,
  ).toISOString();
  const owners = new Map<string, string[]>();
  const activities = input.activities.map((activity): PlannedActivity => {
    if (activity.owners.length === 0) return { activityId: activity.id, skippedReason: 'no_owner' };
    const last = input.lastUpdate.get(activity.id);
    if (schedule.skipIfUpdatedWithinDays > 0 && last !== undefined && last >= recentSince)
      return { activityId: activity.id, skippedReason: 'recently_updated' };
    const present = activity.owners.filter(
      (email) => !awayOn(input.away.get(email) ?? [], slot.date, slot.timeZone),
    );
    if (present.length === 0) return { activityId: activity.id, skippedReason: 'owner_away' };
    for (const email of present) {
      const list = owners.get(email);
      if (list) list.push(activity.id);
      else owners.set(email, [activity.id]);
    }
    return { activityId: activity.id, skippedReason: null };
  });
  return { activities, owners };
}

/** When a round's answers become late and its reminder can no longer go, and the date owners are told. */
export interface RoundDeadline {
  /** UTC instant: after it an unanswered activity is "saknar rapport". */
  readonly at: Date;
  /** The last local day to answer in time (shown in the prompt). */
  readonly lastDay: LocalDate;
}

/**
 * The round's deadline: the end of the day its one reminder goes out (N workdays after the slot,
 * moved out of quiet hours), or of the first workday after the slot when the schedule has no
 * reminder — never after the next round starts.
 */
export function roundDeadline(
  schedule: ScheduleEntry,
  slot: Slot,
  nextRunAt: Date | undefined,
  calendar: SwedishCalendar,
): RoundDeadline {
  const reminder = reminderFor(schedule, slot, undefined, calendar);
  const lastDay =
    reminder.kind === 'reminder'
      ? reminder.date
      : calendar.addWorkdays(slot.date, Math.max(1, schedule.reminderAfterWorkdays));
  const end = toUtc(addDays(lastDay, 1), '00:00', schedule.timeZone);
  if (nextRunAt && nextRunAt < end) {
    const before = addDays(toLocal(nextRunAt, schedule.timeZone).date, -1);
    return { at: nextRunAt, lastDay: before < slot.date ? slot.date : before };
  }
  return { at: end, lastDay };
}
