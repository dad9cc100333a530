import { PLAIN_CHECK_IN } from '../../db/check-ins.repository.js';
import type { CheckInRow } from '../../db/database.js';

/** A check-in Lena Ekström (she chairs LAG missbruk) wrote in Slack, as stored: what digests are made of. */
export function lenasCheckIn(row: {
  activityId: string;
  status: string;
  note: string;
  at: string;
  /** Default `c-<activityId>`. */
  id?: string;
}): CheckInRow {
  return {
    id: row.id ?? `c-${row.activityId}`,
    activity_id: row.activityId,
    person_id: null,
    author_name: 'Lena Ekström',
    status_code: row.status,
    note: row.note,
    platform: 'slack',
    created_at: row.at,
    idempotency_key: null,
    ...PLAIN_CHECK_IN,
  };
}
