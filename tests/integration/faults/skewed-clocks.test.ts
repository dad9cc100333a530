import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.js';
import { fixedClock } from '../../../src/clock.js';
import { Outbox } from '../../../src/delivery/outbox.js';
import { createLogger } from '../../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';
import { bulkTo, openAnotherConnection } from '../../support/outbox.js';
import { deferred, FakePlatform, RecordingDeliverer } from '../../support/recording-deliverer.js';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const FIVE_MINUTES = 5 * 60_000;

describeEachDialect('two replicas whose clocks differ by five minutes', (dialect) => {
  let test: TestDatabase;
  let other: Db;
  let platform: FakePlatform;
  const behind = fixedClock(new Date(T0));
  const ahead = fixedClock(new Date(T0 + FIVE_MINUTES));
  const replica = (db: Db, clock: typeof behind, deliverer: RecordingDeliverer) =>
    new Outbox(db, clock, createLogger('silent'), deliverer, { random: () => 0.5, leaseMs: 60_000 });

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    other = openAnotherConnection(test, dialect);
    platform = new FakePlatform();
  });
  afterEach(async () => {
    await other.close();
    await test.drop();
  });

  it('leave each other’s claims alone: a slow send is not taken over by the replica that runs ahead', async () => {
    const slow = new RecordingDeliverer(platform);
    const release = deferred<void>();
    slow.script = async (): Promise<'arrive'> => {
      await release.promise;
      return 'arrive';
    };
    const fast = new RecordingDeliverer(platform);
    const a = replica(test.db, behind, slow);
    const b = replica(other, ahead, fast);
    const id = await a.enqueue(bulkTo(1));
    const sending = a.drain();
    await slow.waitForCalls(1);
    // B's clock says A's 60-second lease ran out four minutes ago; the database says it has not.
    await b.drain();
    expect(fast.calls).toEqual([]);
    release.resolve();
    await sending;
    expect(platform.arrivals).toEqual([id]);
    const [row] = await test.db.kysely.selectFrom('outbox_items').selectAll().execute();
    expect(row).toMatchObject({ status: 'sent', uncertain: 0 });
  });

  it('deliver 400 items between them, each exactly once', { timeout: 60_000 }, async () => {
    const a = new RecordingDeliverer(platform);
    const b = new RecordingDeliverer(platform);
    for (const d of [a, b]) d.script = () => new Promise((resolve) => setTimeout(() => resolve('arrive'), 2));
    const ids = await replica(test.db, behind, a).enqueueMany(
      Array.from({ length: 400 }, (_, i) => bulkTo(i)),
    );
    await Promise.all([replica(test.db, behind, a).drain(), replica(other, ahead, b).drain()]);
    expect(platform.arrivals).toHaveLength(400);
    expect(new Set(platform.arrivals)).toEqual(new Set(ids));
  });
});
