import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.js';
import { cachingStatements } from './statement-cache.js';

/** Which database a URL selects (see `parseDatabaseUrl` in the configuration). */
export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

/** An open database with its dialect, so the few dialect-specific queries can choose. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DatabaseTarget['dialect'];
  /** Where it lives, safe to print (no password). */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * Opens the database `target` selects. SQLite runs in WAL mode with foreign keys on and its
 * directory created; PostgreSQL gets a small pool whose idle-connection errors go to `onIdleError`.
 * Nothing is migrated here: see `migrateToLatest`.
 */
export function openDatabase(target: DatabaseTarget, onIdleError?: (error: Error) => void): Db {
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(resolve(target.file)), { recursive: true });
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    // synchronous = NORMAL, deliberately. In WAL mode a commit is in the WAL file (the OS has it)
    // before the caller goes on: a receipt or an answer committed before an ack survives a crash or
    // kill of the process, which is the failure Slack's and Teams' retries meet. Only an OS crash or
    // power cut can lose the last commits since the WAL was last synced (at checkpoints); no
    // corruption either way. FULL would fsync every commit — with receipts group-committed that is
    // once per batch of concurrent requests, not per request, but still a disk flush on the answer
    // path of every busy moment. An installation that must survive power cuts runs PostgreSQL.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Statements prepared once per SQL text (see statement-cache.ts), not once per query.
    const kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    });
    return {
      kysely,
      dialect: 'sqlite',
      description: target.file === ':memory:' ? 'SQLite (minne)' : `SQLite ${resolve(target.file)}`,
      close: () => kysely.destroy(),
    };
  }
  // Loaded only for PostgreSQL: a SQLite deployment does not keep pg's modules in memory.
  const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
  const pool = new Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle connection that the server closes (restart, failover, admin) must not crash the bot:
  // the pool drops it and opens a new one on the next query. Without a listener Node would throw.
  pool.on('error', (error) => onIdleError?.(error));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(target.url);
  return {
    kysely,
    dialect: 'postgres',
    description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => kysely.destroy(),
  };
}
