import { fold } from '../search/text-processing.js';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ett: 1,
  en: 1,
  etta: 1,
  ettan: 1,
  forsta: 1,
  one: 1,
  first: 1,
  tva: 2,
  tvaa: 2,
  tvaan: 2,
  andra: 2,
  two: 2,
  second: 2,
  tre: 3,
  trea: 3,
  trean: 3,
  tredje: 3,
  three: 3,
  third: 3,
  fyra: 4,
  fyran: 4,
  fjarde: 4,
  four: 4,
  fourth: 4,
  fem: 5,
  femma: 5,
  femman: 5,
  femte: 5,
  five: 5,
  fifth: 5,
  sex: 6,
  sexa: 6,
  sexan: 6,
  sjatte: 6,
  six: 6,
  sixth: 6,
  sju: 7,
  sjua: 7,
  sjuan: 7,
  sjunde: 7,
  seven: 7,
  seventh: 7,
  atta: 8,
  attan: 8,
  attonde: 8,
  eight: 8,
  eighth: 8,
  nio: 9,
  nian: 9,
  nionde: 9,
  nine: 9,
  ninth: 9,
  tio: 10,
  tian: 10,
  tionde: 10,
  ten: 10,
  tenth: 10,
};

// Words people put before a goal number: "delmål 5", "mål 5", "dm5", "nr 5", "#5", "goal 5".
const PREFIX = String.raw`((?:delmal|delmals|mal|goal|subgoal|dm|d|nr|nummer|no|number)\s*[.:#-]?\s*|#\s*)?`;
// The number itself: "5", "5:an", "5an", "5:e", "5.", or a word ("fem", "femman", "femte").
const NUMBER = String.raw`(\d{1,3})(?::?(?:an|a|e|dje))?\.?|([a-z]+)`;
const GOAL = new RegExp(String.raw`^${PREFIX}(?:${NUMBER})(?=\s|$|[,;!?])\s*(.*)$`, 's');

/** A bare number the goal parser does not take ("-1", "1000"): still a question about a delmål. */
export const OUT_OF_RANGE_NUMBER = /^[-−+]?\d{1,15}$/;

/**
 * Recognises a reference to a goal number the way people type it — "5", "delmål 5", "Delmal5",
 * "dm 5", "#5", "5:an", "femman" — and returns the number and whatever follows it.
 */
export function parseGoalReference(text: string): { number: number; rest: string } | undefined {
  const folded = fold(text).trim();
  const match = GOAL.exec(folded);
  if (!match) return undefined;
  const [, prefix, digits, word, rest = ''] = match;
  // A bare number word only counts on its own ("fem") or after a prefix ("delmål fem"):
  // "en aktivitet om ensamhet" is a question, not goal 1.
  if (word !== undefined && prefix === undefined && rest.trim() !== '') return undefined;
  const number = digits !== undefined ? Number(digits) : NUMBER_WORDS[word ?? ''];
  if (number === undefined) return undefined;
  return { number, rest: rest.trim() };
}

/**
 * Strips what precedes the command words: a leading slash, the bot's name or mention, and the
 * entry word `delmal` (however it is spelt), e.g. "/delmal 5", "@delmal sök ensamhet", "Delmål 5".
 * The entry word is only removed when something follows that is not a number, so "delmål 5" keeps
 * its goal reference intact.
 */
export function stripEntryWord(text: string): string {
  let rest = text
    .trim()
    .replace(/^<@[A-Z0-9]+>\s*/, '') // a Slack mention of the bot
    .replace(/^\/+/, '')
    .replace(/^@?delmal\b[:,]?\s*/i, '');
  const folded = fold(rest);
  const entry = /^delmal\b\s*/.exec(folded);
  if (entry && !parseGoalReference(rest)) rest = rest.slice(entry[0].length);
  return rest.trim();
}

/** Splits the first word off `text` and folds it, for matching command words. */
export function firstWord(text: string): { word: string; rest: string } {
  const match = /^(\S+)\s*(.*)$/s.exec(text.trim());
  return match ? { word: fold(match[1] ?? ''), rest: (match[2] ?? '').trim() } : { word: '', rest: '' };
}
