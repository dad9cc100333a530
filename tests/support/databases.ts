import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type Db, openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { fixedClock } from '../../src/clock.js';
import { SHIPPED_CATALOG } from '../../src/paths.js';

/** The PostgreSQL server the tests use: `TEST_DATABASE_URL`, or the machine's local one. */
const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

let probe: Promise<string | undefined> | undefined;
/** Resolves to undefined when PostgreSQL answers, else the reason it does not. */
function postgresProblem(): Promise<string | undefined> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return undefined;
    } catch (error) {
      return (error as Error).message || String(error);
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probe;
}
const postgresUnavailable = await postgresProblem();
if (postgresUnavailable && !inCi)
  console.warn(
    `\n[delmal tests] PostgreSQL at ${TEST_POSTGRES_URL} is unreachable (${postgresUnavailable}): PostgreSQL suites are SKIPPED. In CI they fail.\n`,
  );

export type Dialect = 'sqlite' | 'postgres';

/** A fresh, migrated, empty database of one dialect; `drop()` removes it. */
export interface TestDatabase {
  readonly db: Db;
  /** The DATABASE_URL that opens the same database (for CLI and server tests). */
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates an empty database: a temp SQLite file, or a new PostgreSQL database on the test server. */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'delmal-test-'));
    const url = join(dir, 'delmal.sqlite');
    const db = openDatabase({ dialect: 'sqlite', file: url });
    if (options.migrate !== false) await migrateToLatest(db);
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
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = openDatabase({ dialect: 'postgres', url: url.toString() });
  if (options.migrate !== false) await migrateToLatest(db);
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

/** A fresh database of one dialect holding the shipped catalog. */
export async function createSeededTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const db = await createTestDatabase(dialect);
  const text = readFileSync(SHIPPED_CATALOG, 'utf8');
  await importCatalog(db.db, { path: SHIPPED_CATALOG, text }, { clock: fixedClock('2026-11-22T08:00:00Z') });
  return db;
}

/**
 * Declares the same suite once per dialect. PostgreSQL suites are skipped with a notice when the
 * server is unreachable outside CI; in CI (CI=true) they run and fail.
 */
export function describeEachDialect(name: string, suite: (dialect: Dialect) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  const skip = postgresUnavailable !== undefined && !inCi;
  describe.skipIf(skip)(`${name} [postgres]`, () => suite('postgres'));
}

/**
 * Declares a suite that only makes sense on PostgreSQL (several replicas on one database): skipped
 * with the notice above when the server is unreachable outside CI; in CI it runs and fails.
 */
export function describeOnPostgres(name: string, suite: () => void): void {
  const skip = postgresUnavailable !== undefined && !inCi;
  describe.skipIf(skip)(`${name} [postgres]`, suite);
}
