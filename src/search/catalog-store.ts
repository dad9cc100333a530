import { readCatalog } from '../../db/catalog-read.repository.js';
import { checkInNotesSince } from '../../db/check-in-reads.repository.js';
import type { Db } from '../../db/connection.js';
import { Revisioned } from '../cache/revisioned.js';
import { CatalogView } from '../catalog/catalog-view.js';
import type { TextAnalyzer } from './analyzer.js';
import { warmLexicon } from './compounds.js';
import { type CheckInNote, SearchIndex } from './search-index.js';

/** How far before the newest note time seen the next look for new notes starts. */
const NOTES_LOOKBACK_MS = 2 * 60 * 1000;

export interface CatalogSnapshot {
  readonly revision: string;
  readonly view: CatalogView;
  readonly search: SearchIndex;
}

/**
 * One indexed copy of the catalog and its search index per process, rebuilt when the catalog's
 * revision changes (an import here or on another replica). Check-in notes join the index as they
 * arrive: when the check-in revision changes, the notes written or edited since the last look are
 * added or replaced. The last look reaches back {@link NOTES_LOOKBACK_MS} before the newest time
 * seen, so a note stamped a little earlier by another replica (its clock, or a transaction that
 * committed after a later one) is not missed; notes already indexed unchanged are skipped.
 */
export class CatalogStore {
  private readonly snapshot: Revisioned<CatalogSnapshot>;
  private readonly notes: Revisioned<void>;
  // The newest note time (written or edited) seen; the next look starts a lookback before it.
  private watermark: string | undefined;

  /**
   * @param revalidateAfterMs how long a checked revision is trusted (see {@link Revisioned}).
   * @param analyzer how text becomes search terms (the shipped thesaurus by default).
   */
  constructor(
    private readonly db: Db,
    revalidateAfterMs?: number,
    private readonly analyzer?: TextAnalyzer,
  ) {
    this.snapshot = new Revisioned(
      db,
      'revision',
      async (revision) => {
        const view = new CatalogView(await readCatalog(db.kysely));
        const search = SearchIndex.fromCatalog(view, this.analyzer);
        search.addNotes(await this.notesSince(view, undefined));
        return { revision, view, search };
      },
      revalidateAfterMs,
    );
    this.notes = new Revisioned(
      db,
      'check_in_revision',
      async () => {
        const current = await this.snapshot.get();
        const since =
          this.watermark === undefined
            ? undefined
            : new Date(Date.parse(this.watermark) - NOTES_LOOKBACK_MS).toISOString();
        current.search.addNotes(await this.notesSince(current.view, since));
      },
      revalidateAfterMs,
    );
  }

  /**
   * Builds what the first question would otherwise wait for: the compound lexicon (read off this
   * thread), the thesaurus and the index of the catalog and its notes.
   */
  async warmUp(): Promise<void> {
    if (!this.analyzer) await warmLexicon();
    await this.get();
  }

  async get(): Promise<CatalogSnapshot> {
    // The notes are brought up to date first; they join the current snapshot's index.
    await this.notes.get();
    return this.snapshot.get();
  }

  private async notesSince(view: CatalogView, since: string | undefined): Promise<CheckInNote[]> {
    const rows = await checkInNotesSince(this.db.kysely, since);
    for (const r of rows) {
      const at = r.updated_at !== null && r.updated_at > r.created_at ? r.updated_at : r.created_at;
      if (!this.watermark || at > this.watermark) this.watermark = at;
    }
    return rows.map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      activityName: view.activities.get(r.activity_id)?.name ?? r.activity_id,
      text: r.note,
      at: r.created_at,
    }));
  }
}
