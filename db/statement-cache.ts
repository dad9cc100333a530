import type BetterSqlite3 from 'better-sqlite3';

/** Distinct statements kept prepared, at most; the least recently used is dropped beyond it. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * A better-sqlite3 database whose `prepare` reuses the statement prepared for the same SQL text
 * before, for kysely's SQLite driver (which prepares every query afresh: SQLite parses and plans
 * it each time, a good part of a small query's cost). Reusing a statement is safe: better-sqlite3
 * runs it to completion synchronously (`run`/`all`), re-prepares it itself after a schema change,
 * and one still being iterated (`busy`) is never handed out again — a fresh one is prepared instead.
 */
export function cachingStatements(
  database: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): Pick<BetterSqlite3.Database, 'prepare' | 'close'> {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(source: string) {
      const cached = cache.get(source);
      if (cached && !cached.busy) {
        // Most recently used last: the first key is the one to drop.
        cache.delete(source);
        cache.set(source, cached);
        return cached;
      }
      const statement = database.prepare(source);
      if (!cached) {
        cache.set(source, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
    close() {
      cache.clear();
      return database.close();
    },
  } as Pick<BetterSqlite3.Database, 'prepare' | 'close'>;
}
