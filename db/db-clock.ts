import { type RawBuilder, sql } from 'kysely';
import type { DatabaseTarget } from './connection.js';

/**
 * The database's own clock, as an SQL expression giving a UTC ISO timestamp in the same text
 * format `Date.toISOString()` writes (`2026-12-06T14:20:00.123Z`), so stored values compare as
 * text with everything else. Leases and claim expiry use it — never a process's clock, which may
 * run minutes ahead of another replica's — while what is *due* stays on the injected clock.
 */
export function dbTime(dialect: DatabaseTarget['dialect'], plusMs = 0): RawBuilder<string> {
  const ms = Math.round(plusMs);
  if (dialect === 'sqlite')
    return ms === 0
      ? sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
      : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${ms >= 0 ? '+' : ''}${ms / 1000} seconds`})`;
  return postgresTimeAfter(sql`${ms / 1000}::float8`);
}

/**
 * PostgreSQL's `dbTime` `seconds` (an SQL expression, e.g. a column) from now. clock_timestamp():
 * the moment the statement runs, not when its transaction began (a group commit may hold a
 * transaction open for a while).
 */
export function postgresTimeAfter(seconds: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char((clock_timestamp() + make_interval(secs => ${seconds})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
