import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { fixedClock } from '../../src/clock.js';
import { CatalogStore } from '../../src/search/catalog-store.js';
import { snapshotOf } from '../support/catalog.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const clock = fixedClock('2026-11-22T08:00:00Z');
const QUERIES = ['forsorjning', 'ensamhet', 'aldre', 'sarbara barn', 'cheries', 'vald i nara relationer'];

describeEachDialect('the catalog as chat reads it', (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
  });
  afterEach(() => db.drop());

  it('searches exactly as the catalog file does, whatever the database', async () => {
    const fromDatabase = (await new CatalogStore(db.db).get()).search;
    const fromFile = snapshotOf().search;
    for (const query of QUERIES) expect(fromDatabase.search(query), query).toEqual(fromFile.search(query));
  });

  it('sees an import made through another connection (another replica) on the next request', async () => {
    const store = new CatalogStore(db.db, 0);
    expect((await store.get()).view.activities.has('ny-aktivitet')).toBe(false);
    const text =
      'format: 1\nactivities:\n  - { id: ny-aktivitet, name: Ny aktivitet om ensamhet, reportedStatus: planned, goals: [sv-delmal-2] }\n';
    const replica = openDatabase(dialect === 'sqlite' ? { dialect, file: db.url } : { dialect, url: db.url });
    try {
      await importCatalog(replica, { path: 'ny.yaml', text }, { clock });
    } finally {
      await replica.close();
    }
    const after = await store.get();
    expect(after.view.activitiesOfGoal('sv-delmal-2').map((a) => a.id)).toContain('ny-aktivitet');
    expect(after.search.search('ensamhet', { kinds: ['activity'] }).map((h) => h.refId)).toContain(
      'ny-aktivitet',
    );
  });

  it('keeps its index while nothing changes', async () => {
    const store = new CatalogStore(db.db);
    expect(await store.get()).toBe(await store.get());
  });
});
