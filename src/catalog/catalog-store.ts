import { readCatalog } from '../../db/catalog-read.repository.js';
import type { Db } from '../../db/connection.js';
import { Revisioned } from '../cache/revisioned.js';
import { SearchIndex } from '../search/search-index.js';
import { CatalogView } from './catalog-view.js';

export interface CatalogSnapshot {
  readonly revision: string;
  readonly view: CatalogView;
  readonly search: SearchIndex;
}

/**
 * One indexed copy of the catalog and its search index per process, rebuilt when the catalog's
 * revision changes (an import here or on another replica).
 */
export class CatalogStore {
  private readonly snapshot: Revisioned<CatalogSnapshot>;

  /** @param revalidateAfterMs how long a checked revision is trusted (see {@link Revisioned}). */
  constructor(db: Db, revalidateAfterMs?: number) {
    this.snapshot = new Revisioned(
      db,
      'revision',
      async (revision) => {
        const view = new CatalogView(await readCatalog(db.kysely));
        return { revision, view, search: SearchIndex.fromCatalog(view) };
      },
      revalidateAfterMs,
    );
  }

  get(): Promise<CatalogSnapshot> {
    return this.snapshot.get();
  }
}
