import { describe, expect, it } from 'vitest';
import { splitDateAndNote } from '../../../commands/away.js';
import { formatLocalDate, parseSwedishDate } from '../../../src/schedule/swedish-date.js';

const TODAY = '2027-08-03';

describe('Swedish dates', () => {
  it.each([
    ['2027-08-10', '2027-08-10'],
    ['10 augusti', '2027-08-10'],
    ['10 Augusti 2028', '2028-08-10'],
    ['10 aug', '2027-08-10'],
    ['10 August', '2027-08-10'],
    ['1 maj', '2028-05-01'],
    ['10/8', '2027-08-10'],
    ['2/8', '2028-08-02'],
    ['10/8 2027', '2027-08-10'],
    ['10/8/27', '2027-08-10'],
    ['idag', '2027-08-03'],
    ['i morgon', '2027-08-04'],
    ['3 december', '2027-12-03'],
  ])('reads %s', (text, date) => {
    expect(parseSwedishDate(text, TODAY)).toBe(date);
  });

  it.each(['2027-02-30', '31/4', '32 maj', 'snart', '8/10/2027/1', ''])('rejects %s', (text) => {
    expect(parseSwedishDate(text, TODAY)).toBeUndefined();
  });

  it('splits the date words from the note', () => {
    expect(splitDateAndNote('10 augusti 2027 semester i fjällen', TODAY)).toEqual({
      date: '10 augusti 2027',
      note: 'semester i fjällen',
    });
    expect(splitDateAndNote('10 augusti semester', TODAY)).toEqual({ date: '10 augusti', note: 'semester' });
    expect(splitDateAndNote('10/8 kurs', TODAY)).toEqual({ date: '10/8', note: 'kurs' });
    expect(splitDateAndNote('snart', TODAY)).toEqual({ date: 'snart', note: '' });
  });

  it('formats dates the way people read them', () => {
    expect(formatLocalDate('2027-08-10', 'sv')).toBe('10 augusti 2027');
    expect(formatLocalDate('2027-08-10', 'en')).toBe('10 August 2027');
  });
});
