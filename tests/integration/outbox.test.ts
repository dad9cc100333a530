import { afterEach, beforeEach, expect, it } from 'vitest';
import { claimDueOutbox } from '../../db/outbox.repository.js';
import { fixedClock } from '../../src/clock.js';
import { backoffMs, Outbox, type SendOutcome } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

describeEachDialect('the outbox', (dialect) => {
  let db: TestDatabase;
  const clock = fixedClock('2026-11-23T08:00:00Z');
  const sent: unknown[] = [];
  let outcomes: SendOutcome[] = [];
  const outbox = () => {
    const box = new Outbox(db.db, clock, createLogger('silent'), { maxAttempts: 3, random: () => 0.5 });
    box.register('test', async (payload) => {
      const outcome = outcomes.shift() ?? { ok: true };
      if (outcome.ok) sent.push(payload);
      return outcome;
    });
    return box;
  };
  const rows = () => db.db.kysely.selectFrom('outbox').selectAll().orderBy('created_at').execute();

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    clock.set('2026-11-23T08:00:00Z');
    sent.length = 0;
    outcomes = [];
  });
  afterEach(() => db.drop());

  it('delivers at once and records it', async () => {
    const box = outbox();
    await box.send({ platform: 'slack', kind: 'test', payload: { text: 'hej' } });
    await box.drain();
    expect(sent).toEqual([{ text: 'hej' }]);
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([['sent', 1]]);
  });

  it('sends a message once however often the same effect is requested', async () => {
    const box = outbox();
    for (let i = 0; i < 3; i++)
      await box.send({ platform: 'slack', kind: 'test', payload: { i }, dedupeKey: 'slack:event:Ev1' });
    await box.drain();
    expect(sent).toEqual([{ i: 0 }]);
  });

  it('waits as long as the platform asks (429 Retry-After), then delivers', async () => {
    const box = outbox();
    outcomes = [{ ok: false, retry: true, error: 'rate_limited', retryAfterMs: 30_000 }];
    await box.send({ platform: 'slack', kind: 'test', payload: 1 });
    await box.drain();
    expect(sent).toEqual([]);
    clock.set('2026-11-23T08:00:29Z');
    await box.drain();
    expect(sent).toEqual([]);
    clock.set('2026-11-23T08:00:31Z');
    await box.drain();
    expect(sent).toEqual([1]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up on a permanent error at once and keeps it visible', async () => {
    const box = outbox();
    outcomes = [{ ok: false, retry: false, error: 'channel_not_found' }];
    await box.send({ platform: 'slack', kind: 'test', payload: 1 });
    await box.drain();
    expect((await rows())[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'channel_not_found',
    });
  });

  it('never retries forever', async () => {
    const box = outbox();
    outcomes = Array.from({ length: 10 }, () => ({
      ok: false as const,
      retry: true as const,
      error: 'http_503',
    }));
    await box.send({ platform: 'slack', kind: 'test', payload: 1 });
    for (let minute = 1; minute <= 10; minute++) {
      clock.set(new Date(Date.parse('2026-11-23T08:00:00Z') + minute * 60_000));
      await box.drain();
    }
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 3, last_error: 'http_503' });
    expect(sent).toEqual([]);
  });

  it('delivers an answer inline and stores nothing when it arrives', async () => {
    await outbox().sendNow({ platform: 'teams', kind: 'test', payload: { svar: 1 } });
    expect(sent).toEqual([{ svar: 1 }]);
    expect(await rows()).toEqual([]);
  });

  it('keeps an inline answer that failed: to retry, or as failed for good', async () => {
    const box = outbox();
    outcomes = [
      { ok: false, retry: true, error: 'http_503' },
      { ok: false, retry: false, error: 'http_403 MessageWritesBlocked' },
    ];
    await box.sendNow({ platform: 'teams', kind: 'test', payload: 'retry me' });
    await box.sendNow({ platform: 'teams', kind: 'test', payload: 'blocked' });
    expect((await rows()).map((r) => [r.payload, r.status, r.attempts, r.last_error])).toEqual([
      ['"retry me"', 'pending', 1, 'http_503'],
      ['"blocked"', 'failed', 1, 'http_403 MessageWritesBlocked'],
    ]);
    clock.set('2026-11-23T08:05:00Z');
    await box.drain();
    expect(sent).toEqual(['retry me']);
  });

  it('lets only one worker claim an item', async () => {
    // Stored without a worker running, then claimed by two at once.
    await db.db.kysely
      .insertInto('outbox')
      .values({
        id: 'x',
        platform: 'slack',
        kind: 'test',
        payload: '1',
        dedupe_key: null,
        status: 'pending',
        attempts: 0,
        next_attempt_at: '2026-11-23T07:00:00Z',
        created_at: 'a',
        updated_at: 'a',
      })
      .execute();
    const [first, second] = await Promise.all([
      claimDueOutbox(db.db.kysely, '2026-11-23T08:00:00Z', '2026-11-23T08:01:00Z', 10),
      claimDueOutbox(db.db.kysely, '2026-11-23T08:00:00Z', '2026-11-23T08:01:00Z', 10),
    ]);
    expect([...(first ?? []), ...(second ?? [])].map((r) => r.id)).toEqual(['x']);
  });
});

it('backs off exponentially with jitter, capped at five minutes', () => {
  expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
  expect(backoffMs(20, () => 0.5)).toBe(300_000);
  expect(backoffMs(1, () => 0)).toBe(500);
  expect(backoffMs(1, () => 0.999)).toBe(1499);
});
