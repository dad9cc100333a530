import { type ScheduleEntry, scheduleSchema } from '../../../db/model/schedule-schema.js';

/** A schedule entry with the catalog's defaults filled in, as an import would store it. */
export function schedule(fields: Record<string, unknown>): ScheduleEntry {
  return scheduleSchema.parse({ id: 'test', plan: 'p', ...fields });
}
