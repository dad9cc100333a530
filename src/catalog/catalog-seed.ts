import { readFile } from 'node:fs/promises';
import type { Db } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { withStartupLock } from '../../db/startup-lock.js';
import type { Clock } from '../clock.js';
import { SHIPPED_CATALOG } from '../paths.js';

export interface ReadyReport {
  readonly migrations: readonly string[];
  /** True when the database was empty and the shipped catalog was loaded into it. */
  readonly seeded: boolean;
}

/**
 * Brings a database to a usable state: applies pending migrations and, when it has no plan yet,
 * loads the catalog shipped in `db/catalog/` so a newcomer never meets an empty bot. Both happen
 * under the start-up lock: replicas starting together on one PostgreSQL migrate and seed once.
 */
export function ensureDatabaseReady(db: Db, clock: Clock): Promise<ReadyReport> {
  return withStartupLock(db, () => migrateAndSeed(db, clock));
}

async function migrateAndSeed(db: Db, clock: Clock): Promise<ReadyReport> {
  const migrations = await migrateToLatest(db);
  const plan = await db.kysely.selectFrom('plans').select('id').limit(1).executeTakeFirst();
  if (plan) return { migrations, seeded: false };
  // The importer (YAML and CSV parsers, diff, merge) loads only for a database that needs it.
  const { importCatalog } = await import('./catalog-import.js');
  await importCatalog(
    db,
    { path: SHIPPED_CATALOG, text: await readFile(SHIPPED_CATALOG, 'utf8') },
    { clock },
  );
  return { migrations, seeded: true };
}
