import type { Network } from '../../db/model/catalog-schema.js';
import type { ScheduleEntry } from '../../db/model/schedule-schema.js';

/** The default digest: Monday 08:00 Europe/Stockholm. */
export const DEFAULT_DIGEST = {
  weekday: 'monday',
  time: '08:00',
  timeZone: 'Europe/Stockholm',
  active: true,
} as const satisfies NonNullable<Network['digest']>;

/**
 * A network's digest as a weekly schedule, so it shares the check-in schedules' slot rules: a
 * holiday or bridge day moves it to the next workday (the slot keeps its nominal date as the claim
 * key), DST gaps and repeats are handled once. No summer pause: a July digest is simply quiet.
 */
export function digestSchedule(network: Network): ScheduleEntry {
  const digest = network.digest ?? DEFAULT_DIGEST;
  return {
    id: `digest-${network.id}`,
    network: network.id,
    cadence: 'weekly',
    weekday: digest.weekday,
    time: digest.time,
    timeZone: digest.timeZone,
    active: digest.active,
    summerPause: false,
    skipIfUpdatedWithinDays: 0,
    reminderAfterWorkdays: 0,
    quietHours: false,
  };
}
