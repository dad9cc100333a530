import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { InsertWatch } from '../support/insert-watch.js';
import { interactiveTo } from '../support/outbox.js';
import { RecordingDeliverer } from '../support/recording-deliverer.js';

/** Counts receipt INSERTs, and fails any item INSERT that carries `poison` (a write that breaks). */
function watchReceipts(poison: string) {
  const counts = { receiptStatements: 0 };
  const plugin = new InsertWatch((table, node) => {
    if (table === 'inbound_receipts') counts.receiptStatements++;
    if (table === 'outbox_items' && JSON.stringify(node).includes(poison))
      throw new Error('this write breaks');
  });
  return Object.assign(counts, { plugin });
}

describeEachDialect('receipts group-committed', (dialect) => {
  let test: TestDatabase;
  let deliverer: RecordingDeliverer;
  let watch: ReturnType<typeof watchReceipts>;
  let box: Outbox;

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    deliverer = new RecordingDeliverer();
    watch = watchReceipts('broken@region.se');
    box = new Outbox(
      { ...test.db, kysely: test.db.kysely.withPlugin(watch.plugin) },
      fixedClock(new Date('2026-12-02T08:00:00Z')),
      createLogger('silent'),
      deliverer,
    );
  });
  afterEach(() => test.drop());

  it('stores the answers of many concurrent requests with one receipt statement, each answered once', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        box.sendNowOnce(`teams:activity:c:${i}`, interactiveTo(`p${i}@region.se`)),
      ),
    );
    expect(results.every((r) => r?.ok)).toBe(true);
    expect(watch.receiptStatements).toBe(1);
    expect(deliverer.platform.arrivals).toHaveLength(30);
    // The outcomes are recorded behind the answers: `drain` waits for them.
    await box.drain();
    const stored = await test.db.kysely
      .selectFrom('outbox_items')
      .select(['status', 'claim_token'])
      .execute();
    expect(stored).toHaveLength(30);
    expect(stored.every((r) => r.status === 'sent' && r.claim_token === null)).toBe(true);
  });

  it('records what it answered before it stops, though the answer did not wait for that record', async () => {
    const answered = await box.sendNowOnce('teams:activity:c:1', interactiveTo('anna@region.se'));
    expect(answered).toMatchObject({ ok: true });
    await box.stop();
    const stored = await test.db.kysely
      .selectFrom('outbox_items')
      .select(['status', 'claim_token'])
      .execute();
    expect(stored).toEqual([{ status: 'sent', claim_token: null }]);
  });

  it('answers a request retried within the same batch, and again later, once', async () => {
    const first = await Promise.all(
      Array.from({ length: 5 }, () => box.sendNowOnce('slack:event:Ev1', interactiveTo('anna@region.se'))),
    );
    expect(first.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await box.sendNowOnce('slack:event:Ev1', interactiveTo('anna@region.se'))).toBeUndefined();
    expect(await box.enqueueOnce('slack:event:Ev1', [interactiveTo('anna@region.se')])).toBe(false);
    expect(deliverer.platform.arrivals).toHaveLength(1);
  });

  it('fails only the request whose write breaks; the others in its batch are stored and answered', async () => {
    const results = await Promise.allSettled([
      box.sendNowOnce('teams:activity:c:1', interactiveTo('anna@region.se')),
      box.sendNowOnce('teams:activity:c:2', interactiveTo('broken@region.se')),
      box.enqueueOnce('teams:activity:c:3', [interactiveTo('bo@region.se')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The broken one left no receipt: the platform's retry is processed afresh.
    const receipts = await test.db.kysely
      .selectFrom('inbound_receipts')
      .select('key')
      .orderBy('key')
      .execute();
    expect(receipts.map((r) => r.key)).toEqual(['teams:activity:c:1', 'teams:activity:c:3']);
    await box.drain();
    expect(deliverer.calls.map((c) => c.to)).toEqual(
      expect.arrayContaining([
        { kind: 'person', email: 'anna@region.se' },
        { kind: 'person', email: 'bo@region.se' },
      ]),
    );
    expect(deliverer.platform.arrivals).toHaveLength(2);
  });
});
