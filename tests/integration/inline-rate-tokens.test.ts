import { afterEach, beforeEach, expect, it } from 'vitest';
import { readRateBucket } from '../../db/rate-buckets.repository.js';
import { fixedClock } from '../../src/clock.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { InsertWatch } from '../support/insert-watch.js';
import { interactiveTo } from '../support/outbox.js';
import { RecordingDeliverer } from '../support/recording-deliverer.js';

const T0 = Date.parse('2026-12-02T08:00:00Z');

/** Counts statements that write rate buckets. */
function watchBuckets() {
  const counts = { bucketStatements: 0 };
  const plugin = new InsertWatch((table) => {
    if (table === 'rate_buckets') counts.bucketStatements++;
  });
  return Object.assign(counts, { plugin });
}

// Inline answers take their rate tokens in the commit of their receipts: the shared buckets show
// every answer sent (bulk sends after them wait for it), with one upsert per bucket and batch.
describeEachDialect('inline answers take their rate tokens with their receipts', (dialect) => {
  let test: TestDatabase;
  let deliverer: RecordingDeliverer;
  let watch: ReturnType<typeof watchBuckets>;
  let box: Outbox;

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    deliverer = new RecordingDeliverer();
    // 10 a second per conversation (interval 100 ms), 50 a second per workspace (20 ms).
    deliverer.bucketsFor = () => [
      { key: 'local:w:conversation:c', limit: 10, perMs: 1000 },
      { key: 'local:w:workspace', limit: 50, perMs: 1000 },
    ];
    watch = watchBuckets();
    box = new Outbox(
      { ...test.db, kysely: test.db.kysely.withPlugin(watch.plugin) },
      fixedClock(new Date(T0)),
      createLogger('silent'),
      deliverer,
      { rateSafetyMs: 0 },
    );
  });
  afterEach(() => test.drop());

  it('takes one token per answer sent, for many concurrent answers in one statement for all their buckets', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        box.sendNowOnce(`teams:activity:c:${i}`, interactiveTo('a@region.se')),
      ),
    );
    expect(results.every((r) => r?.ok)).toBe(true);
    expect(deliverer.platform.arrivals).toHaveLength(12);
    expect(watch.bucketStatements).toBe(1);
    // 12 tokens taken at T0, as 12 answers one after the other would have taken them.
    expect(await readRateBucket(test.db.kysely, 'local:w:conversation:c')).toMatchObject({
      tatUs: (T0 + 12 * 100) * 1000,
    });
    expect(await readRateBucket(test.db.kysely, 'local:w:workspace')).toMatchObject({
      tatUs: (T0 + 12 * 20) * 1000,
    });
  });

  it('takes no token for a retried request, which is not answered again', async () => {
    expect(await box.sendNowOnce('teams:activity:c:1', interactiveTo('a@region.se'))).toMatchObject({
      ok: true,
    });
    const [again, other] = await Promise.all([
      box.sendNowOnce('teams:activity:c:1', interactiveTo('a@region.se')),
      box.sendNowOnce('teams:activity:c:2', interactiveTo('a@region.se')),
    ]);
    expect(again).toBeUndefined();
    expect(other).toMatchObject({ ok: true });
    expect(deliverer.platform.arrivals).toHaveLength(2);
    expect(await readRateBucket(test.db.kysely, 'local:w:conversation:c')).toMatchObject({
      tatUs: (T0 + 2 * 100) * 1000,
    });
  });
});
