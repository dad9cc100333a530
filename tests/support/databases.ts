import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type Db, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { fixedClock } from '../../src/clock.js';
import { PACKAGE_ROOT, SHIPPED_CATALOG } from '../../src/paths.js';

/** The PostgreSQL server the tests use: `TEST_DATABASE_URL`, or the machine's local one. */
const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The dialects this run covers: both, unless a developer narrows the loop with
 * `DELMAL_TEST_DIALECTS=sqlite` (as kysely's suites allow). CI never sets it. An unreachable
 * PostgreSQL is never a reason to skip: its suites fail with the server's error.
 */
const DIALECTS: ReadonlySet<string> = new Set(
  (process.env.DELMAL_TEST_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim()),
);

export type Dialect = 'sqlite' | 'postgres';

/** A fresh, migrated, empty database of one dialect; `drop()` removes it. */
export interface TestDatabase {
  readonly db: Db;
  /** The DATABASE_URL that opens the same database (for CLI and server tests). */
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * What a migrated (and seeded) database holds is decided by `db/` (migrations, repositories, the
 * shipped catalog) and `src/catalog/` (the import): their hash names the template, so a template made
 * by an earlier run or another test file is reused only while they are unchanged.
 */
const TEMPLATE_KEY = (() => {
  // Everything that writes a template: the migrations, the catalog and the code that imports it.
  const hash = createHash('sha256');
  for (const dir of ['db', join('src', 'catalog')]) {
    const root = join(PACKAGE_ROOT, dir);
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file.slice(PACKAGE_ROOT.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
})();

type Template = 'migrated' | 'seeded';

async function fill(db: Db, template: Template): Promise<void> {
  await migrateToLatest(db);
  if (template === 'seeded') {
    const text = readFileSync(SHIPPED_CATALOG, 'utf8');
    await importCatalog(db, { path: SHIPPED_CATALOG, text }, { clock: fixedClock('2026-11-22T08:00:00Z') });
  }
}

const sqliteTemplates = new Map<Template, Promise<string>>();
/** A SQLite file migrated (and seeded) once per key; made under a temp name and renamed into place. */
function sqliteTemplate(template: Template): Promise<string> {
  let made = sqliteTemplates.get(template);
  if (!made) {
    made = (async () => {
      const file = join(tmpdir(), `delmal-template-${template}-${TEMPLATE_KEY}.sqlite`);
      if (existsSync(file)) return file;
      const scratch = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      const db = openDatabase({ dialect: 'sqlite', file: scratch });
      await fill(db, template);
      await db.close(); // checkpoints the WAL into the file
      renameSync(scratch, file);
      return file;
    })();
    sqliteTemplates.set(template, made);
  }
  return made;
}

const postgresTemplates = new Map<Template, Promise<string>>();
/**
 * A PostgreSQL database migrated (and seeded) once per key, used as `CREATE DATABASE … TEMPLATE`
 * (as immich's server tests do). Made under an advisory lock so parallel test files make it once,
 * under a scratch name renamed when complete, so a half-made template is never cloned.
 */
function postgresTemplate(template: Template): Promise<string> {
  let made = postgresTemplates.get(template);
  if (!made) {
    made = (async () => {
      const name = `delmal_template_${template}_${TEMPLATE_KEY}`;
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      try {
        await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
        const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
        if (found.rowCount === 0) {
          const scratch = `delmal_scratch_${randomBytes(6).toString('hex')}`;
          await admin.query(`create database ${scratch}`);
          const url = new URL(TEST_POSTGRES_URL);
          url.pathname = `/${scratch}`;
          const db = openDatabase({ dialect: 'postgres', url: url.toString() });
          try {
            await fill(db, template);
          } finally {
            await db.close();
          }
          await admin.query(`alter database ${scratch} rename to ${name}`);
        }
        return name;
      } finally {
        await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
        await admin.end();
      }
    })();
    postgresTemplates.set(template, made);
  }
  return made;
}

async function createFrom(dialect: Dialect, template: Template | undefined): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'delmal-test-'));
    const url = join(dir, 'delmal.sqlite');
    if (template) copyFileSync(await sqliteTemplate(template), url);
    const db = openDatabase({ dialect: 'sqlite', file: url });
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `delmal_test_${randomBytes(6).toString('hex')}`;
  const source = template ? await postgresTemplate(template) : undefined;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(source ? `create database ${name} template ${source}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = openDatabase({ dialect: 'postgres', url: url.toString() });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Creates a database of its own for one test: a temp SQLite file, or a new PostgreSQL database on
 * the test server. Migrated unless `migrate: false`; cloned from a template migrated once per run.
 */
export function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  return createFrom(dialect, options.migrate === false ? undefined : 'migrated');
}

/** A database of its own holding the shipped catalog, cloned from a template seeded once per run. */
export function createSeededTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  return createFrom(dialect, 'seeded');
}

/** Declares the same suite once per dialect (both, unless `DELMAL_TEST_DIALECTS` narrows the run). */
export function describeEachDialect(name: string, suite: (dialect: Dialect) => void): void {
  describe.skipIf(!DIALECTS.has('sqlite'))(`${name} [sqlite]`, () => suite('sqlite'));
  describe.skipIf(!DIALECTS.has('postgres'))(`${name} [postgres]`, () => suite('postgres'));
}

/** Declares a suite that only makes sense on PostgreSQL (several replicas on one database). */
export function describeOnPostgres(name: string, suite: () => void): void {
  describe.skipIf(!DIALECTS.has('postgres'))(`${name} [postgres]`, suite);
}
