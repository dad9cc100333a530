import type { Catalog } from '../../db/model/catalog-schema.js';
import type { ScheduleEntry } from '../../db/model/schedule-schema.js';
import { type AwayPeriod, awayOn } from './away.js';
import type { SwedishCalendar } from './calendar.js';
import { type Reminder, reminderFor } from './due.js';
import { activitiesBySchedule } from './effective-schedule.js';
import { dueSlots, type Slot } from './slots.js';

/** One owner's part of a round: the activities they would be asked about, or why not. */
interface PreviewOwner {
  readonly email: string;
  readonly name: string;
  readonly activities: readonly string[];
  /** Set when they are away on the day: no prompt, one catch-up when back. */
  readonly awayUntil?: string;
}

export type PreviewEntry =
  | {
      readonly kind: 'round';
      readonly schedule: ScheduleEntry;
      readonly slot: Slot;
      readonly owners: readonly PreviewOwner[];
      /** Activities nobody owns: nobody to ask (the engine reports them to admins). */
      readonly unowned: readonly string[];
      readonly reminder: Reminder;
    }
  | { readonly kind: 'skipped'; readonly schedule: ScheduleEntry; readonly slot: Slot };

/**
 * What the schedules will do in [from, to): each round with who is asked about what (one prompt
 * per owner per round), who is away, the reminder, and the slots skipped with their reason — in
 * time order. Pure: catalog, absences (by e-mail) and calendar are passed in.
 */
export function previewSchedules(
  catalog: Catalog,
  from: Date,
  to: Date,
  calendar: SwedishCalendar,
  away: ReadonlyMap<string, readonly AwayPeriod[]>,
): PreviewEntry[] {
  const names = new Map(catalog.people.map((p) => [p.email, p.name]));
  const entries: PreviewEntry[] = [];
  for (const [schedule, activities] of activitiesBySchedule(catalog)) {
    // Slots past the window tell whether a reminder comes before the next round (a quarter ahead).
    const slots = dueSlots(schedule, from, new Date(to.getTime() + 120 * 86_400_000), calendar);
    slots.forEach((slot, i) => {
      if (slot.at >= to) return;
      if (slot.skipped) {
        entries.push({ kind: 'skipped', schedule, slot });
        return;
      }
      const byOwner = new Map<string, string[]>();
      const unowned: string[] = [];
      for (const a of activities) {
        if (a.owners.length === 0) unowned.push(a.name);
        for (const email of a.owners) byOwner.set(email, [...(byOwner.get(email) ?? []), a.name]);
      }
      const owners = [...byOwner].map(([email, list]): PreviewOwner => {
        const period = awayOn(away.get(email) ?? [], slot.date, slot.timeZone);
        return {
          email,
          name: names.get(email) ?? email,
          activities: list,
          ...(period ? { awayUntil: period.until } : {}),
        };
      });
      const next = slots.slice(i + 1).find((s) => !s.skipped);
      entries.push({
        kind: 'round',
        schedule,
        slot,
        owners,
        unowned,
        reminder: reminderFor(schedule, slot, next?.at, calendar),
      });
    });
  }
  return entries.sort((a, b) => a.slot.at.getTime() - b.slot.at.getTime());
}
