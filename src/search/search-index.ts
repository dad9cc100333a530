import MiniSearch, { type SearchResult } from 'minisearch';
import type { CatalogView } from '../catalog/catalog-view.js';
import { boundSearchQuery } from '../chat/input-limits.js';
import { type IndexedDocument, miniSearchOptions } from './search-options.js';
import { fold, hasSubject, toTerm } from './text-processing.js';

/** What a search can find. `note` is check-in text, grouped per activity and quarter. */
export type SearchKind = 'plan' | 'focusArea' | 'goal' | 'activity' | 'note';
const CATALOG_KINDS: readonly SearchKind[] = ['plan', 'focusArea', 'goal', 'activity'];

export interface SearchDocument extends IndexedDocument {
  readonly kind: SearchKind;
}

/** One check-in note as search sees it. */
export interface CheckInNote {
  readonly activityId: string;
  readonly activityName: string;
  readonly text: string;
  /** When it was written, ISO 8601; notes are grouped by the quarter of this date. */
  readonly at: string;
}

export interface SearchHit {
  readonly kind: SearchKind;
  /** The catalog id it stands for (goal, activity …; for notes, their activity). */
  readonly refId: string;
  readonly title: string;
  readonly where: string;
  readonly snippet: string;
  readonly score: number;
}

/**
 * Full-text search with MiniSearch over two indexes: the catalog (plans, insatsområden, delmål,
 * activities) and check-in notes. Notes are indexed as one document per activity and quarter:
 * MiniSearch scores every document a term matches, so 100k single notes sharing the plan's common
 * words cost ~120 ms per query, while the same text grouped costs ~5 ms (bench/RESULTS.md).
 * Built in memory from the catalog, so SQLite and PostgreSQL answer identically.
 */
export class SearchIndex {
  private readonly catalog = new MiniSearch<IndexedDocument>(miniSearchOptions());
  private readonly notes = new MiniSearch<IndexedDocument>(miniSearchOptions());
  private readonly noteGroups = new Map<string, { activityName: string; quarter: string; texts: string[] }>();

  /** Indexes the plans, insatsområden, delmål and activities of a catalog. */
  static fromCatalog(view: CatalogView): SearchIndex {
    const index = new SearchIndex();
    index.catalog.addAll(catalogDocuments(view));
    return index;
  }

  /** Adds check-in notes: each joins its activity's document for that quarter. */
  addNotes(notes: readonly CheckInNote[]): void {
    const touched = new Set<string>();
    for (const note of notes) {
      const quarter = quarterOf(note.at);
      const id = `note:${note.activityId}:${quarter}`;
      const group = this.noteGroups.get(id);
      if (group) group.texts.push(note.text);
      else this.noteGroups.set(id, { activityName: note.activityName, quarter, texts: [note.text] });
      touched.add(id);
    }
    for (const id of touched) {
      const group = this.noteGroups.get(id);
      if (!group) continue;
      const [, activityId = ''] = id.split(':');
      const doc: SearchDocument = {
        id,
        kind: 'note',
        refId: activityId,
        title: group.activityName,
        text: group.texts.join('\n'),
        where: group.quarter,
      };
      if (this.notes.has(id)) this.notes.replace(doc);
      else this.notes.add(doc);
    }
  }

  /** Documents indexed: catalog entries plus note groups. */
  get size(): number {
    return this.catalog.documentCount + this.notes.documentCount;
  }

  /** The best `limit` hits for `query`, optionally only of some kinds. */
  search(text: string, options: { limit?: number; kinds?: readonly SearchKind[] } = {}): SearchHit[] {
    // Bounded here too, so no caller can make one search cost more than a short question.
    const query = boundSearchQuery(text);
    const kinds = options.kinds;
    // A query made only of filler words ("aktiviteter") is still a question about them.
    const overrides = hasSubject(query) ? {} : { processTerm: toTerm };
    const results: SearchResult[] = [];
    const wanted = (kind: SearchKind) => !kinds || kinds.includes(kind);
    if (CATALOG_KINDS.some(wanted))
      results.push(
        ...this.catalog.search(query, kinds ? { ...overrides, filter: (r) => wanted(r.kind) } : overrides),
      );
    if (wanted('note') && this.notes.documentCount > 0) results.push(...this.notes.search(query, overrides));
    return results
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit ?? 8)
      .map(toHit);
  }
}

/** The catalog as search documents (also the naive-scan baseline of the benchmark). */
export function catalogDocuments(view: CatalogView): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const area = (id: string, title: string, text: string | undefined, where: string, current?: boolean) =>
    docs.push({
      id: `focusArea:${id}`,
      kind: 'focusArea',
      refId: id,
      title,
      text: text ?? '',
      where,
      current,
    });
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
    for (const f of plan.focusAreas) area(f.id, f.title, f.description, plan.name, plan.current);
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
  for (const f of followUp?.focusAreas ?? []) area(f.id, f.title, f.description, followUp?.title ?? '');
  for (const activity of view.catalog.activities)
    docs.push({
      id: `activity:${activity.id}`,
      kind: 'activity',
      refId: activity.id,
      title: activity.name,
      text: activity.description,
      where: [followUp?.title, activity.source?.section].filter(Boolean).join(' › '),
    });
  return docs;
}

/** "2026-03-04T…" → "2026 Q1". */
function quarterOf(iso: string): string {
  const year = iso.slice(0, 4);
  const month = Number(iso.slice(5, 7)) || 1;
  return `${year} Q${Math.ceil(month / 3)}`;
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
