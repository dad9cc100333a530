import { sql } from 'kysely';
import type { Db } from './connection.js';

/**
 * The PostgreSQL advisory lock key of start-up work (migrations, seeding the shipped catalog):
 * the bytes of "dlml", fixed so every replica and every version agrees on it.
 */
const STARTUP_LOCK_KEY = 0x646c6d6c;

/**
 * Runs `work` while holding the start-up lock. On PostgreSQL that is a session advisory lock on one
 * pooled connection (`pg_advisory_lock`), so replicas starting together take turns: the first
 * migrates and seeds, the others wait and then find nothing left to do. The lock is PostgreSQL's
 * own; if the process dies, the server ends its session and the lock with it. `work` uses the
 * pool's other connections. SQLite has one writer per file anyway and runs `work` directly.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'postgres') return work();
  return db.kysely.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
  });
}
