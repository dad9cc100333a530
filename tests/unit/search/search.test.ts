import { describe, expect, it } from 'vitest';
import { toTerm } from '../../../src/search/text-processing.js';
import { snapshotOf } from '../../support/catalog.js';

const { search, view } = snapshotOf();
const titles = (query: string, kinds?: Parameters<typeof search.search>[1]) =>
  search.search(query, { limit: 8, ...kinds }).map((hit) => hit.title);

describe('search over the plan catalog', () => {
  it('finds delmål 7 from "forsorjning" typed without diacritics', () => {
    const hits = search.search('forsorjning', { limit: 5 });
    expect(hits.map((h) => h.title)).toContain('7. Ökad möjlighet till egen försörjning');
    const goal7 = hits.find((h) => h.kind === 'goal' && h.refId === view.goalByNumber(7)?.goal.id);
    expect(goal7?.where).toBe('Handlingsplan Social välfärd › Ekonomisk trygghet');
  });

  it('finds CHERRIES and CROSS from "ensamhet" (about ofrivillig ensamhet)', () => {
    const found = titles('ensamhet');
    expect(found).toEqual(expect.arrayContaining(['CHERRIES', 'CROSS']));
  });

  it('matches "aldre" to äldre and inflected forms', () => {
    const hits = search.search('aldre', { limit: 8 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => /äldre/i.test(`${h.title} ${h.snippet}`))).toBe(true);
  });

  it('reads OCR-damaged spellings of the plan (document 002)', () => {
    expect(titles('Delmal 5 Sarbara barn far det stod de behover')[0]).toBe(
      '5. Sårbara barn får det stöd de behöver',
    );
  });

  it('answers a question in plain Swedish', () => {
    // The eight hits `delmal sok` shows.
    const hits = search.search('vilka aktiviteter arbetar med ofrivillig ensamhet bland äldre?', {
      limit: 8,
    });
    expect(hits.map((h) => h.title)).toEqual(expect.arrayContaining(['CHERRIES', 'CROSS']));
    // The older 2012–2015 programme's målbilder do not crowd out the current plan.
    expect(hits[0]?.kind).not.toBe('goal');
  });

  it('shows where each hit comes from and a snippet with the matched word', () => {
    const [hit] = search.search('ensamhet', { kinds: ['activity'], limit: 1 });
    expect(hit?.where).toMatch(/^Uppföljning av handlingsplaner och insatsområden › /);
    expect(hit?.snippet.toLowerCase()).toContain('ensam');
  });

  it('can be limited to activities', () => {
    expect(search.search('barn', { kinds: ['activity'] }).every((h) => h.kind === 'activity')).toBe(true);
  });

  it('finds nothing for a word the plan does not use', () => {
    expect(search.search('kvantdator')).toEqual([]);
  });
});

describe('index terms', () => {
  it('stem Swedish inflections and fold diacritics to the same term', () => {
    expect(toTerm('äldre')).toBe(toTerm('aldre'));
    expect(toTerm('barnen')).toBe(toTerm('barn'));
    expect(toTerm('ensamhet')).toBe('ensam');
    expect(toTerm('och')).toBeNull();
    expect(toTerm('5')).toBe('5');
  });
});
