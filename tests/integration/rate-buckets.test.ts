import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../db/connection.js';
import { type BucketSpec, drawRateTokens, ensureRateBuckets } from '../../db/rate-buckets.repository.js';
import { RateGate } from '../../src/delivery/rate-gate.js';
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

  it('gives a channel its turn back at once when the workspace tier had no token left for it', async () => {
    const tier = { key: 'slack:T1:method:chat.postMessage', limit: 60, perMs: 1000 };
    const channel = (id: string) => ({ key: `slack:T1:channel:${id}`, limit: 1, perMs: 1000 });
    const gate = new RateGate(test.db, 100);
    const now = Date.parse('2026-12-02T08:00:00Z') * 1000;
    // Another worker has just used all but one of the tier's tokens (burst 53 with the 100 ms margin).
    await ensureRateBuckets(test.db.kysely, [gate.spec(tier)]);
    expect((await drawRateTokens(test.db, new Map([[tier.key, 52]]), now)).get(tier.key)?.granted).toBe(52);

    const first = { buckets: [channel('C1'), tier] };
    const second = { buckets: [channel('C2'), tier] };
    expect(await gate.admit([first, second], now, 10)).toEqual([first]);
    // C2 sent nothing: its token went back, and a millisecond later it may send (it used to stay
    // shut for the safety margin, as if it had sent).
    const again = await drawRateTokens(test.db, new Map([[channel('C2').key, 1]]), now + 1000);
    expect(again.get(channel('C2').key)?.granted).toBe(1);
    // C1 did send: it waits its second and the margin.
    const c1 = await drawRateTokens(test.db, new Map([[channel('C1').key, 1]]), now + 1_050_000);
    expect(c1.get(channel('C1').key)).toMatchObject({ granted: 0, nextAtUs: now + 1_100_000 });
  });
});
