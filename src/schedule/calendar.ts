import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Holidays from 'date-holidays-parser';
import { addDays, isoWeekday, type LocalDate } from '../../db/model/local-date.js';

/** Why a day is not a workday. `summer` and `away` are added by schedules and people, not here. */
type DayOffKind = 'weekend' | 'holiday' | 'bridge';

export interface DayOff {
  readonly kind: DayOffKind;
  /** The holiday's name (Swedish or English), or for a bridge day the holiday it bridges to. */
  readonly name?: string;
}

/**
 * Which `date-holidays` types are days off. `public` are the statutory holidays (helgdagar).
 * `bank` is how the library marks midsommarafton, julafton and nyårsafton: not statutory, but
 * in practice nobody in a Swedish public office works them (they count as Sundays under the
 * Semesterlag and every collective agreement in the sector), so prompting then is exactly the
 * noise users complain about. `optional` (trettondagsafton, valborgsmässoafton, allhelgonaafton:
 * at most half days off) and `observance` (Mors dag, Luciadagen …) stay workdays.
 */
const DAY_OFF_TYPES = new Set(['public', 'bank']);

/**
 * The Swedish working calendar: weekends, public holidays (`date-holidays`, country SE), the three
 * eves above, and bridge days (klämdagar).
 *
 * A **bridge day** is a weekday that would be a workday but has a day off on BOTH sides — one of
 * them a holiday, the other a weekend day or holiday — e.g. the Friday after Kristi himmelsfärd,
 * or a Monday before a Tuesday holiday. Most offices close or are empty then; a prompt would wait
 * for the next workday anyway. Only single squeezed days count: two workdays between a holiday
 * and a weekend are ordinary workdays.
 */
export class SwedishCalendar {
  private holidaysOf: Holidays | undefined;
  private readonly years = new Map<number, Map<LocalDate, string>>();

  readonly language: 'sv' | 'en';

  constructor(language: 'sv' | 'en' = 'sv') {
    this.language = language;
  }

  // The rules load on the first question about a holiday, not when the calendar is made:
  // `delmal serve` listens without waiting for them.
  private get holidays(): Holidays {
    if (!this.holidaysOf) {
      const HolidaysOf = (
        createRequire(import.meta.url)('date-holidays-parser') as { default: typeof Holidays }
      ).default;
      this.holidaysOf = new HolidaysOf(swedishRules(), 'SE', {
        languages: [this.language],
        types: ['public', 'bank'],
      });
    }
    return this.holidaysOf;
  }

  /** The holiday on `date`, by name, or undefined. */
  holiday(date: LocalDate): string | undefined {
    return this.yearOf(Number(date.slice(0, 4))).get(date);
  }

  /** Why `date` is not a workday, or undefined when it is one. */
  dayOff(date: LocalDate): DayOff | undefined {
    const closed = this.closed(date);
    if (closed) return closed;
    const before = this.closed(addDays(date, -1));
    const after = this.closed(addDays(date, 1));
    if (before && after && (before.kind === 'holiday' || after.kind === 'holiday'))
      return { kind: 'bridge', name: before.kind === 'holiday' ? before.name : after.name };
    return undefined;
  }

  isWorkday(date: LocalDate): boolean {
    return this.dayOff(date) === undefined;
  }

  /** `date` itself when it is a workday, else the next workday after it. */
  nextWorkday(date: LocalDate): LocalDate {
    let day = date;
    // A year holds no run of more than a week without a workday; the bound guards a broken data file.
    for (let i = 0; i < 31; i++, day = addDays(day, 1)) if (this.isWorkday(day)) return day;
    throw new Error(`no workday within a month after ${date}`);
  }

  /** The `n`-th workday after `date` (not counting `date`). */
  addWorkdays(date: LocalDate, n: number): LocalDate {
    let day = date;
    for (let left = n; left > 0; left--) day = this.nextWorkday(addDays(day, 1));
    return day;
  }

  /** Weekend or holiday; bridge days are derived from these. */
  private closed(date: LocalDate): DayOff | undefined {
    const name = this.holiday(date);
    if (name) return { kind: 'holiday', name };
    return isoWeekday(date) >= 6 ? { kind: 'weekend' } : undefined;
  }

  private yearOf(year: number): Map<LocalDate, string> {
    let map = this.years.get(year);
    if (!map) {
      map = new Map();
      for (const h of this.holidays.getHolidays(year, this.language))
        if (DAY_OFF_TYPES.has(h.type) && !map.has(h.date.slice(0, 10))) map.set(h.date.slice(0, 10), h.name);
      this.years.set(year, map);
    }
    return map;
  }
}

/**
 * Sweden's rules from `date-holidays`' own data file, for `date-holidays-parser` (the rule engine
 * `date-holidays` is built on, by the same author). `date-holidays` itself compiles every country's
 * rules into a module (~800 kB of source kept in memory, ~11 MB resident in all); read as JSON and
 * cut to one country, the rest is garbage at once. The data stays the library's: upgrading
 * `date-holidays` upgrades the rules.
 */
function swedishRules(): object {
  const require = createRequire(import.meta.url);
  // `data/holidays.json` is not among the package's exports; its package.json is.
  const file = join(dirname(require.resolve('date-holidays/package.json')), 'data', 'holidays.json');
  const all = JSON.parse(readFileSync(file, 'utf8')) as { holidays?: Record<string, unknown> };
  if (!all.holidays?.SE) throw new Error(`no rules for Sweden (SE) in ${file}`);
  return { ...all, holidays: { SE: all.holidays.SE } };
}
