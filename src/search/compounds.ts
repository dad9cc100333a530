import dictionary from 'dictionary-sv';
import { fold } from './text-processing.js';

/** Words known to the Swedish hunspell dictionary, as compound parts: folded, lower case. */
export interface CompoundLexicon {
  /** Forms the dictionary marks as able to start or sit inside a compound ("barn", "arbets", "hälso"). */
  readonly leading: ReadonlySet<string>;
  /** Other words, allowed to lead a compound only when long (five letters or more). */
  readonly words: ReadonlySet<string>;
  /** Forms that may end a compound ("fattigdom", "mottagning"); inflected endings are peeled off. */
  readonly trailing: ReadonlySet<string>;
}

// Hunspell sv (index.aff): X = COMPOUNDBEGIN, U = COMPOUNDMIDDLE, Y = COMPOUNDEND, % = forbidden;
// affix flags v and f add the linking -s ("ungdom" → "ungdoms"), h the linking -e, s the bare form.
const BEGIN_FLAGS = /[XU]/;
const END_FLAG = 'Y';
const FORBIDDEN = '%';
const MIN_LEADING = 3;
const MIN_UNFLAGGED_LEADING = 5;
// A four-letter minimum at the end keeps derivational suffixes ("-het", "-dom") from counting as words.
const MIN_TRAILING = 4;
const MIN_COMPOUND = 7;
// Inflectional endings a compound's last part may carry ("familjecentralerna" → "central" + "erna").
const ENDINGS = [
  'erna',
  'arna',
  'orna',
  'ande',
  'ende',
  'ens',
  'ets',
  'en',
  'et',
  'er',
  'ar',
  'or',
  'na',
  'n',
  't',
  's',
  'a',
  'e',
];

/**
 * Reads the Swedish hunspell dictionary (`dictionary-sv`, the LibreOffice word list) into the
 * sets compound splitting needs, using the dictionary's own compound flags. Built once per process.
 */
export function loadLexicon(dic: string = new TextDecoder().decode(dictionary.dic)): CompoundLexicon {
  const leading = new Set<string>();
  const words = new Set<string>();
  const trailing = new Set<string>();
  for (const line of dic.split('\n')) {
    const slash = line.indexOf('/');
    const word = (slash === -1 ? line : line.slice(0, slash)).trim();
    const flags = slash === -1 ? '' : line.slice(slash + 1);
    // Proper nouns, abbreviations and numbers make poor compound parts.
    if (word === '' || word !== word.toLowerCase() || /[\d.:]/.test(word) || flags.includes(FORBIDDEN))
      continue;
    if (word.endsWith('-')) {
      const form = fold(word.slice(0, -1));
      if (form.length >= MIN_LEADING && !form.includes('-')) leading.add(form);
      continue;
    }
    if (word.includes('-')) continue;
    const form = fold(word);
    const stem = form.endsWith('a') ? form.slice(0, -1) : form;
    if (BEGIN_FLAGS.test(flags) || flags.includes('s')) leading.add(form);
    if (/[vf]/.test(flags)) leading.add(`${stem}s`);
    if (flags.includes('h')) leading.add(`${stem}e`);
    if (!flags.includes('Z')) words.add(form);
    if (flags.includes(END_FLAG) && form.length >= MIN_TRAILING) trailing.add(form);
  }
  return { leading, words, trailing };
}

let shared: CompoundLexicon | undefined;
/** The process-wide lexicon, loaded on first use. */
export function sharedLexicon(): CompoundLexicon {
  shared ??= loadLexicon();
  return shared;
}

// Words the dictionary does not flag as compound endings still end compounds when they are long.
const MIN_UNFLAGGED_TRAILING = 6;

function isEnding(lexicon: CompoundLexicon, form: string): boolean {
  return lexicon.trailing.has(form) || (form.length >= MIN_UNFLAGGED_TRAILING && lexicon.words.has(form));
}

function endsCompound(lexicon: CompoundLexicon, part: string): boolean {
  if (part.length < MIN_TRAILING) return false;
  if (isEnding(lexicon, part)) return true;
  // A present participle ends a compound as its verb does: "förebyggande" ← "förebygga".
  const participle = /(ande|ende)$/.test(part) ? `${part.slice(0, -4)}a` : '';
  if (participle.length >= MIN_TRAILING && lexicon.words.has(participle)) return true;
  return ENDINGS.some(
    (e) =>
      part.length - e.length >= MIN_TRAILING &&
      part.endsWith(e) &&
      isEnding(lexicon, part.slice(0, -e.length)),
  );
}

/**
 * Splits a Swedish compound into its longest known parts, allowing the linking -s-
 * ("ungdomsmottagning" → ungdom, mottagning; "barnfattigdom" → barn, fattigdom). Returns [] when
 * the word is short or no split into dictionary words exists. `word` must be folded lower case.
 */
export function splitCompound(
  lexicon: CompoundLexicon,
  word: string,
  memo?: Map<string, readonly string[]>,
): readonly string[] {
  const cached = memo?.get(word);
  if (cached) return cached;
  const parts = word.length < MIN_COMPOUND || !/^[a-z]+$/.test(word) ? [] : bestSplit(lexicon, word);
  memo?.set(word, parts);
  return parts;
}

function canLead(lexicon: CompoundLexicon, part: string): boolean {
  return (
    (part.length >= MIN_LEADING && lexicon.leading.has(part)) ||
    (part.length >= MIN_UNFLAGGED_LEADING && lexicon.words.has(part))
  );
}

interface Path {
  readonly parts: readonly string[];
  /** Whether the last part was followed by a linking -s-. */
  readonly linked: boolean;
}

function bestSplit(lexicon: CompoundLexicon, word: string): string[] {
  const n = word.length;
  // best[i]: fewest leading parts covering word[0, i); on a tie a linking -s- wins ("missbruks|vård",
  // not "missbruk|svärd"), then the longer first part.
  const best: (Path | undefined)[] = new Array(n + 1);
  best[0] = { parts: [], linked: false };
  const better = (a: Path, b: Path | undefined) =>
    !b || a.parts.length < b.parts.length || (a.parts.length === b.parts.length && a.linked && !b.linked);
  for (let i = 0; i < n; i++) {
    const before = best[i];
    if (!before) continue;
    for (let j = i + MIN_LEADING; j <= n - MIN_TRAILING; j++) {
      const part = word.slice(i, j);
      if (!canLead(lexicon, part)) continue;
      const plain: Path = { parts: [...before.parts, part], linked: false };
      if (better(plain, best[j])) best[j] = plain;
      if (word[j] === 's' && j + 1 <= n - MIN_TRAILING) {
        const linked: Path = { parts: plain.parts, linked: true };
        if (better(linked, best[j + 1])) best[j + 1] = linked;
      }
    }
  }
  let result: Path | undefined;
  for (let i = MIN_LEADING; i <= n - MIN_TRAILING; i++) {
    const lead = best[i];
    if (!lead || lead.parts.length === 0 || !endsCompound(lexicon, word.slice(i))) continue;
    const candidate: Path = { parts: [...lead.parts, word.slice(i)], linked: lead.linked };
    if (better(candidate, result)) result = candidate;
  }
  return result ? [...result.parts] : [];
}
