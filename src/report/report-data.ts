import { checkInsInPeriod, latestCheckInsBefore } from '../../db/check-in-periods.repository.js';
import type { Db } from '../../db/connection.js';
import type { CheckInRow } from '../../db/database.js';
import type { ReportPeriod } from './period.js';

/** What a report reads from the database: each activity's status at the start, and the period's check-ins. */
export interface PeriodCheckIns {
  /** The latest check-in before the period, per activity. */
  readonly before: ReadonlyMap<string, CheckInRow>;
  /** The period's check-ins per activity, oldest first. */
  readonly inPeriod: ReadonlyMap<string, readonly CheckInRow[]>;
  readonly count: number;
}

/** Two period queries, nothing older than one row per activity. */
export async function loadPeriodCheckIns(db: Db, period: ReportPeriod): Promise<PeriodCheckIns> {
  const [before, rows] = await Promise.all([
    latestCheckInsBefore(db.kysely, period.startUtc),
    checkInsInPeriod(db.kysely, period.startUtc, period.endUtc),
  ]);
  const inPeriod = new Map<string, CheckInRow[]>();
  for (const row of rows) {
    const list = inPeriod.get(row.activity_id);
    if (list) list.push(row);
    else inPeriod.set(row.activity_id, [row]);
  }
  return { before: new Map(before.map((r) => [r.activity_id, r])), inPeriod, count: rows.length };
}
