import { StemmerSv, StopwordsSv } from '@nlpjs/lang-sv';

const stemmer = new StemmerSv();

/** Lower-cases and removes diacritics: users type `forsorjning` and `aldre`, OCR copies lose å/ä/ö. */
export function fold(text: string): string {
  // Plain ASCII (most words) needs no decomposition; this runs for every dictionary word at start.
  if (!/[^ -~]/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * nlp.js's Swedish stop words. @nlpjs/lang-sv publishes no list (no export, no JSON; `build`
 * only takes one in): the words exist only as the keys of the `dictionary` its `Stopwords` base
 * class builds, and `isStopword` cannot answer for "sa" when the list says "så". So the keys are
 * read here, each confirmed through the public `isStopword`; should an upgrade move them, start-up
 * fails with this message instead of quietly indexing every "och" (tests/unit/search/search.test.ts).
 */
function nlpjsStopWords(): string[] {
  const stopwords = new StopwordsSv();
  const { dictionary } = stopwords;
  const words =
    typeof dictionary === 'object' && dictionary !== null
      ? Object.keys(dictionary).filter((word) => stopwords.isStopword(word))
      : [];
  if (words.length === 0)
    throw new Error(
      '@nlpjs/lang-sv: StopwordsSv has no `dictionary` of stop words any more; read its list another way in src/search/text-processing.ts',
    );
  return words;
}

// Folded so they also match text typed without diacritics. Digits are kept: "delmål 5" must
// still find 5.
const STOP_WORDS: ReadonlySet<string> = new Set(
  nlpjsStopWords()
    .filter((word) => !/^\d+$/.test(word))
    .map(fold),
);

/**
 * Turns one token into its index term: Swedish Snowball stem, then folded. Stemming first keeps
 * the suffix rules (which know å/ä/ö) intact; folding after makes "äldre" and "aldre" meet at "aldr".
 * Returns null for stop words and single letters.
 */
export function toTerm(token: string): string | null {
  const lower = token.toLowerCase();
  if ((lower.length < 2 && !/\d/.test(lower)) || STOP_WORDS.has(fold(lower))) return null;
  return fold(stemmer.stemWord(lower));
}

// Words that carry no subject in a question to the bot ("vilka aktiviteter arbetar med …"): they
// match half the catalog and drown the words that matter. Matched as whole words, not stems, so
// "arbete" (work, a subject) stays while "arbetar" (works, filler) goes. Only queries drop them.
const QUESTION_FILLER: ReadonlySet<string> = new Set(
  [
    'aktivitet',
    'aktiviteten',
    'aktiviteter',
    'aktiviteterna',
    'arbetar',
    'jobbar',
    'handlar',
    'finns',
    'activity',
    'activities',
    'work',
    'works',
    'working',
    'which',
  ].map(fold),
);

/** {@link toTerm} for queries: also drops question filler. */
export function toQueryTerm(token: string): string | null {
  return QUESTION_FILLER.has(fold(token)) ? null : toTerm(token);
}
