import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dbTime } from '../../db/db-clock.js';
import type { NewOutboxItemRow } from '../../db/outbox-items.repository.js';
import { readRateBucket } from '../../db/rate-buckets.repository.js';
import { claimReceiptsAtOnce } from '../../db/receipts-at-once.repository.js';
import { createTestDatabase, describeOnPostgres, type TestDatabase } from '../support/databases.js';

const NOW = '2026-12-07T08:00:00.000Z';
const NOW_US = Date.parse(NOW) * 1000;
const conversation = { key: 'teams:conversation:c', intervalUs: 100_000, toleranceUs: 1_000_000 };

const row = (id: string, extra: Partial<NewOutboxItemRow> = {}): NewOutboxItemRow => ({
  id,
  lane: 'interactive',
  priority: 0,
  to_address: '{"kind":"conversation"}',
  message: JSON.stringify({ type: 'reply', reply: { summary: 'Delmål 5 – “Sårbara barn”', blocks: [] } }),
  message_type: 'reply',
  replaces: null,
  locale: 'sv',
  dedupe_key: null,
  status: 'pending',
  attempts: 0,
  next_attempt_at: NOW,
  uncertain: 0,
  last_error: null,
  failure_reason: null,
  recipient: 'anna@region.se',
  created_at: NOW,
  ...extra,
});

// PostgreSQL's one-statement group commit of inline answers: what `claimReceipts` and a
// transaction do on SQLite, with the same outcome per request.
describeOnPostgres('receipts, items and rate tokens in one statement', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase('postgres');
  });
  afterEach(() => test.drop());

  const items = () => test.db.kysely.selectFrom('outbox_items').selectAll().orderBy('id').execute();

  it('stores the items of new requests only, the first of a key twice in a batch winning', async () => {
    await claimReceiptsAtOnce(test.db.kysely, [{ key: 'r:old', rows: [] }], NOW, NOW_US);
    const fresh = await claimReceiptsAtOnce(
      test.db.kysely,
      [
        { key: 'r:1', rows: [row('a')] },
        { key: 'r:old', rows: [row('b')] },
        { key: 'r:1', rows: [row('c')] },
        { key: 'r:2', rows: [row('d'), row('e', { lane: 'bulk', priority: 1 })] },
      ],
      NOW,
      NOW_US,
    );
    expect(fresh).toEqual([true, false, false, true]);
    const stored = await items();
    expect(stored.map((r) => r.id)).toEqual(['a', 'd', 'e']);
    // Every column as written, the message's text untouched.
    expect(stored[2]).toMatchObject({ lane: 'bulk', priority: 1, status: 'pending', updated_at: NOW });
    expect(JSON.parse(stored[0]?.message ?? '{}').reply.summary).toBe('Delmål 5 – “Sårbara barn”');
  });

  it('stores each row with its own message when many rows share one (the same answer to many)', async () => {
    const shared = JSON.stringify({
      type: 'reply',
      reply: { summary: 'Delmål 5 – \\ "citat"\nrad', blocks: [] },
    });
    const other = JSON.stringify({ type: 'text', key: 'checkin.prompt.text' });
    await claimReceiptsAtOnce(
      test.db.kysely,
      [
        { key: 'r:1', rows: [row('a', { message: shared })] },
        { key: 'r:2', rows: [row('b', { message: other }), row('c', { message: shared })] },
        { key: 'r:3', rows: [row('d', { message: shared })] },
      ],
      NOW,
      NOW_US,
    );
    expect((await items()).map((r) => [r.id, r.message])).toEqual([
      ['a', shared],
      ['b', other],
      ['c', shared],
      ['d', shared],
    ]);
  });

  it('holds a claimed item on the database clock, as the outbox writes its times', async () => {
    await claimReceiptsAtOnce(
      test.db.kysely,
      [{ key: 'r:1', rows: [row('a', { claim_token: 'tok', hold_ms: 30_000 }), row('b')] }],
      NOW,
      NOW_US,
    );
    const [held, free] = await items();
    const { rows } = await sql<{ at: string }>`select ${dbTime('postgres', 30_000)} as at`.execute(
      test.db.kysely,
    );
    expect(held).toMatchObject({ claim_token: 'tok' });
    expect(held?.claimed_until).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(held?.claimed_until ?? '') - Date.parse(rows[0]?.at ?? ''))).toBeLessThan(
      5_000,
    );
    expect(free?.claimed_until).toBeNull();
  });

  it('takes one token per new request from each bucket, none for a retry', async () => {
    await claimReceiptsAtOnce(
      test.db.kysely,
      [
        { key: 'r:1', rows: [row('a')], force: [conversation] },
        { key: 'r:2', rows: [row('b')], force: [conversation] },
      ],
      NOW,
      NOW_US,
    );
    expect(await readRateBucket(test.db.kysely, conversation.key)).toMatchObject({ tatUs: NOW_US + 200_000 });
    await claimReceiptsAtOnce(
      test.db.kysely,
      [
        { key: 'r:2', rows: [row('c')], force: [conversation] },
        { key: 'r:3', rows: [row('d')], force: [conversation] },
      ],
      NOW,
      NOW_US,
    );
    // Taken from where the bucket stood (ahead of now): one more, for r:3 alone.
    expect(await readRateBucket(test.db.kysely, conversation.key)).toMatchObject({ tatUs: NOW_US + 300_000 });
  });
});
