import type { Kysely } from 'kysely';
import { checkInsInPeriod } from '../../db/check-in-periods.repository.js';
import type { Database } from '../../db/database.js';
import { overdueActivities, statusesBefore } from '../../db/digest-data.repository.js';
import type { Network } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { SwedishCalendar } from '../schedule/calendar.js';
import { activitiesBySchedule } from '../schedule/effective-schedule.js';
import { dueSlots } from '../schedule/slots.js';
import type { DigestData } from './compose-digest.js';
import type { DigestDue } from './digest-message.js';
import { followedActivities, followedAreas } from './followed.js';

const DAY_MS = 86_400_000;
/** Rounds opened this long before a digest can still be open and overdue. */
const OPEN_ROUND_LOOKBACK_DAYS = 90;

/**
 * Reads what one digest needs for the period [from, to): period queries only (see
 * db/digest-data.repository.ts), plus the rounds of the next seven days from the stored schedules.
 */
export async function readDigestData(
  db: Kysely<Database>,
  view: CatalogView,
  network: Network,
  period: { from: string; to: string },
  calendar: SwedishCalendar,
): Promise<DigestData> {
  const activities = followedActivities(followedAreas(view, network));
  const ids = activities.map((a) => a.id);
  const to = new Date(period.to);
  const [before, checkIns, overdue] = await Promise.all([
    statusesBefore(db, ids, period.from),
    checkInsInPeriod(db, period.from, period.to),
    overdueActivities(
      db,
      period.to,
      new Date(to.getTime() - OPEN_ROUND_LOOKBACK_DAYS * DAY_MS).toISOString(),
    ),
  ]);
  return { before, checkIns, overdue, dueNextWeek: dueNextWeek(view, new Set(ids), to, calendar) };
}

// Which schedule asks about which activity depends only on the catalog: computed once per revision.
const schedulesOf = new WeakMap<CatalogView['catalog'], ReturnType<typeof activitiesBySchedule>>();

/** Check-in rounds of the seven days after `from` that ask about the network's activities. */
function dueNextWeek(
  view: CatalogView,
  followed: ReadonlySet<string>,
  from: Date,
  calendar: SwedishCalendar,
): DigestDue[] {
  const until = new Date(from.getTime() + 7 * DAY_MS);
  const byDate = new Map<string, Set<string>>();
  let bySchedule = schedulesOf.get(view.catalog);
  if (!bySchedule) {
    bySchedule = activitiesBySchedule(view.catalog);
    schedulesOf.set(view.catalog, bySchedule);
  }
  for (const [schedule, activities] of bySchedule) {
    const mine = activities.filter((a) => followed.has(a.id));
    if (mine.length === 0) continue;
    for (const slot of dueSlots(schedule, from, until, calendar)) {
      if (slot.skipped) continue;
      const names = byDate.get(slot.date) ?? new Set<string>();
      for (const a of mine) names.add(a.name);
      byDate.set(slot.date, names);
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, names]) => ({ date, activities: [...names] }));
}
