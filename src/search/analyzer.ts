import { type CompoundLexicon, sharedLexicon, splitCompound } from './compounds.js';
import { fold, toQueryTerm, toTerm } from './text-processing.js';
import type { Thesaurus } from './thesaurus.js';

/** Prefix of the term a thesaurus group adds wherever one of its words occurs. */
export const CONCEPT_PREFIX = '~';

/** A query as the index reads it: its own words, their compound parts, and the synonym groups they name. */
export interface AnalysedQuery {
  readonly words: readonly string[];
  readonly parts: readonly string[];
  /** Synonym concepts, each with the terms of the question that named it. */
  readonly concepts: readonly { readonly term: string; readonly via: readonly string[] }[];
  /** Per word of the question: the terms that count as finding it (itself, its parts, its synonyms). */
  readonly units: readonly (readonly string[])[];
}

const WORD = /[\n\r\p{Z}\p{P}\p{S}]+/u;

interface Entry {
  readonly terms: readonly string[];
  readonly concept: string;
}

/**
 * Turns text into search terms the same way for the index and for questions: Swedish stems folded
 * to plain letters, the parts of compounds (so "barnfattigdom" meets "fattigdom" and "ungdomsmissbruk"
 * meets "missbruk bland ungdomar"), and one concept term per thesaurus group whose word or phrase
 * occurs (so "självmord" meets "suicid"). Compound splits are memoised: the catalog's words repeat.
 */
export class TextAnalyzer {
  private readonly entriesByFirst = new Map<string, Entry[]>();
  private readonly memo = new Map<string, readonly string[]>();

  constructor(
    readonly thesaurus: Thesaurus,
    private readonly lexicon: CompoundLexicon = sharedLexicon(),
  ) {
    for (const group of thesaurus.groups)
      for (const word of group.words) {
        const terms = tokens(word)
          .map(toTerm)
          .filter((t): t is string => t !== null);
        const first = terms[0];
        if (!first) continue;
        const list = this.entriesByFirst.get(first) ?? [];
        list.push({ terms, concept: `${CONCEPT_PREFIX}${group.id}` });
        this.entriesByFirst.set(first, list);
      }
  }

  /** Index terms of a document's text. */
  index(text: string): string[] {
    const { words, parts, concepts } = this.analyse(text, toTerm);
    return [...words, ...parts, ...concepts.map((c) => c.term)];
  }

  /** Query terms of a question; question filler ("vilka aktiviteter …") is dropped unless nothing else is left. */
  query(text: string): AnalysedQuery {
    const analysed = this.analyse(text, toQueryTerm);
    return analysed.words.length > 0 || analysed.parts.length > 0 ? analysed : this.analyse(text, toTerm);
  }

  /** The words of the group a concept term stands for (for snippets). */
  conceptWords(concept: string): readonly string[] {
    const id = concept.slice(CONCEPT_PREFIX.length);
    return this.thesaurus.groups.find((g) => g.id === id)?.words ?? [];
  }

  private analyse(text: string, term: (token: string) => string | null): AnalysedQuery {
    const words: string[] = [];
    const parts: string[] = [];
    const partsOfWord: string[][] = [];
    for (const token of tokens(text)) {
      const whole = term(token);
      if (whole === null) continue;
      const split = withDiacritics(token.toLowerCase(), splitCompound(this.lexicon, fold(token), this.memo))
        .map(toTerm)
        .filter((t): t is string => t !== null && t !== whole);
      words.push(whole);
      parts.push(...split);
      partsOfWord.push(split);
    }
    const concepts = this.concepts(words, partsOfWord);
    const units = words.map((word, i) => {
      const own = [word, ...(partsOfWord[i] ?? [])];
      return [...own, ...concepts.filter((c) => c.via.some((v) => own.includes(v))).map((c) => c.term)];
    });
    return { words, parts, concepts, units };
  }

  private concepts(
    words: readonly string[],
    partsOfWord: readonly (readonly string[])[],
  ): { term: string; via: string[] }[] {
    const found = new Map<string, string[]>();
    words.forEach((word, i) => {
      for (const candidate of [word, ...(partsOfWord[i] ?? [])])
        for (const entry of this.entriesByFirst.get(candidate) ?? [])
          if (
            candidate !== word ? entry.terms.length === 1 : entry.terms.every((t, k) => words[i + k] === t)
          ) {
            const via = found.get(entry.concept) ?? [];
            via.push(...(candidate !== word ? [candidate] : entry.terms));
            found.set(entry.concept, via);
          }
    });
    return [...found].map(([term, via]) => ({ term, via }));
  }
}

/**
 * The parts as written, with å, ä and ö: the stemmer's suffix rules know them ("enkät" keeps its
 * stem, "enkat" would lose "at"). Parts are found in the folded word, which has the same length.
 */
function withDiacritics(lower: string, parts: readonly string[]): readonly string[] {
  const folded = fold(lower);
  if (folded.length !== lower.length) return parts;
  let cursor = 0;
  return parts.map((part) => {
    const at = folded.indexOf(part, cursor);
    if (at === -1) return part;
    cursor = at + part.length;
    return lower.slice(at, cursor);
  });
}

function tokens(text: string): string[] {
  return text.split(WORD).filter((t) => t !== '');
}
