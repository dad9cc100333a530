import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCatalog } from '../../db/catalog-read.repository.js';
import { reachOfEmail } from '../../db/person-reach.repository.js';
import { exportCatalog } from '../../src/catalog/catalog-export.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { CatalogImportError } from '../../src/catalog/catalog-issues.js';
import { fixedClock } from '../../src/clock.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const SARA = 'sara.wikstrom@example.org';
const clock = fixedClock('2026-11-22T09:00:00Z');
const person = (reach: string) =>
  `format: 1\npeople:\n  - email: ${SARA}\n    name: "Sara Wikström"\n    organisation: "Askersunds kommun"\n    demo: true\n    reach: ${reach}\n`;

const KARIN = 'karin.holm@example.org';
const chair = (digestByEmail: string) =>
  `format: 1\npeople:\n  - email: ${KARIN}\n    name: "Karin Holm"\n    demo: true\n    digestByEmail: ${digestByEmail}\n`;
const digestByEmailOf = async (database: TestDatabase) =>
  (await readCatalog(database.db.kysely)).people.find((p) => p.email === KARIN)?.digestByEmail;

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

  it('a chair’s digestByEmail is off by default, imported, exported and imported again unchanged; a wrong value is refused at its line', async () => {
    expect(await digestByEmailOf(database)).toBe(false);
    await importCatalog(database.db, { path: 'people.yaml', text: chair('true') }, { clock });
    expect(await digestByEmailOf(database)).toBe(true);
    const exported = await exportCatalog(database.db, 'yaml');
    expect(exported).toContain('digestByEmail: true');
    const again = await importCatalog(database.db, { path: 'catalog.yaml', text: exported }, { clock });
    expect(again.applied).toBe(false);
    const refused = await importCatalog(
      database.db,
      { path: 'people.yaml', text: chair('ja') },
      { clock },
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CatalogImportError);
    expect((refused as CatalogImportError).issues[0]).toMatchObject({
      line: 6,
      key: 'catalog.expected.boolean',
    });
    expect(await digestByEmailOf(database)).toBe(true);
  });
});
