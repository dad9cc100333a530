import { latestCheckIns } from '../../db/check-ins.repository.js';
import type { Db } from '../../db/connection.js';

/** The latest check-in of one activity, as replies show it. */
export interface LatestCheckIn {
  readonly statusCode: string;
  readonly at: string;
  readonly authorName: string;
}

/**
 * The latest check-in per activity, reloaded when the check-in revision changes (a check-in here
 * or on another replica). One primary-key read per request, like the catalog store.
 */
export class CheckInStore {
  private current: { revision: string; latest: ReadonlyMap<string, LatestCheckIn> } | undefined;

  constructor(private readonly db: Db) {}

  async latest(): Promise<ReadonlyMap<string, LatestCheckIn>> {
    const row = await this.db.kysely
      .selectFrom('catalog_meta')
      .select('value')
      .where('key', '=', 'check_in_revision')
      .executeTakeFirst();
    const revision = row?.value ?? '';
    if (this.current?.revision === revision) return this.current.latest;
    const rows = await latestCheckIns(this.db.kysely);
    const latest = new Map(
      rows.map((r) => [
        r.activity_id,
        { statusCode: r.status_code, at: r.created_at, authorName: r.author_name },
      ]),
    );
    this.current = { revision, latest };
    return latest;
  }
}
