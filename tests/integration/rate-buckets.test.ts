import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/connection.js';
import { type BucketSpec, drawRateTokens, ensureRateBuckets } from '../../db/rate-buckets.repository.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

/** A deterministic shuffle (mulberry32), so a failing run can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const KEYS = 40;
/** Each bucket lets 5 tokens through at once and refills one a minute: the test never waits for one. */
const SPECS: BucketSpec[] = Array.from({ length: KEYS }, (_, i) => ({
  key: `slack:T1:channel:C${String(i).padStart(3, '0')}`,
  intervalUs: 60_000_000,
  toleranceUs: 4 * 60_000_000,
}));
const BURST = 5;
const REPLICAS = 3;
const LOOPS_PER_REPLICA = 6;
const ROUNDS = 8;

describeEachDialect('shared rate buckets', (dialect) => {
  let test: TestDatabase;
  let replicas: Db[];

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    // Replicas as separate processes would have them: one pool each, on the same database.
    replicas = Array.from({ length: REPLICAS }, () =>
      dialect === 'postgres'
        ? openDatabase({ dialect: 'postgres', url: test.url })
        : openDatabase({ dialect: 'sqlite', file: test.url }),
    );
  });
  afterEach(async () => {
    await Promise.all(replicas.map((db) => db.close()));
    await test.drop();
  });

  it('lets replicas create and draw on overlapping buckets in any order at once: no deadlock, no token twice', async () => {
    // Every worker ensures and draws on most of the same buckets, each time listed in its own
    // order (a round's candidates come in claim order): the shape that deadlocked PostgreSQL when
    // the upsert wrote rows in the order given while another statement held them in key order.
    const granted = new Map<string, number>();
    const errors: string[] = [];
    const loops = replicas.flatMap((db, r) =>
      Array.from({ length: LOOPS_PER_REPLICA }, async (_, l) => {
        // The first failure stops every loop: on the old code that is PostgreSQL's
        // `deadlock detected`, reported at once rather than after a timeout.
        for (let round = 0; round < ROUNDS && errors.length === 0; round++) {
          const seed = (r * LOOPS_PER_REPLICA + l) * ROUNDS + round + 1;
          const specs = shuffled(SPECS, seed).slice(0, KEYS - 5);
          try {
            await ensureRateBuckets(db.kysely, specs);
            const wanted = new Map(specs.map((s) => [s.key, 1]));
            const draws = await drawRateTokens(db, wanted, Date.now() * 1000);
            for (const [key, draw] of draws) granted.set(key, (granted.get(key) ?? 0) + draw.granted);
          } catch (error) {
            errors.push(error instanceof Error ? error.message : String(error));
          }
        }
      }),
    );
    await Promise.all(loops);
    expect(errors).toEqual([]);
    // The limit held across replicas: no bucket let through more than its burst.
    expect([...granted.values()].every((n) => n <= BURST)).toBe(true);
    // And every bucket was drawn on: the statements ran, they did not just fail quietly.
    expect(granted.size).toBe(KEYS);
    expect([...granted.values()].every((n) => n === BURST)).toBe(true);
  }, 20_000);
});
