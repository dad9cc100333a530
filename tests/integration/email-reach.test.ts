import { afterAll, beforeAll, expect, it } from 'vitest';
import { reachOfEmail } from '../../db/person-reach.repository.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { CatalogImportError } from '../../src/catalog/catalog-issues.js';
import { fixedClock } from '../../src/clock.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const SARA = 'sara.wikstrom@example.org';
const clock = fixedClock('2026-11-22T09:00:00Z');
const person = (reach: string) =>
  `format: 1\npeople:\n  - email: ${SARA}\n    name: "Sara Wikström"\n    organisation: "Askersunds kommun"\n    demo: true\n    reach: ${reach}\n`;

describeEachDialect('a person’s reach in the catalog', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededTestDatabase(dialect);
  });
  afterAll(async () => database?.drop());

  it('is chat by default, imported as email or chat-then-email, and a wrong value is refused at its line', async () => {
    expect(await reachOfEmail(database.db.kysely, SARA)).toMatchObject({ reach: 'chat' });
    await importCatalog(database.db, { path: 'people.yaml', text: person('email') }, { clock });
    expect(await reachOfEmail(database.db.kysely, SARA)).toMatchObject({ reach: 'email' });
    await importCatalog(database.db, { path: 'people.yaml', text: person('chat-then-email') }, { clock });
    expect(await reachOfEmail(database.db.kysely, SARA)).toMatchObject({ reach: 'chat-then-email' });
    const refused = await importCatalog(
      database.db,
      { path: 'people.yaml', text: person('sms') },
      { clock },
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CatalogImportError);
    expect((refused as CatalogImportError).issues[0]).toMatchObject({
      line: 7,
      key: 'catalog.expected.reach',
    });
    expect(await reachOfEmail(database.db.kysely, SARA)).toMatchObject({ reach: 'chat-then-email' });
  });
});
