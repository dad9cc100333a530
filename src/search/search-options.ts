import type { Options } from 'minisearch';
import { toQueryTerm, toTerm } from './text-processing.js';

/** Fields every search document has; `text` is searched, the rest only stored. */
export interface IndexedDocument {
  readonly id: string;
  readonly kind: string;
  readonly refId: string;
  readonly title: string;
  readonly text: string;
  readonly where: string;
  readonly current?: boolean;
}

// Plan structure outranks a passing mention: a delmål about a subject beats an activity naming it.
const KIND_BOOST: Readonly<Record<string, number>> = {
  goal: 1.4,
  focusArea: 1.2,
  activity: 1.2,
  plan: 1,
  note: 0.8,
};

/**
 * The MiniSearch settings delmal searches with — BM25 over title (×3) and text, Swedish stems,
 * folded diacritics, prefix matching from four letters, one typo allowed from five — shared by
 * the catalog index, the notes index and the benchmark.
 */
export function miniSearchOptions(): Options<IndexedDocument> {
  return {
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
        (KIND_BOOST[String(stored?.kind)] ?? 1) * (stored?.current === false ? 0.6 : 1),
    },
  };
}
