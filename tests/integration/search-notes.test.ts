import { afterEach, beforeEach, expect, it } from 'vitest';
import { editCheckIn, insertCheckIn } from '../../db/check-ins.repository.js';
import { databaseCheckIns } from '../../src/checkins/check-in-service.js';
import { fixedClock } from '../../src/clock.js';
import { CatalogStore } from '../../src/search/catalog-store.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const clock = fixedClock('2026-11-03T09:00:00Z');

describeEachDialect('check-in notes in search', (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
  });
  afterEach(() => db.drop());

  const note = (activityId: string, text: string, at: string) =>
    insertCheckIn(
      db.db.kysely,
      {
        activityId,
        personId: null,
        authorName: 'Maria Sandberg',
        statusCode: 'at_risk',
        note: text,
        platform: 'slack',
      },
      at,
    );

  it('finds notes written before start, under their activity and date', async () => {
    await note('cross', 'Enkäten till föreningarna är försenad.', '2026-11-03T09:00:00Z');
    const { search } = await new CatalogStore(db.db).get();
    const [hit] = search.search('försenad enkät', { kinds: ['note'] });
    expect(hit).toMatchObject({ kind: 'note', refId: 'cross', title: 'CROSS', at: '2026-11-03T09:00:00Z' });
    expect(hit?.snippet).toBe('Enkäten till föreningarna är försenad.');
  });

  it('adds a note recorded here on the very next request, once', async () => {
    const store = new CatalogStore(db.db);
    const checkIns = databaseCheckIns(db.db, clock);
    const before = await store.get();
    expect(before.search.search('danspedagog', { kinds: ['note'] })).toEqual([]);
    const view = before.view;
    const owner = view.activities.get('dans-for-halsa')?.owners[0] ?? '';
    const result = await checkIns.record(
      view,
      { email: owner },
      { activityId: 'dans-for-halsa', statusCode: 'blocked', note: 'Två kommuner saknar danspedagog.' },
      'teams',
    );
    expect(result.ok).toBe(true);
    const hits = (await store.get()).search.search('danspedagog', { kinds: ['note'] });
    expect(hits.map((h) => [h.refId, h.title])).toEqual([['dans-for-halsa', 'Dans för hälsa']]);
    expect((await store.get()).search.search('danspedagog', { kinds: ['note'] })).toHaveLength(1);
  });

  it('sees a note written by another replica after the revalidation delay', async () => {
    const store = new CatalogStore(db.db, 0);
    await store.get();
    await note('yrkesresan', 'Modulen om funktionshinderområdet startade.', '2026-11-10T13:30:00Z');
    const hits = (await store.get()).search.search('funktionshinderområdet modulen', { kinds: ['note'] });
    expect(hits.map((h) => h.refId)).toEqual(['yrkesresan']);
  });

  it('finds a note another replica stamped before the newest one seen (a late commit, a skewed clock)', async () => {
    const store = new CatalogStore(db.db, 0);
    await note('cross', 'Föreningarna svarade på enkäten.', '2026-11-10T13:30:00Z');
    expect((await store.get()).search.search('föreningarna enkäten', { kinds: ['note'] })).toHaveLength(1);
    await note('yrkesresan', 'Handledarträffen i Karlskoga blev av.', '2026-11-10T13:29:00Z');
    const hits = (await store.get()).search.search('handledarträffen karlskoga', { kinds: ['note'] });
    expect(hits.map((h) => h.refId)).toEqual(['yrkesresan']);
  });

  it('replaces the words of a note edited on another replica, and forgets an emptied one', async () => {
    const store = new CatalogStore(db.db, 0);
    const { row } = await note(
      'yrkesresan',
      'Modulen om funktionshinderområdet startade.',
      '2026-11-10T13:30:00Z',
    );
    const search = async (words: string) =>
      (await store.get()).search.search(words, { kinds: ['note'] }).map((h) => [h.refId, h.snippet]);
    expect(await search('funktionshinderområdet')).toEqual([
      ['yrkesresan', 'Modulen om funktionshinderområdet startade.'],
    ]);
    const edit = (text: string, at: string) =>
      editCheckIn(
        db.db,
        {
          id: row.id,
          statusCode: 'at_risk',
          note: text,
          nextStep: null,
          needsSupport: false,
          personId: null,
          authorName: 'Maria Sandberg',
          platform: 'teams',
        },
        at,
      );
    await edit('Piloten i Degerfors är försenad.', '2026-11-11T08:00:00Z');
    expect(await search('funktionshinderområdet')).toEqual([]);
    expect(await search('piloten degerfors')).toEqual([['yrkesresan', 'Piloten i Degerfors är försenad.']]);
    await edit('', '2026-11-11T08:05:00Z');
    expect(await search('piloten degerfors')).toEqual([]);
  });
});
