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
  private checkedAt = Number.NEGATIVE_INFINITY;

  /** @param revalidateAfterMs as for the catalog store: how long a checked revision is trusted. */
  constructor(
    private readonly db: Db,
    private readonly revalidateAfterMs = 250,
  ) {}

  /** Forgets the cached revision: a check-in recorded here shows on the very next request. */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  async latest(): Promise<ReadonlyMap<string, LatestCheckIn>> {
    if (this.current && performance.now() - this.checkedAt < this.revalidateAfterMs)
      return this.current.latest;
    this.checkedAt = performance.now();
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
