import MiniSearch, { type SearchResult } from 'minisearch';
import type { CatalogView } from '../catalog/catalog-view.js';
import { fold, toQueryTerm, toTerm } from './text-processing.js';

/** What a search can find. `note` is check-in text, added as check-ins arrive. */
export type SearchKind = 'plan' | 'focusArea' | 'goal' | 'activity' | 'note';

export interface SearchDocument {
  readonly id: string;
  readonly kind: SearchKind;
  /** The catalog id it stands for (goal id, activity id …; for notes, the activity). */
  readonly refId: string;
  readonly title: string;
  readonly text: string;
  /** Where it comes from, as a reader places it: plan and section. */
  readonly where: string;
  /** False for the parts of older plans: they rank below the current plan's. */
  readonly current?: boolean;
}

export interface SearchHit {
  readonly kind: SearchKind;
  readonly refId: string;
  readonly title: string;
  readonly where: string;
  readonly snippet: string;
  readonly score: number;
}

// Plan structure outranks a passing mention: a delmål about a subject beats an activity that names it.
const KIND_BOOST: Readonly<Record<SearchKind, number>> = {
  goal: 1.4,
  focusArea: 1.2,
  activity: 1.2,
  plan: 1,
  note: 0.8,
};

/**
 * Full-text search over the catalog (and check-in notes) with MiniSearch: BM25 ranking, prefix and
 * fuzzy matching, Swedish stemming and diacritic folding. Built in memory from the catalog, so it
 * answers identically on SQLite and PostgreSQL.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDocument>({
    fields: ['title', 'text'],
    storeFields: ['kind', 'refId', 'title', 'where', 'text', 'current'],
    processTerm: toTerm,
    searchOptions: {
      processTerm: toQueryTerm,
      boost: { title: 3 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'OR',
      boostDocument: (_id, _term, stored) =>
        KIND_BOOST[(stored?.kind as SearchKind | undefined) ?? 'note'] *
        (stored?.current === false ? 0.6 : 1),
    },
  });

  /** Indexes the plans, insatsområden, delmål and activities of a catalog. */
  static fromCatalog(view: CatalogView): SearchIndex {
    const index = new SearchIndex();
    const docs: SearchDocument[] = [];
    for (const plan of view.catalog.plans) {
      const period = `${plan.periodStart}–${plan.periodEnd ?? ''}`;
      docs.push({
        id: `plan:${plan.id}`,
        kind: 'plan',
        refId: plan.id,
        title: plan.name,
        text: plan.summary ?? '',
        where: period,
        current: plan.current,
      });
      for (const area of plan.focusAreas)
        docs.push({
          id: `focusArea:${area.id}`,
          kind: 'focusArea',
          refId: area.id,
          title: area.title,
          text: area.description ?? '',
          where: plan.name,
          current: plan.current,
        });
      for (const goal of plan.goals)
        docs.push({
          id: `goal:${goal.id}`,
          kind: 'goal',
          refId: goal.id,
          title: `${goal.number}. ${goal.title}`,
          text: goal.text,
          where: `${plan.name} › ${view.focusAreas.get(goal.focusArea ?? '')?.area.title ?? ''}`,
          current: plan.current,
        });
    }
    const followUp = view.catalog.followUp;
    for (const area of followUp?.focusAreas ?? [])
      docs.push({
        id: `focusArea:${area.id}`,
        kind: 'focusArea',
        refId: area.id,
        title: area.title,
        text: area.description ?? '',
        where: followUp?.title ?? '',
      });
    for (const activity of view.catalog.activities)
      docs.push({
        id: `activity:${activity.id}`,
        kind: 'activity',
        refId: activity.id,
        title: activity.name,
        text: activity.description,
        where: [followUp?.title, activity.source?.section].filter(Boolean).join(' › '),
      });
    index.mini.addAll(docs);
    return index;
  }

  /** Adds documents (check-in notes) to the index. */
  add(documents: readonly SearchDocument[]): void {
    this.mini.addAll(documents);
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** The best `limit` hits for `query`, optionally only of some kinds. */
  search(query: string, options: { limit?: number; kinds?: readonly SearchKind[] } = {}): SearchHit[] {
    const kinds = options.kinds;
    const results = this.mini.search(
      query,
      kinds ? { filter: (r) => kinds.includes(r.kind as SearchKind) } : {},
    );
    return results.slice(0, options.limit ?? 8).map((r) => toHit(r));
  }
}

function toHit(result: SearchResult): SearchHit {
  const text = String(result.text ?? '');
  return {
    kind: result.kind as SearchKind,
    refId: String(result.refId),
    title: String(result.title),
    where: String(result.where),
    snippet: snippet(text, result.terms),
    score: result.score,
  };
}

/** The first sentence that contains a matched term, cut to a readable length. */
function snippet(text: string, terms: readonly string[]): string {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
  const found = sentences.find((s) => terms.some((term) => fold(s).includes(term))) ?? sentences[0] ?? '';
  const clean = found.trim();
  return clean.length > 200 ? `${clean.slice(0, 197).trimEnd()}…` : clean;
}
