import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readCatalog } from '../../db/catalog-read.repository.js';
import { exportCatalog } from '../../src/catalog/catalog-export.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { CatalogImportError, type LocatedIssue } from '../../src/catalog/catalog-issues.js';
import { describeIssue } from '../../src/cli/describe-issue.js';
import { fixedClock } from '../../src/clock.js';
import { translator } from '../../src/i18n/i18n.js';
import { SHIPPED_CATALOG } from '../../src/paths.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const clock = fixedClock('2026-11-22T08:00:00Z');
const shipped = { path: SHIPPED_CATALOG, text: readFileSync(SHIPPED_CATALOG, 'utf8') };
const t = translator('sv');

/** Imports `text` as `file` and returns the problems it was rejected for, as a user reads them. */
async function rejection(db: TestDatabase, file: string, text: string): Promise<string[]> {
  try {
    await importCatalog(db.db, { path: file, text }, { clock });
  } catch (error) {
    if (error instanceof CatalogImportError)
      return error.issues.map((i: LocatedIssue) => describeIssue(t, i));
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

describeEachDialect('catalog import and export', (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
  });
  afterEach(() => db.drop());

  it('loads the shipped catalog and exports all 8 delmål and every activity', async () => {
    const outcome = await importCatalog(db.db, shipped, { clock });
    expect(outcome.applied).toBe(true);
    const yaml = await exportCatalog(db.db, 'yaml');
    for (const title of [
      'Sårbara barn får det stöd de behöver',
      'Ökad möjlighet till egen försörjning',
      'Våldsfria nära relationer',
    ])
      expect(yaml).toContain(`title: ${title}`);
    const catalog = await readCatalog(db.db.kysely);
    expect(catalog.activities.length).toBeGreaterThanOrEqual(40);
    expect(catalog.plans.find((p) => p.current)?.goals).toHaveLength(8);
  });

  it('changes nothing when the same file is imported twice', async () => {
    await importCatalog(db.db, shipped, { clock });
    const before = await exportCatalog(db.db, 'yaml');
    const again = await importCatalog(db.db, shipped, { clock });
    expect(again.applied).toBe(false);
    expect(again.diff.changes).toEqual([]);
    expect(await exportCatalog(db.db, 'yaml')).toBe(before);
  });

  it('round-trips export → import into an empty database exactly, in YAML and in CSV', async () => {
    await importCatalog(db.db, shipped, { clock });
    const yaml = await exportCatalog(db.db, 'yaml');
    const csv = await exportCatalog(db.db, 'csv');
    const other = await createTestDatabase(dialect);
    try {
      await importCatalog(other.db, { path: 'export.yaml', text: yaml }, { clock });
      expect(await exportCatalog(other.db, 'yaml')).toBe(yaml);
      const csvAgain = await importCatalog(other.db, { path: 'export.csv', text: csv }, { clock });
      expect(csvAgain.diff.changes).toEqual([]);
      expect(await exportCatalog(other.db, 'csv')).toBe(csv);
    } finally {
      await other.drop();
    }
  });

  it('updates one activity from a CSV row and reports exactly that change', async () => {
    await importCatalog(db.db, shipped, { clock });
    const csv = [
      'id;name;reportedStatus;goals;focusAreas;owners',
      `cross;CROSS;paused;sv-delmal-2;${(await readCatalog(db.db.kysely)).activities.find((a) => a.id === 'cross')?.focusAreas.join(',')};`,
    ].join('\n');
    const dry = await importCatalog(db.db, { path: 'update.csv', text: csv }, { clock, dryRun: true });
    expect(dry.diff.changes).toEqual([{ kind: 'activity', id: 'cross', label: 'CROSS', change: 'changed' }]);
    expect(
      (await readCatalog(db.db.kysely)).activities.find((a) => a.id === 'cross')?.reportedStatus,
    ).not.toBe('paused');

    const applied = await importCatalog(db.db, { path: 'update.csv', text: csv }, { clock });
    expect(applied.applied).toBe(true);
    const cross = (await readCatalog(db.db.kysely)).activities.find((a) => a.id === 'cross');
    expect(cross).toMatchObject({ reportedStatus: 'paused', goals: ['sv-delmal-2'], owners: [] });
  });

  it.each([
    [
      'a wrong type',
      'format: 1\nactivities:\n  - id: ny-aktivitet\n    name: Ny aktivitet\n    reportedStatus: ongoing\n    goals: sv-delmal-5\n',
      'broken.yaml:6 activities[0].goals: förväntade en lista med id:n',
    ],
    [
      'an unknown delmål',
      'format: 1\nactivities:\n  - id: ny-aktivitet\n    name: Ny aktivitet\n    reportedStatus: ongoing\n    goals: [sv-delmal-9]\n',
      'broken.yaml:6 activities[0].goals[0]: "sv-delmal-9" finns inte. Förväntade id för ett delmål',
    ],
    [
      'a duplicate id',
      'format: 1\nactivities:\n  - id: dubbel\n    name: En\n    reportedStatus: ongoing\n  - id: dubbel\n    name: Två\n    reportedStatus: planned\n',
      'broken.yaml:6 activities[1].id: "dubbel" förekommer mer än en gång',
    ],
    [
      'a missing title',
      'format: 1\nplans:\n  - id: ny-plan\n    name: Ny färdplan\n    kind: roadmap\n    periodStart: 2024\n    goals:\n      - id: ny-plan-1\n        number: 1\n',
      'broken.yaml:8 plans[0].goals[0].title: värdet saknas men krävs här.',
    ],
    [
      'an unknown status',
      'format: 1\nactivities:\n  - id: cross\n    name: CROSS\n    reportedStatus: klar\n',
      'broken.yaml:5 activities[0].reportedStatus: "klar" är ingen tillåten status. Välj planned, ongoing, paused eller finished.',
    ],
    ['broken YAML', 'format: 1\nactivities: [\n', 'broken.yaml:3: filen är ingen giltig YAML'],
  ])('rejects a file with %s precisely and leaves the database unchanged', async (_case, text, expected) => {
    await importCatalog(db.db, shipped, { clock });
    const before = await exportCatalog(db.db, 'yaml');
    const problems = await rejection(db, 'broken.yaml', text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
    expect(await exportCatalog(db.db, 'yaml')).toBe(before);
  });

  it('names the CSV line and column of a bad value', async () => {
    await importCatalog(db.db, shipped, { clock });
    const csv = 'id,name,reportedStatus,owners\ncross,CROSS,ongoing,\nyam,YAM,ongoing,inte-en-adress\n';
    expect(await rejection(db, 'owners.csv', csv)).toEqual([
      'owners.csv:3 activities[1].owners[0] (kolumn owners): "inte-en-adress" är ingen giltig e-postadress.',
    ]);
  });

  it('writes nothing when the database fails halfway through an import', async () => {
    await importCatalog(db.db, shipped, { clock });
    const before = await exportCatalog(db.db, 'yaml');
    // A trigger that fails the second new activity: the first has been written by then.
    if (dialect === 'sqlite')
      await sql`create trigger boom before insert on activities when new.id = 'andra' begin select raise(abort, 'boom'); end`.execute(
        db.db.kysely,
      );
    else {
      await sql`create function boom() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$`.execute(
        db.db.kysely,
      );
      await sql`create trigger boom before insert on activities for each row when (new.id = 'andra') execute function boom()`.execute(
        db.db.kysely,
      );
    }
    const text =
      'format: 1\nactivities:\n  - { id: forsta, name: Första, reportedStatus: planned }\n  - { id: andra, name: Andra, reportedStatus: planned }\n';
    await expect(importCatalog(db.db, { path: 'two.yaml', text }, { clock })).rejects.toThrow(/boom/);
    expect(await exportCatalog(db.db, 'yaml')).toBe(before);
  });

  it('switches the current plan when an imported plan is marked current', async () => {
    await importCatalog(db.db, shipped, { clock });
    const text =
      'format: 1\nplans:\n  - id: fardplan-2024\n    name: Färdplan social välfärd\n    kind: roadmap\n    periodStart: 2024\n    current: true\n    goals:\n      - { id: fardplan-2024-1, number: 1, title: Första målet }\n';
    const outcome = await importCatalog(db.db, { path: 'fardplan.yaml', text }, { clock });
    expect(outcome.diff.changes.map((c) => `${c.change} ${c.kind} ${c.id}`)).toEqual([
      'changed plan social-valfard-2019-2022',
      'added plan fardplan-2024',
      'added goal fardplan-2024-1',
    ]);
    const plans = (await readCatalog(db.db.kysely)).plans;
    expect(plans.filter((p) => p.current).map((p) => p.id)).toEqual(['fardplan-2024']);
  });
});
