import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../db/catalog-read.repository.js';
import { exportCatalog } from '../../src/catalog/catalog-export.js';
import { parseCatalogFile } from '../../src/catalog/catalog-file.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { CatalogImportError } from '../../src/catalog/catalog-issues.js';
import { fixedClock } from '../../src/clock.js';
import { SHIPPED_CATALOG } from '../../src/paths.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { FUZZ_RUNS, fuzzParameters, fuzzTimeout } from '../support/fuzz.js';

/**
 * Catalog files with random corruptions (YAML and CSV): parsing either gives a catalog or a
 * located `CatalogImportError` — nothing else; an import that is refused leaves the database's
 * catalog exactly as it was (validated first, written in one transaction).
 */
const clock = fixedClock('2026-11-22T08:00:00Z');
const shipped = readFileSync(SHIPPED_CATALOG, 'utf8');
// A partial catalog (header, people, networks) is a valid import too, and parses in a tenth of the
// time of the whole file: 1,000 corruptions of it fit in CI's minutes.
const yaml = (() => {
  const lines = shipped.split('\n');
  const people = lines.findIndex((line) => line.startsWith('people:'));
  const header = lines.findIndex((line) => line.startsWith('rus:'));
  return [...lines.slice(0, header), ...lines.slice(people)].join('\n');
})();
let csv = '';
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('sqlite');
  await importCatalog(db.db, { path: 'catalog.yaml', text: shipped }, { clock });
  expect(parseCatalogFile('partial.yaml', yaml).catalog.people.length).toBeGreaterThan(0);
  // The header and the first twenty activities: a partial CSV import, quick to parse.
  csv = (await exportCatalog(db.db, 'csv')).split('\n').slice(0, 21).join('\n');
});
afterAll(() => db?.drop());

/** One random corruption of `text`: cut, insert, replace, duplicate or swap lines, truncate. */
const corrupted = (text: () => string) =>
  fc
    .tuple(
      fc.constantFrom('cut', 'insert', 'replace', 'duplicate', 'swap', 'truncate'),
      fc.nat(),
      fc.nat(),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('', ':', '- ', '"', ',', '\n', '\t', '{', '[', '#', '&a', '*a', '!!binary '),
    )
    .map(([kind, a, b, junk, token]) => {
      const source = text();
      const at = a % (source.length + 1);
      const lines = source.split('\n');
      const i = a % lines.length;
      const j = b % lines.length;
      switch (kind) {
        case 'cut':
          return source.slice(0, at) + source.slice(at + (b % 200));
        case 'insert':
          return source.slice(0, at) + token + junk + source.slice(at);
        case 'replace':
          return source.slice(0, at) + junk + source.slice(at + junk.length);
        case 'duplicate':
          return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)].join('\n');
        case 'swap': {
          const swapped = [...lines];
          [swapped[i], swapped[j]] = [swapped[j] ?? '', swapped[i] ?? ''];
          return swapped.join('\n');
        }
        default:
          return source.slice(0, at);
      }
    });

const files = fc.oneof(
  corrupted(() => yaml).map((text) => ({ path: 'catalog.yaml', text })),
  corrupted(() => csv).map((text) => ({ path: 'activities.csv', text })),
);

const parseOutcome = (file: { path: string; text: string }) => {
  try {
    parseCatalogFile(file.path, file.text);
    return 'parsed';
  } catch (error) {
    if (error instanceof CatalogImportError) return 'refused';
    throw error;
  }
};

describe(`catalog files with ${FUZZ_RUNS} random corruptions`, () => {
  it(
    'parse into a catalog or a located CatalogImportError, nothing else',
    () => {
      fc.assert(
        fc.property(files, (file) => {
          expect(['parsed', 'refused']).toContain(parseOutcome(file));
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(5),
  );

  it(
    'leave the database untouched when the import is refused',
    async () => {
      // Each run reads the whole catalog twice: a tenth of the runs keeps CI within its minutes.
      await fc.assert(
        fc.asyncProperty(files, async (file) => {
          const before = JSON.stringify(await readCatalog(db.db.kysely));
          try {
            await importCatalog(db.db, file, { clock, dryRun: false });
          } catch (error) {
            if (!(error instanceof CatalogImportError)) throw error;
            expect(JSON.stringify(await readCatalog(db.db.kysely))).toBe(before);
          }
        }),
        fuzzParameters(Math.ceil(FUZZ_RUNS / 10)),
      );
    },
    fuzzTimeout(100, Math.ceil(FUZZ_RUNS / 10)),
  );
});
