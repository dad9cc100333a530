import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDatabase } from '../db/connection.js';

const POSTGRES = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Runs `fn` on a fresh PostgreSQL database (created, then dropped); undefined, with a notice, when
 * the server at `BENCH_DATABASE_URL` (default the local one) cannot be reached.
 */
export async function onPostgres<T>(fn: (db: Db) => Promise<T>): Promise<T | undefined> {
  const database = await throwawayPostgres();
  if (!database) return undefined;
  const db = openDatabase({ dialect: 'postgres', url: database.url });
  try {
    return await fn(db);
  } finally {
    await db.close();
    await database.drop();
  }
}

/**
 * A fresh PostgreSQL database for a whole delmal (which opens its own pool from a URL): its URL,
 * and `drop` to remove it; undefined, with a notice, when the server cannot be reached.
 */
export async function throwawayPostgres(
  label?: string,
): Promise<{ readonly url: string; drop(): Promise<void> } | undefined> {
  const name = `delmal_bench_${label ? `${label}_` : ''}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  try {
    await admin.connect();
  } catch (error) {
    console.error(`PostgreSQL at ${POSTGRES} unreachable (${(error as Error).message}): skipped`);
    return undefined;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
