import { describe, expect, it } from 'vitest';
import { parseGoalReference, stripEntryWord } from '../../../src/chat/words.js';

describe('how people type a delmål', () => {
  it.each([
    ['5', 5],
    ['delmål 5', 5],
    ['Delmal5', 5],
    ['DELMÅL 5', 5],
    ['dm 5', 5],
    ['#5', 5],
    ['nr 5', 5],
    ['5:an', 5],
    ['5an', 5],
    ['5.', 5],
    ['femman', 5],
    ['delmål fem', 5],
    ['åtta', 8],
    ['delmål 12', 12],
  ])('"%s" means delmål %i', (text, number) => {
    expect(parseGoalReference(text)?.number).toBe(number);
  });

  it('keeps what follows the number (page, full text)', () => {
    expect(parseGoalReference('5 sida 2')).toEqual({ number: 5, rest: 'sida 2' });
  });

  it.each(['ensamhet', 'en aktivitet om ensamhet', 'sok barn', '5G-nät', 'aktivitet CROSS'])(
    '"%s" is not a delmål',
    (text) => {
      expect(parseGoalReference(text)).toBeUndefined();
    },
  );
});

describe('the entry word', () => {
  it.each([
    ['/delmal 5', '5'],
    ['delmal sok ensamhet', 'sok ensamhet'],
    ['@delmal hjälp', 'hjälp'],
    ['<@U0BOT> delmal 5', '5'],
    ['delmål 5', 'delmål 5'],
    ['delmål sök barn', 'sök barn'],
    ['/delmal', ''],
    ['vilka aktiviteter arbetar med ensamhet?', 'vilka aktiviteter arbetar med ensamhet?'],
  ])('"%s" → "%s"', (text, rest) => {
    expect(stripEntryWord(text)).toBe(rest);
  });
});
