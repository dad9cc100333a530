import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Packed, PackedWords, type WordSet } from './packed-words.js';
import { fold } from './text-processing.js';

/** Words known to the Swedish hunspell dictionary, as compound parts: folded, lower case. */
export interface CompoundLexicon {
  /** Forms the dictionary marks as able to start or sit inside a compound ("barn", "arbets", "hälso"). */
  readonly leading: WordSet;
  /** Other words, allowed to lead a compound only when long (five letters or more). */
  readonly words: WordSet;
  /** Forms that may end a compound ("fattigdom", "mottagning"); inflected endings are peeled off. */
  readonly trailing: WordSet;
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
export function loadLexicon(dic: string = readDictionary()): CompoundLexicon {
  const leading: string[] = [];
  const words: string[] = [];
  const trailing: string[] = [];
  // Line by line without `split`: an array of 150,000 lines would outlive the young generation and
  // grow the old space (and the resident memory) by tens of MB for good.
  for (let start = 0, end = 0; start < dic.length; start = end + 1) {
    end = dic.indexOf('\n', start);
    if (end === -1) end = dic.length;
    const line = dic.slice(start, end);
    const slash = line.indexOf('/');
    const word = (slash === -1 ? line : line.slice(0, slash)).trim();
    const flags = slash === -1 ? '' : line.slice(slash + 1);
    // Proper nouns, abbreviations and numbers make poor compound parts.
    if (word === '' || word !== word.toLowerCase() || /[\d.:]/.test(word) || flags.includes(FORBIDDEN))
      continue;
    if (word.endsWith('-')) {
      const form = fold(word.slice(0, -1));
      if (form.length >= MIN_LEADING && !form.includes('-')) leading.push(form);
      continue;
    }
    if (word.includes('-')) continue;
    const form = fold(word);
    const stem = form.endsWith('a') ? form.slice(0, -1) : form;
    if (BEGIN_FLAGS.test(flags) || flags.includes('s')) leading.push(form);
    if (/[vf]/.test(flags)) leading.push(`${stem}s`);
    if (flags.includes('h')) leading.push(`${stem}e`);
    if (!flags.includes('Z')) words.push(form);
    if (flags.includes(END_FLAG) && form.length >= MIN_TRAILING) trailing.push(form);
  }
  return {
    leading: PackedWords.of(leading),
    words: PackedWords.of(words),
    trailing: PackedWords.of(trailing),
  };
}

/**
 * The word list of `dictionary-sv`, read from the file its module reads. Importing the module
 * would read both of its files into buffers (top-level await) in every thread that imports this
 * one — the main thread included, which only ever receives the packed lexicon from the worker.
 */
function readDictionary(): string {
  return readFileSync(new URL('index.dic', import.meta.resolve('dictionary-sv')), 'utf8');
}

/** A lexicon as it crosses from the worker that read it. */
export interface PackedLexicon {
  readonly leading: Packed;
  readonly words: Packed;
  readonly trailing: Packed;
}

export function packLexicon(lexicon: CompoundLexicon): PackedLexicon {
  const pack = (set: WordSet) => (set as PackedWords).packed;
  return { leading: pack(lexicon.leading), words: pack(lexicon.words), trailing: pack(lexicon.trailing) };
}

let shared: CompoundLexicon | undefined;
/** The process-wide lexicon, loaded on first use (unless {@link warmLexicon} has loaded it already). */
export function sharedLexicon(): CompoundLexicon {
  shared ??= loadLexicon();
  return shared;
}

// The built worker (dist/…/lexicon-worker.js). Run from the TypeScript sources (tests) it does not
// exist as JavaScript, and the lexicon is read in this thread instead.
const WORKER = new URL('./lexicon-worker.js', import.meta.url);

/**
 * Loads the process-wide lexicon without holding up this thread: a worker reads the dictionary and
 * hands over the packed sets. Reading it here leaves ~30 MB of parsing garbage in this heap, which
 * V8 keeps committed (resident) long after; the worker's heap goes away with the worker.
 */
export async function warmLexicon(): Promise<void> {
  if (shared) return;
  if (!existsSync(fileURLToPath(WORKER))) {
    sharedLexicon();
    return;
  }
  const packed = await new Promise<PackedLexicon>((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (message: PackedLexicon) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`lexicon worker exited with ${code}`)));
  });
  shared ??= {
    leading: PackedWords.fromPacked(packed.leading),
    words: PackedWords.fromPacked(packed.words),
    trailing: PackedWords.fromPacked(packed.trailing),
  };
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
