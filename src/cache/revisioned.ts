import type { Db } from '../../db/connection.js';

// Values built on the same revision of the same database (the latest check-ins, the notes in the
// search index): a write made here invalidates all of them, not only the one that made it.
const siblings = new WeakMap<Db, Map<string, Set<Revisioned<unknown>>>>();
function siblingsOf(db: Db, key: string): Set<Revisioned<unknown>> {
  const byKey = siblings.get(db) ?? new Map<string, Set<Revisioned<unknown>>>();
  siblings.set(db, byKey);
  const set = byKey.get(key) ?? new Set<Revisioned<unknown>>();
  byKey.set(key, set);
  return set;
}

/**
 * A value built from the database and rebuilt only when a revision stored under `catalog_meta.key`
 * changes — a write here or on another replica bumps it. The revision is read at most once every
 * `revalidateAfterMs` (a busy bot asks the database that often, and sees another replica's write at
 * most that late); `invalidate()` makes the next read check at once (a write made here).
 */
export class Revisioned<T> {
  private current: { revision: string; value: T } | undefined;
  private loading: Promise<T> | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly key: string,
    private readonly build: (revision: string) => Promise<T>,
    private readonly revalidateAfterMs = 250,
  ) {
    siblingsOf(db, key).add(this);
  }

  /** The next read checks the revision at once — here and in every other value built on the same revision. */
  invalidate(): void {
    for (const sibling of siblingsOf(this.db, this.key)) sibling.checkedAt = Number.NEGATIVE_INFINITY;
  }

  async get(): Promise<T> {
    if (this.current && performance.now() - this.checkedAt < this.revalidateAfterMs)
      return this.current.value;
    this.checkedAt = performance.now();
    const row = await this.db.kysely
      .selectFrom('catalog_meta')
      .select('value')
      .where('key', '=', this.key)
      .executeTakeFirst();
    const revision = row?.value ?? '';
    if (this.current?.revision === revision) return this.current.value;
    // Concurrent requests after a change share one rebuild.
    this.loading ??= this.build(revision)
      .then((value) => {
        this.current = { revision, value };
        return value;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
