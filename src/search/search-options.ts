import type { Options, Query } from 'minisearch';
import type { AnalysedQuery, TextAnalyzer } from './analyzer.js';

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

// Terms arrive analysed (see TextAnalyzer): MiniSearch only splits the list back apart.
const splitTerms = (text: string) => text.split(' ').filter((t) => t !== '');
const asIs = (term: string) => term;

/**
 * The MiniSearch settings delmal searches with — BM25 over title (×3) and text, terms from the
 * {@link TextAnalyzer} (Swedish stems, folded diacritics, compound parts, thesaurus concepts),
 * prefix matching from four letters and one typo allowed from five on the words typed — shared by
 * the catalog index, the notes index and the benchmark.
 */
export function miniSearchOptions(
  analyzer: TextAnalyzer,
  vocabulary?: Set<string>,
): Options<IndexedDocument> {
  return {
    fields: ['title', 'text'],
    storeFields: ['kind', 'refId', 'title', 'where', 'text', 'current'],
    tokenize: (text) => {
      const terms = analyzer.index(text);
      if (vocabulary) for (const term of terms) vocabulary.add(term);
      return terms;
    },
    processTerm: asIs,
    searchOptions: {
      tokenize: splitTerms,
      processTerm: asIs,
      boost: { title: 3 },
      combineWith: 'OR',
      boostDocument: (_id, _term, stored) =>
        (KIND_BOOST[String(stored?.kind)] ?? 1) * (stored?.current === false ? 0.6 : 1),
    },
  };
}

// A synonym counts almost fully for a word the texts never use ("självmord" → suicid), but only a
// little for a word they do use: there the word itself already finds its documents, and its whole
// group would otherwise drown the rarer words of the question ("ensamhet bland äldre").
const UNKNOWN_WORD_CONCEPT = 0.8;
const KNOWN_WORD_CONCEPT = 0.15;

/**
 * An analysed question as a MiniSearch query: the words typed get prefix and typo tolerance;
 * compound parts and synonym concepts match exactly and count less than the words themselves,
 * so a document with the very word asked for still comes first. `known` tells whether the
 * indexed texts contain a term.
 */
export function toMiniSearchQuery(
  query: AnalysedQuery,
  known: (term: string) => boolean = () => false,
): Query {
  const queries: Query[] = [];
  if (query.words.length > 0)
    queries.push({
      queries: [query.words.join(' ')],
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    });
  if (query.parts.length > 0)
    queries.push({ queries: [query.parts.join(' ')], prefix: false, fuzzy: false, boostTerm: () => 0.6 });
  const weight = new Map(
    query.concepts.map((c) => [c.term, c.via.every(known) ? KNOWN_WORD_CONCEPT : UNKNOWN_WORD_CONCEPT]),
  );
  if (query.concepts.length > 0)
    queries.push({
      queries: [query.concepts.map((c) => c.term).join(' ')],
      prefix: false,
      fuzzy: false,
      boostTerm: (term) => weight.get(term) ?? KNOWN_WORD_CONCEPT,
    });
  return { combineWith: 'OR', queries };
}
