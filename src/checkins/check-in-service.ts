import { checkInHistory } from '../../db/check-ins.repository.js';
import type { Db } from '../../db/connection.js';
import type { CheckInRow } from '../../db/database.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Clock } from '../clock.js';
import { CheckInStore, type LatestCheckIn } from './check-in-store.js';
import { type CheckInInput, type CheckInResult, recordCheckIn } from './record-check-in.js';

/** Check-ins as the chat core uses them; the database implementation below, others in tests. */
export interface CheckInService {
  latest(): Promise<ReadonlyMap<string, LatestCheckIn>>;
  history(activityId: string): Promise<readonly CheckInRow[]>;
  record(
    view: CatalogView,
    author: { readonly email?: string },
    input: CheckInInput,
    platform: string,
    /** The submission's key (platform ids): the same key twice records one check-in. */
    idempotencyKey?: string,
  ): Promise<CheckInResult>;
}

/** Check-ins stored in delmal's database. */
export function databaseCheckIns(db: Db, clock: Clock, revalidateAfterMs?: number): CheckInService {
  const store = new CheckInStore(db, revalidateAfterMs);
  return {
    latest: () => store.latest(),
    history: (activityId) => checkInHistory(db.kysely, activityId),
    record: async (view, author, input, platform, idempotencyKey) => {
      const result = await recordCheckIn(
        { db, clock },
        view,
        { email: author.email },
        input,
        platform,
        idempotencyKey,
      );
      // A check-in recorded here shows on the very next request, not after the revalidation delay.
      if (result.ok && !result.repeated) store.invalidate();
      return result;
    },
  };
}
