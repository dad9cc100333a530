import { afterEach, beforeEach, expect, it } from 'vitest';
import { enqueueOutbox } from '../../db/outbox.repository.js';
import { fixedClock } from '../../src/clock.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

describeEachDialect('the outbox stopping for shutdown', (dialect) => {
  let db: TestDatabase;
  const clock = fixedClock('2026-11-23T08:00:00Z');
  const now = '2026-11-23T08:00:00.000Z';
  beforeEach(async () => {
    db = await createTestDatabase(dialect);
  });
  afterEach(() => db.drop());
  const rows = () =>
    db.db.kysely
      .selectFrom('outbox')
      .select(['payload', 'status', 'claimed_until'])
      .orderBy('payload')
      .execute();

  it('finishes the send in progress, releases the claims it will not use, and starts nothing new', async () => {
    for (const n of [1, 2, 3])
      await enqueueOutbox(db.db.kysely, { platform: 'slack', kind: 'test', payload: n }, now);
    let release: () => void = () => {};
    const inProgress = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const sent: unknown[] = [];
    const box = new Outbox(db.db, clock, createLogger('silent'));
    box.register('test', async (payload) => {
      started();
      await inProgress;
      sent.push(payload);
      return { ok: true };
    });
    const pass = box.drain();
    await firstStarted;
    const stopped = box.stop();
    release();
    await stopped;
    await pass;
    expect(sent).toEqual([1]);
    expect(await rows()).toEqual([
      { payload: '1', status: 'sent', claimed_until: null },
      { payload: '2', status: 'pending', claimed_until: null },
      { payload: '3', status: 'pending', claimed_until: null },
    ]);
    // Stopped: a new item is stored for the next start, not sent.
    await box.send({ platform: 'slack', kind: 'test', payload: 4 });
    await box.drain();
    expect(sent).toEqual([1]);
    expect((await rows()).at(-1)).toEqual({ payload: '4', status: 'pending', claimed_until: null });
  });
});
