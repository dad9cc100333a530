import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isoWeek,
  type LocalDate,
  partsOf,
  weekdayOf,
} from '../../../db/model/local-date.js';
import type { ScheduleEntry } from '../../../db/model/schedule-schema.js';
import { toLocal } from '../../../db/model/zoned-time.js';
import { parseCatalogFile } from '../../../src/catalog/catalog-file.js';
import { SHIPPED_CATALOG } from '../../../src/paths.js';
import { SwedishCalendar } from '../../../src/schedule/calendar.js';
import { dueSlots } from '../../../src/schedule/slots.js';
import { schedule } from './support.js';

const calendar = new SwedishCalendar('sv');
const FROM = new Date('2026-12-01T00:00:00Z');
const TO = new Date('2029-12-01T00:00:00Z');

const shipped = parseCatalogFile(SHIPPED_CATALOG, readFileSync(SHIPPED_CATALOG, 'utf8')).catalog.schedules;
const everyCadence: ScheduleEntry[] = [
  schedule({ id: 'weekly-monday', cadence: 'weekly', weekday: 'monday', time: '08:15' }),
  schedule({ id: 'weekly-friday', cadence: 'weekly', weekday: 'friday', time: '02:30' }),
  schedule({ id: 'three-weeks', cadence: 'every_n_weeks', weeks: 3, anchor: '2027-01-07', time: '13:00' }),
  schedule({ id: 'first-thursday', cadence: 'monthly_nth_weekday', nth: 1, weekday: 'thursday' }),
  schedule({ id: 'last-friday', cadence: 'monthly_nth_weekday', nth: 'last', weekday: 'friday' }),
  schedule({ id: 'q-day', cadence: 'quarterly', monthInQuarter: 3, day: 31, summerPause: false }),
  schedule({ id: 'q-weekday', cadence: 'quarterly', monthInQuarter: 2, nth: 2, weekday: 'tuesday' }),
  schedule({ id: 'new-york', cadence: 'weekly', weekday: 'wednesday', timeZone: 'America/New_York' }),
];

/** An independent reading of each cadence: does the cadence name `date`? (brute force, day by day) */
function named(s: ScheduleEntry, date: LocalDate): boolean {
  const { month, day, year } = partsOf(date);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const nthOk = (nth: ScheduleEntry['nth']) =>
    nth === 'last' ? day + 7 > daysInMonth : Math.ceil(day / 7) === nth;
  switch (s.cadence) {
    case 'weekly':
      return weekdayOf(date) === s.weekday;
    case 'every_n_weeks':
      return daysBetween(s.anchor ?? '', date) % (7 * (s.weeks ?? 0)) === 0;
    case 'monthly_nth_weekday':
      return weekdayOf(date) === s.weekday && nthOk(s.nth);
    case 'quarterly':
      if ((month - 1) % 3 !== (s.monthInQuarter ?? 0) - 1) return false;
      return s.day !== undefined
        ? day === Math.min(s.day, daysInMonth)
        : weekdayOf(date) === s.weekday && nthOk(s.nth);
  }
}

function inPause(s: ScheduleEntry, date: LocalDate): boolean {
  return (
    s.summerPause !== false &&
    isoWeek(date) >= s.summerPause.fromWeek &&
    isoWeek(date) <= s.summerPause.toWeek
  );
}

describe('three years of every schedule (2026-12 – 2029-12)', () => {
  it('ships the plan default and an activity override', () => {
    expect(shipped.map((s) => s.id)).toEqual([
      'social-valfard-varannan-tisdag',
      'demo-familjecentraler-kvartal',
    ]);
  });

  for (const s of [...shipped, ...everyCadence])
    it(`${s.id}: every slot where it belongs, none twice, none on a day off or in the pause`, () => {
      const slots = dueSlots(s, FROM, TO, calendar);
      // Every day the cadence names is a slot, and nothing else is (first/last days may straddle the range).
      const expected: LocalDate[] = [];
      const firstDay = toLocal(FROM, s.timeZone).date;
      const lastDay = addDays(toLocal(TO, s.timeZone).date, -10);
      for (let d = addDays(firstDay, 10); d <= lastDay; d = addDays(d, 1)) if (named(s, d)) expected.push(d);
      const inner = slots.map((x) => x.slot).filter((d) => d >= addDays(firstDay, 10) && d <= lastDay);
      expect(inner).toEqual(expected);
      expect(expected.length).toBeGreaterThan(10);

      expect(new Set(slots.map((x) => x.slot)).size).toBe(slots.length);
      const running = slots.filter((x) => !x.skipped);
      expect(new Set(running.map((x) => x.date)).size).toBe(running.length);
      expect(new Set(running.map((x) => x.at.getTime())).size).toBe(running.length);
      for (const x of running) {
        expect(calendar.isWorkday(x.date), `${x.slot} runs on ${x.date}`).toBe(true);
        expect(inPause(s, x.date), `${x.slot} runs in the pause`).toBe(false);
        // On the day it belongs to, or moved to the next workday with the reason.
        expect(x.date).toBe(calendar.nextWorkday(x.slot));
        expect(x.date === x.slot).toBe(x.movedBecause === undefined);
        // DST changes fall on Sundays, so every run keeps its wall time exactly.
        expect(toLocal(x.at, s.timeZone)).toEqual({ date: x.date, time: s.time });
      }
      for (const x of slots.filter((y) => y.skipped)) {
        expect(x.skipped).toBe('summer');
        expect(inPause(s, x.slot) || inPause(s, calendar.nextWorkday(x.slot))).toBe(true);
      }
      if (s.summerPause !== false && s.cadence !== 'quarterly')
        expect(slots.some((x) => x.skipped === 'summer')).toBe(true);
    });
});
