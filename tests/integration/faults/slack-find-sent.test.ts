import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import type { OutboxItem } from '../../../src/delivery/deliveries.js';
import { Outbox } from '../../../src/delivery/outbox.js';
import type { PortDeliverer } from '../../../src/delivery/port-deliverer.js';
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
  conversationId: 'C0BUSY',
} as const;
// Before the fake's first message timestamp (1.7e9 s), so the look-back covers all of them.
const clock = fixedClock('2023-11-14T00:00:00Z');

describeEachDialect('looking for an earlier Slack attempt', (dialect) => {
  let test: TestDatabase;
  let deliverer: PortDeliverer;

  beforeEach(async () => {
    slack.calls.length = 0;
    slack.messages.clear();
    slack.holds.clear();
    test = await createTestDatabase(dialect);
    ({ deliverer } = slackPortDeliverer(slack, test.db, clock));
  });
  afterEach(async () => {
    slack.holds.clear();
    await test.drop();
  });

  it('finds the message in a busy channel, pages back past hundreds of newer ones', async () => {
    const item: OutboxItem = {
      id: 'ob-busy',
      lane: 'bulk',
      to: CHANNEL,
      message: { type: 'text', key: 'deliveries.none' },
      attempts: 1,
      uncertain: true,
      createdAt: clock.now().toISOString(),
    };
    expect(await deliverer.deliver(item, new AbortController().signal)).toMatchObject({ ok: true });
    slack.chatter('C0BUSY', 260);
    const found = await deliverer.findSent(item);
    expect(found).toMatchObject({ platform: 'slack', conversationId: 'C0BUSY' });
    expect(await deliverer.findSent({ ...item, id: 'ob-never' })).toBeNull();
  });

  it('gives up a look-up that hangs, and neither sends blindly nor holds the item', async () => {
    const outbox = new Outbox(test.db, clock, createLogger('silent'), deliverer, {
      sendTimeoutMs: 100,
      unknownMarginMs: 0,
      random: () => 0,
    });
    const id = await outbox.enqueue({
      lane: 'bulk',
      to: CHANNEL,
      message: { type: 'text', key: 'deliveries.none' },
    });
    await test.db.kysely.updateTable('outbox_items').set({ uncertain: 1, attempts: 1 }).execute();
    slack.holds.set('conversations.history', 3_000);
    await outbox.drain();
    const row = await test.db.kysely
      .selectFrom('outbox_items')
      .selectAll()
      .where('id', '=', id ?? '')
      .executeTakeFirstOrThrow();
    // Still waiting, still uncertain, tried again later — and nothing reached the channel.
    expect(row).toMatchObject({ status: 'pending', uncertain: 1, attempts: 2, claim_token: null });
    expect(slack.delivered('chat.postMessage')).toEqual([]);
  });
});
