import { addDays, dateOf, isLocalDate, type LocalDate } from '../../db/model/local-date.js';
import { fold } from '../search/text-processing.js';

/** Month names people write, Swedish and English, full or abbreviated, without diacritics. */
const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augusti', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

function monthOf(word: string): number | undefined {
  const w = fold(word).replace(/\.$/, '');
  const index = MONTHS.findIndex((names) => names.includes(w));
  return index === -1 ? undefined : index + 1;
}

/** A day and month without a year means its next occurrence: today or later. */
function nextOccurrence(day: number, month: number, today: LocalDate): LocalDate | undefined {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const date = exact(y, month, day);
    if (date && date >= today) return date;
  }
  return undefined;
}

/** The date, or undefined when the day does not exist in that month (31/4). */
function exact(year: number, month: number, day: number): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const date = dateOf(year, month, day);
  return Number(date.slice(8, 10)) === day ? date : undefined;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * Reads a date as Swedish users write it: `2027-08-10`, `10 augusti` (`10 aug 2027`, `10 August`),
 * `10/8` or `10/8 2027` / `10/8/27` (day first, as in Sweden), and `idag`/`imorgon`. Without a year
 * it means the next such day from `today`. Undefined when the text is no date.
 */
export function parseSwedishDate(text: string, today: LocalDate): LocalDate | undefined {
  const t = fold(text).trim().replace(/\s+/g, ' ');
  if (t === 'idag' || t === 'i dag' || t === 'today') return today;
  if (t === 'imorgon' || t === 'i morgon' || t === 'tomorrow') return addDays(today, 1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isLocalDate(t) ? t : undefined;
  const named = /^(\d{1,2})(?:e|:e)? ([a-z.]+)(?: (\d{4}))?$/.exec(t);
  if (named) {
    const month = monthOf(named[2] ?? '');
    if (month === undefined) return undefined;
    const day = Number(named[1]);
    return named[3] ? exact(Number(named[3]), month, day) : nextOccurrence(day, month, today);
  }
  const numeric = /^(\d{1,2})\/(\d{1,2})(?:[/ ](\d{4}|\d{2}))?$/.exec(t);
  if (numeric) {
    const [day, month] = [Number(numeric[1]), Number(numeric[2])];
    return numeric[3] ? exact(fullYear(numeric[3]), month, day) : nextOccurrence(day, month, today);
  }
  return undefined;
}

/** `10 augusti 2027` / `10 August 2027`: a local date as people read it. */
export function formatLocalDate(date: LocalDate, locale: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
