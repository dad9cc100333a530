import { readCatalog } from '../../db/catalog-read.repository.js';
import type { Db } from '../../db/connection.js';
import { SearchIndex } from '../search/search-index.js';
import { CatalogView } from './catalog-view.js';

export interface CatalogSnapshot {
  readonly revision: string;
  readonly view: CatalogView;
  readonly search: SearchIndex;
}

/**
 * Keeps one indexed copy of the catalog and its search index per process, and reloads both when
 * the database's catalog revision changes (an import here or on another replica). The revision
 * check is one primary-key read per request.
 */
export class CatalogStore {
  private current: CatalogSnapshot | undefined;
  private loading: Promise<CatalogSnapshot> | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;

  /**
   * @param revalidateAfterMs how long a checked revision is trusted: a busy bot asks the database
   *   at most this often, and sees another replica's import at most this late.
   */
  constructor(
    private readonly db: Db,
    private readonly revalidateAfterMs = 250,
  ) {}

  async get(): Promise<CatalogSnapshot> {
    if (this.current && performance.now() - this.checkedAt < this.revalidateAfterMs) return this.current;
    this.checkedAt = performance.now();
    const row = await this.db.kysely
      .selectFrom('catalog_meta')
      .select('value')
      .where('key', '=', 'revision')
      .executeTakeFirst();
    const revision = row?.value ?? '';
    if (this.current?.revision === revision) return this.current;
    // Concurrent requests after a change share one reload.
    this.loading ??= this.load(revision).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(revision: string): Promise<CatalogSnapshot> {
    const view = new CatalogView(await readCatalog(this.db.kysely));
    this.current = { revision, view, search: SearchIndex.fromCatalog(view) };
    return this.current;
  }
}
