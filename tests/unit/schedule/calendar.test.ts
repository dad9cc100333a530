import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../../db/model/local-date.js';
import { toLocal, toUtc } from '../../../db/model/zoned-time.js';
import { SwedishCalendar } from '../../../src/schedule/calendar.js';

const sv = new SwedishCalendar('sv');
const STOCKHOLM = 'Europe/Stockholm';

describe('Swedish working calendar', () => {
  it('midsommarafton, julafton and nyårsafton are days off alongside the public holidays', () => {
    expect(sv.dayOff('2026-06-19')).toEqual({ kind: 'holiday', name: 'midsommarafton' });
    expect(sv.dayOff('2027-06-25')).toEqual({ kind: 'holiday', name: 'midsommarafton' });
    expect(sv.dayOff('2026-12-24')).toEqual({ kind: 'holiday', name: 'julafton' });
    expect(sv.dayOff('2026-12-25')).toEqual({ kind: 'holiday', name: 'juldagen' });
    expect(sv.dayOff('2026-12-31')).toEqual({ kind: 'holiday', name: 'nyårsafton' });
    expect(sv.dayOff('2027-01-01')).toEqual({ kind: 'holiday', name: 'nyårsdagen' });
    expect(sv.dayOff('2027-01-06')).toEqual({ kind: 'holiday', name: 'trettondedag jul' });
  });

  it('half days and observances stay workdays (valborgsmässoafton, skärtorsdagen, Luciadagen)', () => {
    expect(sv.isWorkday('2026-04-30')).toBe(true);
    expect(sv.isWorkday('2026-04-02')).toBe(true);
    expect(sv.isWorkday('2026-12-29')).toBe(true);
    // Annandag pingst is no longer a public holiday in Sweden.
    expect(sv.isWorkday('2026-05-25')).toBe(true);
  });

  it('Kristi himmelsfärd is a holiday and the Friday after it a bridge day', () => {
    expect(sv.dayOff('2026-05-14')).toEqual({ kind: 'holiday', name: 'Kristi himmelsfärdsdag' });
    expect(sv.dayOff('2026-05-15')).toEqual({ kind: 'bridge', name: 'Kristi himmelsfärdsdag' });
    expect(sv.dayOff('2027-05-07')).toEqual({ kind: 'bridge', name: 'Kristi himmelsfärdsdag' });
    expect(sv.nextWorkday('2026-05-14')).toBe('2026-05-18');
  });

  it('a Monday before a Tuesday holiday is a bridge day; two squeezed days are not', () => {
    // Trettondedag jul 2026 is a Tuesday.
    expect(sv.dayOff('2026-01-05')).toEqual({ kind: 'bridge', name: 'trettondedag jul' });
    // Nationaldagen 2024 was a Thursday; 2028-06-06 is a Tuesday → 2028-06-05 is a bridge day.
    expect(sv.dayOff('2028-06-05')?.kind).toBe('bridge');
    // Between juldagen/annandag jul 2026 (Fri/Sat) and nyårsafton (Thu) lie four ordinary workdays.
    for (const day of ['2026-12-28', '2026-12-29', '2026-12-30']) expect(sv.isWorkday(day)).toBe(true);
  });

  it('counts workdays past weekends and holidays', () => {
    expect(sv.addWorkdays('2026-12-22', 2)).toBe('2026-12-28');
    expect(sv.addWorkdays('2027-03-25', 1)).toBe('2027-03-30'); // långfredag, påsk, annandag påsk
  });

  it('names holidays in English for English readers', () => {
    expect(new SwedishCalendar('en').holiday('2026-06-19')).toBe('Midsummer Eve');
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek('2026-07-06')).toBe(28);
    expect(isoWeek('2026-08-02')).toBe(31);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
  });
});

describe('local wall time in a time zone → UTC', () => {
  it('follows the offset on either side of both DST changes', () => {
    expect(toUtc('2027-03-26', '09:00', STOCKHOLM).toISOString()).toBe('2027-03-26T08:00:00.000Z');
    expect(toUtc('2027-03-29', '09:00', STOCKHOLM).toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(toUtc('2026-10-23', '09:00', STOCKHOLM).toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(toUtc('2026-10-26', '09:00', STOCKHOLM).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('spring forward 2027-03-28: 02:30 does not exist and runs at 03:00, the first minute after the gap', () => {
    const at = toUtc('2027-03-28', '02:30', STOCKHOLM);
    expect(at.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(toLocal(at, STOCKHOLM)).toEqual({ date: '2027-03-28', time: '03:00' });
    expect(toUtc('2027-03-28', '02:00', STOCKHOLM).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(toUtc('2027-03-28', '03:00', STOCKHOLM).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(toUtc('2027-03-28', '01:59', STOCKHOLM).toISOString()).toBe('2027-03-28T00:59:00.000Z');
  });

  it('fall back 2026-10-25: 02:30 happens twice and means the first one only', () => {
    const at = toUtc('2026-10-25', '02:30', STOCKHOLM);
    expect(at.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(toLocal(at, STOCKHOLM)).toEqual({ date: '2026-10-25', time: '02:30' });
    // The second 02:30 (an hour later) is the same wall time, but no wall time maps to it.
    expect(toLocal(new Date('2026-10-25T01:30:00Z'), STOCKHOLM).time).toBe('02:30');
    expect(toUtc('2026-10-25', '03:00', STOCKHOLM).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('works in other zones, including ones west of UTC and with half-hour offsets', () => {
    expect(toUtc('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(toUtc('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(toUtc('2026-06-01', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-06-01T03:30:00.000Z');
    expect(toUtc('2026-06-01', '09:00', 'UTC').toISOString()).toBe('2026-06-01T09:00:00.000Z');
  });
});
