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

  it("drop nlp.js's Swedish stop words, also typed without diacritics", () => {
    // Read from @nlpjs/lang-sv's undocumented `dictionary`: this fails if an upgrade moves it.
    for (const word of ['också', 'ocksa', 'åtminstone', 'atminstone', 'vilken', 'därför', 'darfor'])
      expect(toTerm(word), word).toBeNull();
    expect(toTerm('hemlöshet')).not.toBeNull();
  });
});

describe('check-in notes', () => {
  const index = snapshotOf().search;
  index.addNotes([
    {
      activityId: 'cross',
      activityName: 'CROSS',
      text: 'Vi har haft möte med Laxå om hemlöshet.',
      at: '2026-02-03T09:00:00Z',
    },
    {
      activityId: 'cross',
      activityName: 'CROSS',
      text: 'Enkäten om ensamhet är utskickad.',
      at: '2026-03-10T09:00:00Z',
    },
    {
      activityId: 'yam',
      activityName: 'YAM',
      text: 'Försenat på grund av sjukdom i hemlösa gruppen.',
      at: '2026-05-02T09:00:00Z',
    },
  ]);

  it('finds what owners wrote, under the activity and quarter', () => {
    const hits = index.search('hemlöshet', { kinds: ['note'] });
    expect(hits.map((h) => h.refId).sort()).toEqual(['cross', 'yam']);
    const cross = hits.find((h) => h.refId === 'cross');
    expect(cross).toMatchObject({ kind: 'note', title: 'CROSS', where: '2026 Q1' });
    expect(cross?.snippet).toBe('Vi har haft möte med Laxå om hemlöshet.');
  });

  it('groups a quarter’s notes of one activity into one hit', () => {
    const cross = index.search('laxa enkaten', { kinds: ['note'] }).filter((h) => h.refId === 'cross');
    expect(cross).toHaveLength(1);
  });

  it('ranks notes alongside the catalog', () => {
    const kinds = new Set(index.search('hemlöshet', { limit: 20 }).map((h) => h.kind));
    expect(kinds.has('note')).toBe(true);
    expect(kinds.has('activity')).toBe(true);
  });
});

describe('question words', () => {
  it('are ignored next to a subject but searched when they are all there is', () => {
    const { search } = snapshotOf();
    expect(search.search('aktiviteter').length).toBeGreaterThan(0);
    expect(search.search('arbete').length).toBeGreaterThan(0);
  });
});
