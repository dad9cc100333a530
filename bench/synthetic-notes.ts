import type { Activity } from '../db/model/catalog-schema.js';
import type { SearchDocument } from '../src/search/search-index.js';
import type { Random } from './random.js';

// Who a coordinator mentions in a check-in: organisations of the county, not people.
const PARTIES = [
  'kommunerna',
  'regionen',
  'socialtjänsten',
  'Länsstyrelsen',
  'primärvården',
  'elevhälsan',
  'brukarorganisationerna',
  'Region Örebro län',
  'Örebro kommun',
  'Karlskoga kommun',
  'Lindesbergs kommun',
  'Hallsbergs kommun',
  'polisen',
  'Försäkringskassan',
  'Arbetsförmedlingen',
  'styrgruppen',
] as const;

const REASONS = [
  'sjukskrivning',
  'personalbrist',
  'omorganisation',
  'semestern',
  'att upphandlingen drar ut på tiden',
  'sena beslut i nämnden',
  'hög arbetsbelastning',
  'budgetläget',
  'att projektledaren slutat',
] as const;

// Check-in openers as coordinators write them; `{party}` and `{reason}` are filled in per note.
const OPENERS = [
  'Arbetet går enligt plan.',
  'Vi har haft möte med {party}.',
  'Försenat på grund av {reason}.',
  'Inget nytt sedan förra avstämningen.',
  'Vi väntar på besked från {party}.',
  'Styrgruppen har godkänt planen.',
  'Planeringen inför hösten pågår.',
  'Dialog pågår med {party}.',
  'Uppföljning sker vid nästa nätverksträff.',
  'Något försenat på grund av {reason} men vi räknar med att komma i fas.',
] as const;

/** How the corpus is drawn; the defaults are what RESULTS.md reports. */
export interface NoteOptions {
  readonly count: number;
  readonly minWords: number;
  readonly maxWords: number;
  /** Share of a note's fragments taken from its own activity's description (the rest: any activity). */
  readonly onTopic: number;
  /** Share of words with a typo: real typed notes grow the vocabulary, which is what fuzzy search walks. */
  readonly typoRate: number;
}

export const DEFAULT_NOTE_OPTIONS: NoteOptions = {
  count: 100_000,
  minWords: 8,
  maxWords: 40,
  onTopic: 0.75,
  typoRate: 0.01,
};

/**
 * Synthetic check-in notes in civil-servant Swedish: an opener phrase, then runs of consecutive
 * words from the activity descriptions of the catalog, so term frequencies follow the catalog's own.
 * Each note links to a real activity (`refId`) and is dated within the plan's follow-up period.
 */
export function syntheticNotes(
  activities: readonly Activity[],
  random: Random,
  options: NoteOptions = DEFAULT_NOTE_OPTIONS,
): SearchDocument[] {
  const pool = activities.map((activity) => ({
    activity,
    words: wordsOf(activity.description.trim() === '' ? activity.name : activity.description),
  }));
  const notes: SearchDocument[] = [];
  for (let i = 0; i < options.count; i++) {
    const own = random.pick(pool);
    const target = random.int(options.minWords, options.maxWords);
    const words: string[] = random.next() < 0.7 ? wordsOf(opener(random)) : [];
    while (words.length < target) {
      const source = random.next() < options.onTopic ? own : random.pick(pool);
      words.push(...window(source.words, random.int(4, 12), random));
    }
    const text = words
      .slice(0, target)
      .map((word) => (random.next() < options.typoRate ? typo(word, random) : word))
      .join(' ')
      .replace(/[,;:]?$/, '.');
    notes.push({
      id: `note:${i}`,
      kind: 'note',
      refId: own.activity.id,
      title: own.activity.name,
      text,
      where: `Avstämning ${date(random)} › ${own.activity.name}`,
    });
  }
  return notes;
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

function opener(random: Random): string {
  return random
    .pick(OPENERS)
    .replace('{party}', random.pick(PARTIES))
    .replace('{reason}', random.pick(REASONS));
}

function window(words: readonly string[], length: number, random: Random): string[] {
  const start = random.int(0, Math.max(0, words.length - length));
  return words.slice(start, start + length);
}

/** One slip of the keyboard: a dropped, doubled or swapped letter. */
function typo(word: string, random: Random): string {
  if (word.length < 4) return word;
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.charAt(at) + word.slice(at);
    default:
      return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  }
}

function date(random: Random): string {
  const day = new Date(Date.UTC(2025, 0, 1) + random.int(0, 688) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
