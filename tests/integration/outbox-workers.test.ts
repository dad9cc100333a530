import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import type { DeliveryResult } from '../../src/chat/chat-port.js';
import { fixedClock } from '../../src/clock.js';
import { Outbox, type OutboxOptions } from '../../src/delivery/outbox.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { bulkTo, interactiveTo, openAnotherConnection } from '../support/outbox.js';
import { deferred, FakePlatform, RecordingDeliverer } from '../support/recording-deliverer.js';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
/** Real time: leases run on the database's clock. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDialect('outbox with several workers', (dialect) => {
  let test: TestDatabase;
  let other: Db;
  const clock = fixedClock(at(0));
  let platform: FakePlatform;
  const worker = (db: Db, deliverer: RecordingDeliverer, options: OutboxOptions = {}, logger?: Logger) =>
    new Outbox(db, clock, logger ?? createLogger('silent'), deliverer, { random: () => 0.5, ...options });
  const rows = () => test.db.kysely.selectFrom('outbox_items').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    other = openAnotherConnection(test, dialect);
    clock.set(at(0));
    platform = new FakePlatform();
  });
  afterEach(async () => {
    await other.close();
    await test.drop();
  });

  it('two workers racing over 1,000 items deliver each exactly once', { timeout: 60_000 }, async () => {
    const a = new RecordingDeliverer(platform);
    const b = new RecordingDeliverer(platform);
    // Each send takes a turn of the event loop, so the two workers' claims and sends interleave.
    for (const d of [a, b]) d.script = () => new Promise((resolve) => setImmediate(() => resolve('arrive')));
    const ids = await worker(test.db, a).enqueueMany(Array.from({ length: 1000 }, (_, i) => bulkTo(i)));
    await Promise.all([worker(test.db, a).drain(), worker(other, b).drain()]);
    expect(platform.arrivals).toHaveLength(1000);
    expect(new Set(platform.arrivals)).toEqual(new Set(ids));
    expect(a.calls.length).toBeGreaterThan(0);
    expect(b.calls.length).toBeGreaterThan(0);
    expect((await rows()).every((r) => r.status === 'sent' && r.claim_token === null)).toBe(true);
  });

  it("refuses a stale worker's result: the worker that holds the claim now decides", async () => {
    const lines: string[] = [];
    const debug = createLogger(
      'debug',
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const slow = new RecordingDeliverer(platform);
    const held = deferred<void>();
    // Worker A's send hangs (a stalled process) and arrives only after its lease has run out.
    slow.script = async (item) => {
      await held.promise;
      platform.arrive(item);
      return { ok: false, kind: 'transient', error: 'stale worker says it failed' } as DeliveryResult;
    };
    const fast = new RecordingDeliverer(platform);
    const a = worker(test.db, slow, { leaseMs: 300 }, debug);
    const b = worker(other, fast, { leaseMs: 300 });
    const id = await a.enqueue(bulkTo(1));
    const aDone = a.drain();
    await slow.waitForCalls(1);
    await sleep(400);
    await b.drain();
    // B found the item uncertain (claimed, never settled), looked for it, found nothing, sent it.
    expect(fast.findSentCalls).toEqual([id]);
    expect(await rows()).toMatchObject([{ status: 'sent', sent_ref: expect.stringContaining('"m1"') }]);
    held.resolve();
    await aDone;
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 0, last_error: null });
    expect(row?.sent_ref).toContain('"m1"');
    expect(lines.join('')).toContain('claim taken over by another worker');
  });

  it('sends an interactive answer enqueued during a 5,000-item bulk backlog before the backlog drains', {
    timeout: 120_000,
  }, async () => {
    const deliverer = new RecordingDeliverer(platform);
    const box = worker(test.db, deliverer);
    await box.enqueueMany(Array.from({ length: 5000 }, (_, i) => bulkTo(i)));
    let answerId: string | undefined;
    deliverer.script = async (_item, call) => {
      if (call === 200) answerId = await box.enqueue(interactiveTo('anna@region.se'));
      return 'arrive' as const;
    };
    await box.drain();
    expect(platform.arrivals).toHaveLength(5001);
    const position = platform.arrivals.indexOf(answerId ?? '');
    expect(position).toBeGreaterThan(199);
    // After the next claim at the latest: well before the 4,800 bulk items still waiting.
    expect(position).toBeLessThan(200 + 150);
  });

  it('holds a rate limit across workers: two workers together send no more than the bucket allows', async () => {
    const bucket = { key: 'local:w:method:post', limit: 10, perMs: 1000 };
    const a = new RecordingDeliverer(platform);
    const b = new RecordingDeliverer(platform);
    for (const d of [a, b]) d.bucketsFor = () => [bucket];
    const wa = worker(test.db, a, { rateSafetyMs: 0 });
    const wb = worker(other, b, { rateSafetyMs: 0 });
    await wa.enqueueMany(Array.from({ length: 30 }, (_, i) => bulkTo(i)));
    await Promise.all([wa.drain(), wb.drain()]);
    expect(platform.arrivals).toHaveLength(10);
    expect(a.calls.length + b.calls.length).toBe(10);
    clock.set(at(500));
    await Promise.all([wa.drain(), wb.drain()]);
    expect(platform.arrivals).toHaveLength(15);
    // Idle for two seconds: the bucket refills to its burst (10), not beyond.
    clock.set(at(2_500));
    await Promise.all([wa.drain(), wb.drain()]);
    expect(platform.arrivals).toHaveLength(25);
    clock.set(at(5_000));
    await Promise.all([wa.drain(), wb.drain()]);
    expect(platform.arrivals).toHaveLength(30);
    expect(new Set(platform.arrivals).size).toBe(30);
  });

  it('on stop, releases what it holds so another worker takes it at once', async () => {
    const a = new RecordingDeliverer(platform);
    const b = new RecordingDeliverer(platform);
    for (const d of [a, b]) d.bucketsFor = () => [{ key: 'local:w:channel:c1', limit: 1, perMs: 1000 }];
    const wa = worker(test.db, a, { rateSafetyMs: 0 });
    await wa.enqueueMany([bulkTo(1), bulkTo(1), bulkTo(1)]);
    await wa.drain();
    expect(platform.arrivals).toHaveLength(1);
    await wa.stop();
    const pending = (await rows()).filter((r) => r.status === 'pending');
    expect(pending).toHaveLength(2);
    expect(pending.every((r) => r.claim_token === null && r.uncertain === 0)).toBe(true);
    // Long before the 60 s lease would have run out.
    clock.set(at(1_000));
    await worker(other, b, { rateSafetyMs: 0 }).drain();
    expect(b.calls).toHaveLength(1);
    expect(b.findSentCalls).toEqual([]);
  });
});
