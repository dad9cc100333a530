import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { bulkTo } from '../support/outbox.js';
import { deferred, RecordingDeliverer } from '../support/recording-deliverer.js';

describeEachDialect('the outbox stopping for shutdown', (dialect) => {
  let db: TestDatabase;
  const clock = fixedClock('2026-11-23T08:00:00Z');
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
  });
  afterEach(() => db.drop());
  const rows = () =>
    db.db.kysely
      .selectFrom('outbox_items')
      .select(['id', 'status', 'claim_token'])
      .orderBy('created_at')
      .execute();

  it('finishes the send in progress, releases the claims it will not use, and starts nothing new', async () => {
    const deliverer = new RecordingDeliverer();
    // One send at a time, one token a second: the first is in progress, the other two are held.
    deliverer.bucketsFor = () => [{ key: 'local:w:channel:c1', limit: 1, perMs: 1000 }];
    const release = deferred<void>();
    deliverer.script = async (_item, call) => {
      if (call === 1) await release.promise;
      return 'arrive' as const;
    };
    const box = new Outbox(db.db, clock, createLogger('silent'), deliverer, { rateSafetyMs: 0 });
    const ids = await box.enqueueMany([bulkTo(1), bulkTo(1), bulkTo(1)]);
    box.start();
    await deliverer.waitForCalls(1);
    const stopped = box.stop();
    release.resolve();
    await stopped;
    const first = deliverer.calls[0]?.id;
    expect(deliverer.platform.arrivals).toEqual([first]);
    const after = await rows();
    expect(after.find((r) => r.id === first)?.status).toBe('sent');
    // The two it held are free at once for the next worker (no claim left to expire).
    expect(after.filter((r) => r.status === 'pending').sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      ids
        .filter((id) => id !== first)
        .sort()
        .map((id) => ({ id, status: 'pending', claim_token: null })),
    );
    // Stopped: a new item is stored for the next start, not sent.
    await box.enqueue(bulkTo(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deliverer.calls).toHaveLength(1);
    expect((await rows()).filter((r) => r.status === 'pending')).toHaveLength(3);
  });
});
