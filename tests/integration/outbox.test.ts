import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryHealth } from '../../db/delivery-health.repository.js';
import { readRateBucket } from '../../db/rate-buckets.repository.js';
import { fixedClock } from '../../src/clock.js';
import { DeliveryError } from '../../src/delivery/delivery-error.js';
import { Outbox, type OutboxOptions } from '../../src/delivery/outbox.js';
import { describeFailure } from '../../src/delivery/unreachable-text.js';
import { translator } from '../../src/i18n/i18n.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { InsertWatch } from '../support/insert-watch.js';
import { bulkTo, interactiveTo } from '../support/outbox.js';
import { RecordingDeliverer } from '../support/recording-deliverer.js';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
/** Real time: leases and the wait after an unknown outcome run on the database's clock. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes every INSERT into outbox_items fail: a crash between the receipt and the items. */
const crashOnItemInsert = () =>
  new InsertWatch((table) => {
    if (table === 'outbox_items') throw new Error('process died here');
  });

describeEachDialect('outbox', (dialect) => {
  let test: TestDatabase;
  const clock = fixedClock(at(0));
  let deliverer: RecordingDeliverer;
  const outbox = (options: OutboxOptions = {}) =>
    new Outbox(test.db, clock, createLogger('silent'), deliverer, { random: () => 0.5, ...options });
  const rows = () =>
    test.db.kysely
      .selectFrom('outbox_items')
      .selectAll()
      .orderBy('created_at')
      .orderBy('recipient')
      .execute();

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    clock.set(at(0));
    deliverer = new RecordingDeliverer();
  });
  afterEach(() => test.drop());

  it('refuses a message that does not match its type, with a coded error, and stores nothing', async () => {
    const box = outbox();
    const bad = { ...bulkTo(1), message: { type: 'text', key: 'no.such.key' } } as never;
    await expect(box.enqueue(bad)).rejects.toMatchObject({ code: 'invalid_message' });
    await expect(box.enqueue({ ...bulkTo(1), message: { type: 'poll' } } as never)).rejects.toBeInstanceOf(
      DeliveryError,
    );
    await expect(box.enqueue({ ...bulkTo(1), to: { kind: 'person' } } as never)).rejects.toMatchObject({
      code: 'invalid_message',
      issues: ['to'],
    });
    expect(await rows()).toEqual([]);
  });

  it('delivers a message once however often the same effect is requested', async () => {
    const box = outbox();
    const first = await box.enqueue({ ...bulkTo(1), dedupeKey: 'round:1:c1' });
    expect(await box.enqueue({ ...bulkTo(1), dedupeKey: 'round:1:c1' })).toBeUndefined();
    await box.drain();
    expect(deliverer.platform.arrivals).toEqual([first]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 0, recipient: 'local:w/c1' });
  });

  it('answers inline and stores nothing when the answer arrives; keeps what did not', async () => {
    const box = outbox({ maxAttempts: 3 });
    expect(await box.sendNow(interactiveTo('anna@region.se'))).toMatchObject({ ok: true });
    expect(await rows()).toEqual([]);
    deliverer.script = (_item, call) =>
      call === 2
        ? { ok: false, kind: 'transient', error: 'http_503' }
        : { ok: false, kind: 'unreachable', reason: 'blocked', error: 'http_403 MessageWritesBlocked' };
    await box.sendNow(interactiveTo('bo@region.se'));
    await box.sendNow(interactiveTo('cia@region.se'));
    expect((await rows()).map((r) => [r.recipient, r.status, r.attempts, r.failure_reason])).toEqual([
      ['bo@region.se', 'pending', 1, null],
      ['cia@region.se', 'failed', 1, 'blocked'],
    ]);
    deliverer.script = () => 'arrive';
    clock.set(at(5_000));
    await box.drain();
    const [retried] = await rows();
    expect(retried).toMatchObject({ status: 'sent' });
    // The retry carried the same outbox id as the inline attempt (so it could be looked for).
    expect(deliverer.calls.filter((c) => c.id === retried?.id)).toHaveLength(2);
  });

  it('rides out a 429 storm: the bucket pauses, no attempt is burnt, everything arrives after', async () => {
    const box = outbox({ rateSafetyMs: 0 });
    deliverer.bucketsFor = (to) => [
      {
        key: `local:w:channel:${to.kind === 'conversation' ? to.conversationId : '?'}`,
        limit: 1,
        perMs: 1000,
      },
      { key: 'local:w:method:post', limit: 100, perMs: 1000 },
    ];
    deliverer.script = () =>
      clock.now().getTime() < T0 + 30_000
        ? { ok: false, kind: 'rate_limited', retryAfterMs: 30_000, bucket: 'local:w:method:post' }
        : 'arrive';
    await box.enqueueMany(Array.from({ length: 40 }, (_, i) => bulkTo(i, 40)));
    await box.drain();
    const stormCalls = deliverer.calls.length;
    // Only the sends already under way met the 429; the paused bucket held back the rest.
    expect(stormCalls).toBeGreaterThan(0);
    expect(stormCalls).toBeLessThanOrEqual(16);
    expect(await readRateBucket(test.db.kysely, 'local:w:method:post')).toMatchObject({
      pausedUntilUs: (T0 + 30_000) * 1000,
    });
    clock.set(at(29_000));
    await box.drain();
    expect(deliverer.calls).toHaveLength(stormCalls);
    clock.set(at(30_500));
    await box.drain();
    const after = await rows();
    expect(after.map((r) => r.status)).toEqual(Array(40).fill('sent'));
    expect(after.every((r) => r.attempts === 0)).toBe(true);
    expect(new Set(deliverer.platform.arrivals).size).toBe(40);
    expect(deliverer.platform.arrivals).toHaveLength(40);
  });

  it('records unreachable people as failed with the reason, never retries them, and tells admins why', async () => {
    const box = outbox();
    deliverer.script = (item) =>
      item.to.kind === 'person' && item.to.email === 'borta@region.se'
        ? { ok: false, kind: 'unreachable', reason: 'not_in_workspace', error: 'users_not_found' }
        : 'arrive';
    await box.enqueue({ ...interactiveTo('borta@region.se'), lane: 'bulk' });
    await box.enqueue({ ...interactiveTo('borta@region.se'), lane: 'bulk' });
    await box.enqueue(interactiveTo('finns@region.se'));
    await box.drain();
    clock.set(at(3_600_000));
    await box.drain();
    expect(deliverer.calls).toHaveLength(3);
    const health = await deliveryHealth(test.db.kysely, clock.now().toISOString());
    expect(health).toMatchObject({
      pending: { interactive: 0, bulk: 0 },
      oldestDue: null,
      failed: 2,
      failedRecipients: [{ recipient: 'borta@region.se', reason: 'not_in_workspace', count: 2 }],
    });
    expect(describeFailure('not_in_workspace', translator('sv'))).toBe(
      'Personen finns inte i arbetsytan eller organisationen.',
    );
    expect(describeFailure(null, translator('en'))).toBe(
      'Gave up after several attempts with temporary errors.',
    );
  });

  it('gives up after the maximum number of attempts, with backoff between them', async () => {
    const box = outbox({ maxAttempts: 3 });
    deliverer.script = () => ({ ok: false, kind: 'transient', error: 'http_503' });
    await box.enqueue(bulkTo(1));
    await box.drain();
    await box.drain();
    expect(deliverer.calls).toHaveLength(1);
    for (let minute = 1; minute <= 5; minute++) {
      clock.set(at(minute * 60_000));
      await box.drain();
    }
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 3, failure_reason: null });
    expect(deliverer.calls).toHaveLength(3);
  });

  it('does not send again an uncertain item that arrived after all', async () => {
    const box = outbox({ sendTimeoutMs: 50, unknownMarginMs: 150 });
    // The platform got it, but the answer was lost (a timeout after the request was written).
    deliverer.script = (item, call) => {
      if (call > 1) return 'arrive';
      deliverer.platform.arrive(item);
      return { ok: false, kind: 'unknown', error: 'socket hang up' };
    };
    const id = await box.enqueue(bulkTo(1));
    await box.drain();
    expect((await rows())[0]).toMatchObject({ status: 'pending', uncertain: 1, attempts: 1 });
    clock.set(at(60_000));
    // Due on the schedule's clock, but the send timeout and margin have not passed on the database's.
    await box.drain();
    expect(deliverer.findSentCalls).toEqual([]);
    await sleep(300);
    await box.drain();
    expect(deliverer.findSentCalls).toEqual([id]);
    expect(deliverer.calls).toHaveLength(1);
    expect(deliverer.platform.arrivals).toEqual([id]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', sent_ref: expect.stringContaining('"m1"') });
  });

  it('counts a send that does not return in time as unknown, and looks before resending', async () => {
    const box = outbox({ sendTimeoutMs: 50, unknownMarginMs: 100 });
    deliverer.script = (_item, call) => (call === 1 ? new Promise(() => {}) : 'arrive');
    await box.enqueue(bulkTo(1));
    await box.drain();
    expect((await rows())[0]).toMatchObject({ status: 'pending', uncertain: 1 });
    clock.set(at(60_000));
    await sleep(250);
    await box.drain();
    expect(deliverer.findSentCalls).toHaveLength(1);
    expect(deliverer.platform.arrivals).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent' });
  });

  it('loses nothing when the process dies between the receipt and the items', async () => {
    const crashing = new Outbox(
      { ...test.db, kysely: test.db.kysely.withPlugin(crashOnItemInsert()) },
      clock,
      createLogger('silent'),
      deliverer,
    );
    await expect(crashing.enqueueOnce('slack:event:Ev1', [interactiveTo('anna@region.se')])).rejects.toThrow(
      'process died here',
    );
    expect(await test.db.kysely.selectFrom('inbound_receipts').selectAll().execute()).toEqual([]);
    // The platform retries the event: it is processed as new, once.
    const box = outbox();
    expect(await box.enqueueOnce('slack:event:Ev1', [interactiveTo('anna@region.se')])).toBe(true);
    expect(await box.enqueueOnce('slack:event:Ev1', [interactiveTo('anna@region.se')])).toBe(false);
    await box.drain();
    expect(deliverer.platform.arrivals).toHaveLength(1);
  });

  it('answers a retried event once: receipt and item together, the attempt at once, recorded', async () => {
    const box = outbox();
    expect(await box.sendNowOnce('teams:activity:a:1:m1', interactiveTo('anna@region.se'))).toMatchObject({
      ok: true,
    });
    // The platform delivers the same activity again: nothing is sent.
    expect(await box.sendNowOnce('teams:activity:a:1:m1', interactiveTo('anna@region.se'))).toBeUndefined();
    expect(deliverer.platform.arrivals).toHaveLength(1);
    expect(await rows()).toMatchObject([{ status: 'sent', claim_token: null, recipient: 'anna@region.se' }]);
    // A failed attempt stays for the workers, with the same id.
    deliverer.script = (_item, call) =>
      call === 2 ? { ok: false, kind: 'transient', error: 'http_503' } : 'arrive';
    expect(await box.sendNowOnce('slack:event:Ev2', interactiveTo('bo@region.se'))).toMatchObject({
      ok: false,
      kind: 'transient',
    });
    clock.set(at(5_000));
    await box.drain();
    expect(deliverer.calls.map((c) => c.id)).toEqual([
      deliverer.calls[0]?.id,
      deliverer.calls[1]?.id,
      deliverer.calls[1]?.id,
    ]);
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('delivers an inline answer whose process died after storing it, once its claim runs out', async () => {
    const dying = outbox({ leaseMs: 300 });
    // The process dies during the attempt: it never returns, nothing is recorded.
    deliverer.script = () => new Promise(() => {});
    void dying.sendNowOnce('slack:event:Ev3', interactiveTo('anna@region.se'));
    await deliverer.waitForCalls(1);
    const [held] = await rows();
    expect(held).toMatchObject({ status: 'pending', recipient: 'anna@region.se' });
    expect(held?.claim_token).not.toBeNull();
    deliverer.script = () => 'arrive';
    const other = outbox();
    await other.drain();
    expect(deliverer.platform.arrivals).toEqual([]);
    await sleep(400);
    await other.drain();
    // Marked uncertain by the claim: looked for first (not there), then sent.
    expect(deliverer.findSentCalls).toEqual([held?.id]);
    expect(deliverer.platform.arrivals).toEqual([held?.id]);
  });

  it('prunes in small batches: delivered after 30 days, failures after 90, receipts after 7; keeps the young', async () => {
    const box = outbox({ retention: { batch: 100 } });
    const day = 24 * 3_600_000;
    const enqueueAt = async (ms: number, count: number) => {
      clock.set(at(ms));
      await box.enqueueMany(Array.from({ length: count }, (_, i) => bulkTo(i)));
      await box.drain();
    };
    await enqueueAt(-40 * day, 250);
    await enqueueAt(-10 * day, 5);
    deliverer.script = () => ({
      ok: false,
      kind: 'unreachable',
      reason: 'channel_archived',
      error: 'is_archived',
    });
    await enqueueAt(-100 * day, 3);
    await enqueueAt(-60 * day, 2);
    for (const [key, ageDays] of [
      ['old', 8],
      ['young', 1],
    ] as const)
      await test.db.kysely
        .insertInto('inbound_receipts')
        .values({ key, received_at: at(-ageDays * day).toISOString() })
        .execute();
    clock.set(at(0));
    expect(await box.prune()).toMatchObject({ delivered: 100, failed: 3, receipts: 1 });
    expect(await box.prune()).toMatchObject({ delivered: 100, failed: 0, receipts: 0 });
    expect(await box.prune()).toMatchObject({ delivered: 50 });
    expect(await box.prune()).toMatchObject({ delivered: 0 });
    const left = await rows();
    expect(left.filter((r) => r.status === 'sent')).toHaveLength(5);
    expect(left.filter((r) => r.status === 'failed')).toHaveLength(2);
    expect(await test.db.kysely.selectFrom('inbound_receipts').select('key').execute()).toEqual([
      { key: 'young' },
    ]);
  });
});

describe('outbox logging', () => {
  it('never writes message text to the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const test = await createTestDatabase('sqlite');
    try {
      const deliverer = new RecordingDeliverer();
      deliverer.script = () => ({ ok: false, kind: 'unreachable', reason: 'blocked', error: 'blocked' });
      const box = new Outbox(test.db, fixedClock(at(0)), createLogger('debug', sink), deliverer);
      await box.sendNow(interactiveTo('anna@region.se'));
      expect(lines.join('')).toContain('failed for good');
      expect(lines.join('')).not.toContain('Tack!');
    } finally {
      await test.drop();
    }
  });
});
