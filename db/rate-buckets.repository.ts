import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Db } from './connection.js';
import type { Database } from './database.js';

/**
 * Shared rate limits, one row per bucket, drawn on by every worker process through single
 * statements (so the limits hold across replicas on one PostgreSQL or one SQLite file). The
 * algorithm is GCRA: a bucket of `limit` per `perMs` emits one token every `interval` and lets a
 * burst through while the theoretical arrival time (`tat`) stays within `tolerance` of now. All
 * times are integer microseconds since the epoch, so the same integer arithmetic runs on both
 * dialects.
 */
export interface BucketSpec {
  readonly key: string;
  readonly intervalUs: number;
  readonly toleranceUs: number;
}

/** What one draw gave a bucket: tokens granted now, and from when the next one can be drawn. */
export interface Draw {
  readonly granted: number;
  readonly nextAtUs: number;
  /** The bucket's emission interval: one more token every `intervalUs` after `nextAtUs`. */
  readonly intervalUs: number;
}

const bigint = (value: number): RawBuilder<number> => sql<number>`cast(${Math.round(value)} as bigint)`;

/** `greatest`/`least` in PostgreSQL are the scalar `max`/`min` in SQLite. */
function pick(db: Db, fn: 'greatest' | 'least', a: Expression<unknown>, b: Expression<unknown>) {
  const name = db.dialect === 'postgres' ? sql.raw(fn) : sql.raw(fn === 'greatest' ? 'max' : 'min');
  return sql<number>`${name}(${a}, ${b})`;
}

/** `case key when k1 then v1 … end` for per-bucket amounts in one statement. */
function perKey(amounts: ReadonlyMap<string, number>): RawBuilder<number> {
  const whens = [...amounts].map(([key, n]) => sql`when ${key} then ${bigint(n)}`);
  return sql<number>`case ${sql.ref('key')} ${sql.join(whens, sql` `)} else ${bigint(0)} end`;
}

/**
 * The buckets a statement touches, locked in key order first on PostgreSQL, so two workers
 * drawing on overlapping buckets (a channel and its workspace's tier) never deadlock.
 */
function lockedKeys(db: Db, keys: readonly string[]) {
  return db.kysely.with('locked', (qb) => {
    const select = qb.selectFrom('rate_buckets').select('key').where('key', 'in', keys).orderBy('key');
    return db.dialect === 'postgres' ? select.forUpdate() : select;
  });
}

/**
 * Creates missing buckets (full, unpaused) and updates the rate of existing ones to `specs`.
 * Rows are written in key order, as {@link drawRateTokens} locks them: two workers ensuring
 * overlapping buckets in different orders would otherwise deadlock on PostgreSQL (seen in
 * `bench:outbox` with three workers).
 */
export async function ensureRateBuckets(db: Kysely<Database>, specs: readonly BucketSpec[]): Promise<void> {
  if (specs.length === 0) return;
  const byKey = new Map(specs.map((s) => [s.key, s]));
  const ordered = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await db
    .insertInto('rate_buckets')
    .values(
      ordered.map((s) => ({
        key: s.key,
        tat: 0,
        interval_us: Math.max(1, Math.round(s.intervalUs)),
        tolerance_us: Math.round(s.toleranceUs),
        paused_until: 0,
        granted: 0,
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        interval_us: eb.ref('excluded.interval_us'),
        tolerance_us: eb.ref('excluded.tolerance_us'),
      })),
    )
    .execute();
}

/**
 * Draws up to `wanted` tokens from each bucket in ONE statement, at `nowUs`. A paused bucket
 * (after a 429) grants nothing. Buckets that do not exist grant nothing (call
 * {@link ensureRateBuckets} first).
 */
export async function drawRateTokens(
  db: Db,
  wanted: ReadonlyMap<string, number>,
  nowUs: number,
): Promise<Map<string, Draw>> {
  const keys = [...wanted.keys()];
  const draws = new Map<string, Draw>();
  if (keys.length === 0) return draws;
  const now = bigint(nowUs);
  const base = pick(db, 'greatest', sql.ref('tat'), now);
  const headroom = pick(db, 'greatest', bigint(0), sql`${now} + tolerance_us - ${base}`);
  const granted = sql<number>`case
    when paused_until > ${now} then 0
    when tat <= ${now} + tolerance_us then ${pick(db, 'least', perKey(wanted), sql`1 + ${headroom} / interval_us`)}
    else 0 end`;
  const rows = await lockedKeys(db, keys)
    .updateTable('rate_buckets')
    .set({ granted, tat: sql`${base} + (${granted}) * interval_us` })
    .where('key', 'in', (eb) => eb.selectFrom('locked').select('key'))
    .returning(['key', 'granted', 'tat', 'tolerance_us', 'interval_us', 'paused_until'])
    .execute();
  for (const row of rows) {
    const next = Math.max(Number(row.paused_until), Number(row.tat) - Number(row.tolerance_us));
    draws.set(row.key, { granted: Number(row.granted), nextAtUs: next, intervalUs: Number(row.interval_us) });
  }
  return draws;
}

/** Puts back tokens that were drawn but not used (an item's other bucket had none left). */
export async function refundRateTokens(db: Db, refunds: ReadonlyMap<string, number>): Promise<void> {
  const keys = [...refunds.keys()];
  if (keys.length === 0) return;
  await lockedKeys(db, keys)
    .updateTable('rate_buckets')
    .set({ tat: sql`tat - interval_us * ${perKey(refunds)}` })
    .where('key', 'in', (eb) => eb.selectFrom('locked').select('key'))
    .execute();
}

/**
 * Takes one token from each bucket whatever their state (an interactive answer sent inline does
 * not wait), so bulk sends that follow account for it — `count` tokens for a spec that says so
 * (several answers of one group commit, as if taken one after the other). Creates missing
 * buckets. Runs on `executor` when given (inside the caller's transaction).
 */
export async function forceRateTokens(
  db: Db,
  specs: readonly (BucketSpec & { readonly count?: number })[],
  nowUs: number,
  executor: Kysely<Database> = db.kysely,
): Promise<void> {
  // One row per bucket (a key named twice takes both counts), in key order: one statement for all.
  const rows = new Map<string, { interval: number; tolerance: number; taken: number }>();
  for (const spec of specs) {
    const interval = Math.max(1, Math.round(spec.intervalUs));
    const taken = interval * Math.max(1, spec.count ?? 1);
    const known = rows.get(spec.key);
    rows.set(spec.key, {
      interval,
      tolerance: Math.round(spec.toleranceUs),
      taken: (known?.taken ?? 0) + taken,
    });
  }
  if (rows.size === 0) return;
  const now = bigint(nowUs);
  await executor
    .insertInto('rate_buckets')
    .values(
      [...rows]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, row]) => ({
          key,
          tat: nowUs + row.taken,
          interval_us: row.interval,
          tolerance_us: row.tolerance,
          paused_until: 0,
          granted: 0,
        })),
    )
    .onConflict((oc) =>
      // A known bucket: its tokens taken from now or from where it stands, whichever is later
      // (`excluded.tat - now` is the tokens this row takes).
      oc.column('key').doUpdateSet({
        tat: sql`${pick(db, 'greatest', sql.ref('rate_buckets.tat'), now)} + (${sql.ref('excluded.tat')} - ${now})`,
      }),
    )
    .execute();
}

/**
 * Pauses a bucket until `untilUs` (a 429's Retry-After). A bucket not yet known is created
 * unlimited but paused, so only the pause applies.
 */
export async function pauseRateBucket(db: Db, key: string, untilUs: number): Promise<void> {
  await db.kysely
    .insertInto('rate_buckets')
    .values({ key, tat: 0, interval_us: 1, tolerance_us: 3_600_000_000, paused_until: untilUs, granted: 0 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        paused_until: pick(db, 'greatest', sql.ref('rate_buckets.paused_until'), bigint(untilUs)),
      }),
    )
    .execute();
}

/** The stored state of one bucket (tests, diagnostics). */
export async function readRateBucket(
  db: Kysely<Database>,
  key: string,
): Promise<{ tatUs: number; pausedUntilUs: number } | undefined> {
  const row = await db.selectFrom('rate_buckets').selectAll().where('key', '=', key).executeTakeFirst();
  return row && { tatUs: Number(row.tat), pausedUntilUs: Number(row.paused_until) };
}
