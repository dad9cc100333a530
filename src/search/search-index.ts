import MiniSearch, { type SearchResult } from 'minisearch';
import type { CatalogView } from '../catalog/catalog-view.js';
import { CONCEPT_PREFIX, TextAnalyzer } from './analyzer.js';
import { boundSearchQuery } from './query-limits.js';
import { type IndexedDocument, miniSearchOptions, toMiniSearchQuery } from './search-options.js';
import { fold, toTerm } from './text-processing.js';
import { loadThesaurus } from './thesaurus.js';

/** What a search can find. `note` is check-in text, grouped per activity and quarter. */
export type SearchKind = 'plan' | 'focusArea' | 'goal' | 'activity' | 'note';
const CATALOG_KINDS: readonly SearchKind[] = ['plan', 'focusArea', 'goal', 'activity'];

export interface SearchDocument extends IndexedDocument {
  readonly kind: SearchKind;
}

/** One check-in note as search sees it. */
export interface CheckInNote {
  /** The check-in's id: a note already indexed is not added twice (an edited one is replaced). */
  readonly id?: string;
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
  /** For a note: when the matching note was written (ISO 8601). */
  readonly at?: string;
}

let sharedAnalyzer: TextAnalyzer | undefined;
/** The analyzer with the shipped thesaurus, built once per process. */
export function defaultAnalyzer(): TextAnalyzer {
  sharedAnalyzer ??= new TextAnalyzer(loadThesaurus());
  return sharedAnalyzer;
}

/**
 * Full-text search with MiniSearch over two indexes: the catalog (plans, insatsområden, delmål,
 * activities) and check-in notes. Notes are indexed as one document per activity and quarter:
 * MiniSearch scores every document a term matches, so 100k single notes sharing the plan's common
 * words cost ~120 ms per query, while the same text grouped costs ~5 ms (bench/RESULTS.md).
 * Built in memory from the catalog, so SQLite and PostgreSQL answer identically.
 */
export class SearchIndex {
  private readonly catalog: MiniSearch<IndexedDocument>;
  private readonly notes: MiniSearch<IndexedDocument>;
  private readonly noteGroups = new Map<string, NoteGroup>();
  /** Which group each indexed note (by check-in id) is in. */
  private readonly noteGroupOf = new Map<string, string>();
  /** Every term indexed, to tell a synonym for a word the texts use from one for a word they don't. */
  private readonly vocabulary = new Set<string>();

  constructor(private readonly analyzer: TextAnalyzer = defaultAnalyzer()) {
    this.catalog = new MiniSearch<IndexedDocument>(miniSearchOptions(analyzer, this.vocabulary));
    this.notes = new MiniSearch<IndexedDocument>(miniSearchOptions(analyzer, this.vocabulary));
  }

  /** Indexes the plans, insatsområden, delmål and activities of a catalog. */
  static fromCatalog(view: CatalogView, analyzer?: TextAnalyzer): SearchIndex {
    const index = new SearchIndex(analyzer);
    index.catalog.addAll(catalogDocuments(view));
    return index;
  }

  /**
   * Adds check-in notes: each joins its activity's document for that quarter. A note already
   * indexed (same id) is skipped when its text is unchanged, and replaced when it was edited; an
   * edit that empties it takes it out.
   */
  addNotes(notes: readonly CheckInNote[]): void {
    const touched = new Set<string>();
    for (const note of notes) {
      const known = note.id === undefined ? undefined : this.noteGroupOf.get(note.id);
      if (known !== undefined) {
        if (this.replaceNote(known, note)) touched.add(known);
        continue;
      }
      if (note.text.trim() === '') continue;
      const quarter = quarterOf(note.at);
      const id = `note:${note.activityId}:${quarter}`;
      if (note.id !== undefined) this.noteGroupOf.set(note.id, id);
      const group = this.noteGroups.get(id);
      if (group) group.notes.push(note);
      else this.noteGroups.set(id, { activityName: note.activityName, quarter, notes: [note] });
      touched.add(id);
    }
    for (const id of touched) {
      const group = this.noteGroups.get(id);
      if (!group || group.notes.length === 0) {
        if (this.notes.has(id)) this.notes.discard(id);
        this.noteGroups.delete(id);
        continue;
      }
      const [, activityId = ''] = id.split(':');
      const doc: SearchDocument = {
        id,
        kind: 'note',
        refId: activityId,
        title: group.activityName,
        text: group.notes.map((n) => n.text).join('\n'),
        where: group.quarter,
      };
      if (this.notes.has(id)) this.notes.replace(doc);
      else this.notes.add(doc);
    }
  }

  /** An indexed note seen again: true when its group must be re-indexed (the text was edited). */
  private replaceNote(groupId: string, note: CheckInNote): boolean {
    const group = this.noteGroups.get(groupId);
    const at = group?.notes.findIndex((n) => n.id === note.id) ?? -1;
    const before = group?.notes[at];
    if (!group || !before || before.text === note.text) return false;
    if (note.text.trim() === '') {
      group.notes.splice(at, 1);
      if (note.id !== undefined) this.noteGroupOf.delete(note.id);
    } else group.notes[at] = { ...before, text: note.text };
    return true;
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
    const analysed = this.analyzer.query(query);
    const miniQuery = toMiniSearchQuery(analysed, (term) => this.vocabulary.has(term));
    const results: SearchResult[] = [];
    const wanted = (kind: SearchKind) => !kinds || kinds.includes(kind);
    if (CATALOG_KINDS.some(wanted))
      results.push(...this.catalog.search(miniQuery, kinds ? { filter: (r) => wanted(r.kind) } : {}));
    if (wanted('note') && this.notes.documentCount > 0) results.push(...this.notes.search(miniQuery));
    // A document that answers every word of the question beats one that answers half of it with
    // a louder title: "ensamhet bland äldre" is CHERRIES, not every activity named after äldre.
    const units = analysed.units.filter((u) => u.length > 0);
    const coverage = (r: SearchResult) =>
      units.length === 0
        ? 1
        : units.filter((u) => u.some((t) => r.queryTerms.includes(t))).length / units.length;
    for (const r of results) r.score *= coverage(r) ** 2;
    return results
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit ?? 8)
      .map((result) => this.toHit(result));
  }

  private toHit(result: SearchResult): SearchHit {
    // A synonym's match is shown where one of its group's words stands.
    const terms = result.terms.flatMap((term) =>
      term.startsWith(CONCEPT_PREFIX)
        ? this.analyzer.conceptWords(term).flatMap((w) => w.split(/\s+/).map((x) => toTerm(x) ?? fold(x)))
        : [term],
    );
    const group = result.kind === 'note' ? this.noteGroups.get(String(result.id)) : undefined;
    if (group) {
      const note =
        [...group.notes].reverse().find((n) => terms.some((t) => fold(n.text).includes(t))) ??
        group.notes.at(-1);
      return {
        ...baseHit(result),
        snippet: snippet(note?.text ?? '', terms),
        ...(note ? { at: note.at } : {}),
      };
    }
    return { ...baseHit(result), snippet: snippet(String(result.text ?? ''), terms) };
  }
}

interface NoteGroup {
  readonly activityName: string;
  readonly quarter: string;
  readonly notes: CheckInNote[];
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

function baseHit(result: SearchResult): Omit<SearchHit, 'snippet'> {
  return {
    kind: result.kind as SearchKind,
    refId: String(result.refId),
    title: String(result.title),
    where: String(result.where),
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
