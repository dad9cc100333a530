import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { Outbox } from '../../../src/delivery/outbox.js';
import { createLogger } from '../../../src/logger.js';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';
import { slackPortDeliverer } from '../../support/slack-port.js';

const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

const CHANNEL = {
  kind: 'conversation',
  platform: 'slack',
  workspaceId: 'T0001',
  conversationId: 'C0ROUND',
} as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many times each outbox id reached the fake Slack (a person sees each as a message). */
function arrivalsByOutboxId(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of slack.delivered('chat.postMessage')) {
    const id = (call.body.metadata as { event_payload?: { outbox_id?: string } } | undefined)?.event_payload
      ?.outbox_id;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describeEachDialect('a Slack send that outlives its time limit', (dialect) => {
  let test: TestDatabase;
  const clock = fixedClock('2026-12-01T08:00:00Z');

  beforeEach(async () => {
    slack.calls.length = 0;
    slack.messages.clear();
    slack.holds.clear();
    test = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    slack.holds.clear();
    await test.drop();
  });

  it('reaches the channel once, however late the first post lands and however soon the retry is due', async () => {
    const { deliverer } = slackPortDeliverer(slack, test.db, clock);
    const outbox = new Outbox(test.db, clock, createLogger('silent'), deliverer, {
      sendTimeoutMs: 50,
      unknownMarginMs: 400,
      random: () => 0,
    });
    // The first post is carried out only after 300 ms: long after the outbox gave up on it.
    slack.holds.set('chat.postMessage', 300);
    const id = await outbox.enqueue({
      lane: 'bulk',
      to: CHANNEL,
      message: { type: 'text', key: 'deliveries.none' },
    });
    await outbox.drain();
    slack.holds.clear();
    // The retry is due at once on the schedule's clock; the real clock decides when it may look.
    for (let i = 0; i < 40; i++) {
      clock.set(new Date(clock.now().getTime() + 5_000));
      await outbox.drain();
      const row = await test.db.kysely
        .selectFrom('outbox_items')
        .select('status')
        .where('id', '=', id ?? '')
        .executeTakeFirstOrThrow();
      if (row.status === 'sent') break;
      await sleep(50);
    }
    await sleep(400);
    expect(arrivalsByOutboxId().get(id ?? '')).toBe(1);
    expect(
      (
        await test.db.kysely
          .selectFrom('outbox_items')
          .select('status')
          .where('id', '=', id ?? '')
          .executeTakeFirst()
      )?.status,
    ).toBe('sent');
  });
});
