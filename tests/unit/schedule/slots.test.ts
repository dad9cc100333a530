import { describe, expect, it } from 'vitest';
import { SwedishCalendar } from '../../../src/schedule/calendar.js';
import { pendingSlots, reminderFor } from '../../../src/schedule/due.js';
import { dueSlots, nthWeekday } from '../../../src/schedule/slots.js';
import { schedule } from './support.js';

const calendar = new SwedishCalendar('sv');
const runs = (entry: Parameters<typeof dueSlots>[0], from: string, to: string) =>
  dueSlots(entry, new Date(from), new Date(to), calendar).map((s) => ({
    slot: s.slot,
    date: s.date,
    at: s.at.toISOString(),
    ...(s.movedBecause ? { moved: s.movedBecause.kind } : {}),
    ...(s.skipped ? { skipped: s.skipped } : {}),
  }));

describe('slots of a schedule', () => {
  it('a weekly 09:00 slot keeps its local time across spring forward 2027-03-28', () => {
    expect(
      runs(schedule({ cadence: 'weekly', weekday: 'monday' }), '2027-03-20T00:00Z', '2027-04-06T00:00Z'),
    ).toEqual([
      { slot: '2027-03-22', date: '2027-03-22', at: '2027-03-22T08:00:00.000Z' },
      // Annandag påsk: moved to Tuesday, now in summer time.
      { slot: '2027-03-29', date: '2027-03-30', at: '2027-03-30T07:00:00.000Z', moved: 'holiday' },
      { slot: '2027-04-05', date: '2027-04-05', at: '2027-04-05T07:00:00.000Z' },
    ]);
  });

  it('and across fall back 2026-10-25, once per week', () => {
    expect(
      runs(schedule({ cadence: 'weekly', weekday: 'monday' }), '2026-10-18T00:00Z', '2026-11-03T00:00Z'),
    ).toEqual([
      { slot: '2026-10-19', date: '2026-10-19', at: '2026-10-19T07:00:00.000Z' },
      { slot: '2026-10-26', date: '2026-10-26', at: '2026-10-26T08:00:00.000Z' },
      { slot: '2026-11-02', date: '2026-11-02', at: '2026-11-02T08:00:00.000Z' },
    ]);
  });

  it('midsommarafton moves a Friday slot to Monday', () => {
    expect(
      runs(schedule({ cadence: 'weekly', weekday: 'friday' }), '2026-06-18T00:00Z', '2026-06-27T00:00Z'),
    ).toEqual([
      { slot: '2026-06-19', date: '2026-06-22', at: '2026-06-22T07:00:00.000Z', moved: 'holiday' },
      { slot: '2026-06-26', date: '2026-06-26', at: '2026-06-26T07:00:00.000Z' },
    ]);
  });

  it('julafton and nyårsafton move Thursday slots past juldagen, nyårsdagen and the weekend', () => {
    expect(
      runs(schedule({ cadence: 'weekly', weekday: 'thursday' }), '2026-12-20T00:00Z', '2027-01-09T00:00Z'),
    ).toEqual([
      { slot: '2026-12-24', date: '2026-12-28', at: '2026-12-28T08:00:00.000Z', moved: 'holiday' },
      { slot: '2026-12-31', date: '2027-01-04', at: '2027-01-04T08:00:00.000Z', moved: 'holiday' },
      { slot: '2027-01-07', date: '2027-01-07', at: '2027-01-07T08:00:00.000Z' },
    ]);
  });

  it('Kristi himmelsfärd moves a Thursday slot past the bridge day; a Friday slot on the bridge day moves too', () => {
    expect(
      runs(schedule({ cadence: 'weekly', weekday: 'thursday' }), '2026-05-13T00:00Z', '2026-05-20T00:00Z'),
    ).toEqual([{ slot: '2026-05-14', date: '2026-05-18', at: '2026-05-18T07:00:00.000Z', moved: 'holiday' }]);
    expect(
      runs(schedule({ cadence: 'weekly', weekday: 'friday' }), '2027-05-06T00:00Z', '2027-05-11T00:00Z'),
    ).toEqual([{ slot: '2027-05-07', date: '2027-05-10', at: '2027-05-10T07:00:00.000Z', moved: 'bridge' }]);
  });

  it('skips slots in the summer pause (weeks 28–31) with reason summer, and can be configured', () => {
    const weekly = runs(
      schedule({ cadence: 'weekly', weekday: 'tuesday' }),
      '2026-06-29T00:00Z',
      '2026-08-10T00:00Z',
    );
    expect(weekly.map((s) => [s.slot, s.skipped ?? 'runs'])).toEqual([
      ['2026-06-30', 'runs'],
      ['2026-07-07', 'summer'],
      ['2026-07-14', 'summer'],
      ['2026-07-21', 'summer'],
      ['2026-07-28', 'summer'],
      ['2026-08-04', 'runs'],
    ]);
    const shorter = runs(
      schedule({ cadence: 'weekly', weekday: 'tuesday', summerPause: { fromWeek: 29, toWeek: 30 } }),
      '2026-06-29T00:00Z',
      '2026-08-10T00:00Z',
    );
    expect(shorter.filter((s) => s.skipped).map((s) => s.slot)).toEqual(['2026-07-14', '2026-07-21']);
    expect(
      runs(
        schedule({ cadence: 'weekly', weekday: 'tuesday', summerPause: false }),
        '2026-06-29T00:00Z',
        '2026-08-10T00:00Z',
      ).filter((s) => s.skipped),
    ).toEqual([]);
  });

  it('every n weeks counts from its anchor, backwards too', () => {
    const entry = schedule({ cadence: 'every_n_weeks', weeks: 2, anchor: '2026-01-13' });
    expect(runs(entry, '2025-12-01T00:00Z', '2026-01-31T00:00Z').map((s) => s.slot)).toEqual([
      '2025-12-02',
      '2025-12-16',
      '2025-12-30',
      '2026-01-13',
      '2026-01-27',
    ]);
  });

  it('monthly on the n-th or last weekday, and quarterly by weekday or by day (short months clamp)', () => {
    expect(nthWeekday(2026, 11, 1, 'tuesday')).toBe('2026-11-03');
    expect(nthWeekday(2026, 11, 4, 'monday')).toBe('2026-11-23');
    expect(nthWeekday(2026, 11, 'last', 'monday')).toBe('2026-11-30');
    expect(nthWeekday(2027, 2, 'last', 'sunday')).toBe('2027-02-28');
    const monthly = schedule({ cadence: 'monthly_nth_weekday', nth: 'last', weekday: 'thursday' });
    expect(runs(monthly, '2026-10-01T00:00Z', '2027-01-10T00:00Z').map((s) => [s.slot, s.date])).toEqual([
      ['2026-10-29', '2026-10-29'],
      ['2026-11-26', '2026-11-26'],
      ['2026-12-31', '2027-01-04'],
    ]);
    const quarterly = schedule({ cadence: 'quarterly', monthInQuarter: 2, day: 31 });
    expect(runs(quarterly, '2027-01-01T00:00Z', '2028-01-01T00:00Z').map((s) => [s.slot, s.date])).toEqual([
      ['2027-02-28', '2027-03-01'],
      ['2027-05-31', '2027-05-31'],
      ['2027-08-31', '2027-08-31'],
      ['2027-11-30', '2027-11-30'],
    ]);
  });

  it('an inactive schedule has no slots', () => {
    expect(
      runs(
        schedule({ cadence: 'weekly', weekday: 'monday', active: false }),
        '2026-10-01T00:00Z',
        '2026-11-01T00:00Z',
      ),
    ).toEqual([]);
  });
});

describe('catch-up after downtime', () => {
  const weekly = schedule({ cadence: 'weekly', weekday: 'monday' });

  it('a slot missed by less than the tolerance is due; older ones are missed, never a flood', () => {
    // Down from Friday 2026-11-06 until Tuesday 2026-11-17 10:00 (Monday 09:00 is 25 h ago).
    const late = pendingSlots(weekly, new Date('2026-11-17T08:00:00Z'), calendar, new Set());
    expect(late.due.map((s) => s.slot)).toEqual(['2026-11-16']);
    const later = pendingSlots(weekly, new Date('2026-11-17T09:00:00Z'), calendar, new Set());
    expect(later.due).toEqual([]);
    expect(later.missed.map((s) => s.slot)).toContain('2026-11-16');
    expect(later.missed.map((s) => s.slot)).toContain('2026-11-09');
  });

  it('slots already recorded are not due again; a custom tolerance is honoured', () => {
    const now = new Date('2026-11-16T10:00:00Z');
    expect(pendingSlots(weekly, now, calendar, new Set(['2026-11-16'])).due).toEqual([]);
    expect(pendingSlots(weekly, now, calendar, new Set(), 60 * 60 * 1000).due).toEqual([]);
    expect(pendingSlots(weekly, now, calendar, new Set(), 3 * 60 * 60 * 1000).due.map((s) => s.slot)).toEqual(
      ['2026-11-16'],
    );
  });

  it('summer slots come back as skipped so they can be recorded with their reason', () => {
    const p = pendingSlots(weekly, new Date('2026-07-14T12:00:00Z'), calendar, new Set());
    expect(p.skipped.map((s) => [s.slot, s.skipped])).toEqual([
      ['2026-07-06', 'summer'],
      ['2026-07-13', 'summer'],
    ]);
  });

  it('ticking every 15 minutes through both DST nights runs each slot once, at its instant', () => {
    for (const [from, to] of [
      ['2026-10-22T00:00:00Z', '2026-10-28T00:00:00Z'],
      ['2027-03-25T00:00:00Z', '2027-04-01T00:00:00Z'],
    ] as const) {
      const entry = schedule({ cadence: 'weekly', weekday: 'monday', time: '02:30' });
      const recorded = new Set<string>();
      const ran: string[] = [];
      for (let t = Date.parse(from); t < Date.parse(to); t += 15 * 60_000) {
        for (const slot of pendingSlots(entry, new Date(t), calendar, recorded).due) {
          recorded.add(slot.slot);
          ran.push(`${slot.slot}@${slot.at.toISOString()}`);
        }
      }
      expect(ran).toEqual(
        from.startsWith('2026')
          ? ['2026-10-26@2026-10-26T01:30:00.000Z']
          : ['2027-03-29@2027-03-30T00:30:00.000Z'],
      );
    }
  });
});

describe('the one reminder', () => {
  it('goes out two workdays later at the prompt time, skipping holidays', () => {
    const entry = schedule({ cadence: 'weekly', weekday: 'tuesday' });
    const [slot] = dueSlots(entry, new Date('2026-12-21T00:00Z'), new Date('2026-12-27T00:00Z'), calendar);
    expect(slot && reminderFor(entry, slot, undefined, calendar)).toMatchObject({
      kind: 'reminder',
      date: '2026-12-28',
      time: '09:00',
    });
  });

  it('waits for the end of quiet hours; an evening prompt is reminded the next workday morning', () => {
    const evening = schedule({
      cadence: 'weekly',
      weekday: 'monday',
      time: '18:30',
      reminderAfterWorkdays: 1,
    });
    const [slot] = dueSlots(evening, new Date('2026-11-09T00:00Z'), new Date('2026-11-10T00:00Z'), calendar);
    expect(slot && reminderFor(evening, slot, undefined, calendar)).toMatchObject({
      kind: 'reminder',
      date: '2026-11-11',
      time: '08:00',
    });
    const early = schedule({ cadence: 'weekly', weekday: 'monday', time: '07:00', reminderAfterWorkdays: 1 });
    const [first] = dueSlots(early, new Date('2026-11-09T00:00Z'), new Date('2026-11-10T00:00Z'), calendar);
    expect(first && reminderFor(early, first, undefined, calendar)).toMatchObject({
      date: '2026-11-10',
      time: '08:00',
    });
  });

  it('is dropped in the summer pause, once the next round has begun, or when disabled', () => {
    const entry = schedule({ cadence: 'weekly', weekday: 'friday', reminderAfterWorkdays: 5 });
    const slots = dueSlots(entry, new Date('2026-06-01T00:00Z'), new Date('2026-07-04T00:00Z'), calendar);
    const last = slots.at(-1);
    expect(last?.slot).toBe('2026-07-03');
    expect(last && reminderFor(entry, last, undefined, calendar)).toEqual({ kind: 'none', reason: 'summer' });
    const [a, b] = slots;
    expect(a && b && reminderFor(entry, a, b.at, calendar)).toEqual({ kind: 'none', reason: 'next_round' });
    const off = schedule({ cadence: 'weekly', weekday: 'friday', reminderAfterWorkdays: 0 });
    expect(a && reminderFor(off, a, undefined, calendar)).toEqual({ kind: 'none', reason: 'disabled' });
  });
});
