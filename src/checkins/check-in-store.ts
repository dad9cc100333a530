import { latestCheckIns } from '../../db/check-in-reads.repository.js';
import type { Db } from '../../db/connection.js';
import { Revisioned } from '../cache/revisioned.js';

/** The latest check-in of one activity, as replies show it. */
export interface LatestCheckIn {
  readonly statusCode: string;
  readonly at: string;
  readonly authorName: string;
}

/** The latest check-in per activity, rebuilt when the check-in revision changes. */
export class CheckInStore {
  private readonly latestByActivity: Revisioned<ReadonlyMap<string, LatestCheckIn>>;

  constructor(db: Db, revalidateAfterMs?: number) {
    this.latestByActivity = new Revisioned(
      db,
      'check_in_revision',
      async () =>
        new Map(
          (await latestCheckIns(db.kysely)).map((r) => [
            r.activity_id,
            { statusCode: r.status_code, at: r.created_at, authorName: r.author_name },
          ]),
        ),
      revalidateAfterMs,
    );
  }

  /** A check-in recorded here shows on the very next request, not after the revalidation delay. */
  invalidate(): void {
    this.latestByActivity.invalidate();
  }

  latest(): Promise<ReadonlyMap<string, LatestCheckIn>> {
    return this.latestByActivity.get();
  }
}
