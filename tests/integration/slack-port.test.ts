import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { LocalPort } from '../../adapters/local/local-port.js';
import { OUTBOX_EVENT_TYPE, type SlackPort } from '../../adapters/slack/slack-port.js';
import type { ChatPort } from '../../src/chat/chat-port.js';
import type { Platform } from '../../src/chat/inbound.js';
import { fixedClock } from '../../src/clock.js';
import type { OutboxItem } from '../../src/delivery/deliveries.js';
import { PortDeliverer } from '../../src/delivery/port-deliverer.js';
import { translate } from '../../src/i18n/i18n.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { slackPortDeliverer } from '../support/slack-port.js';

const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

const ANNA = 'anna.lindqvist@example.org';
const item = (over: Partial<OutboxItem> & Pick<OutboxItem, 'id' | 'to'>): OutboxItem => ({
  lane: 'bulk',
  message: { type: 'text', key: 'checkin.prompt.text' },
  attempts: 0,
  uncertain: false,
  ...over,
});
const signal = () => new AbortController().signal;

describeEachDialect('the Slack port', (dialect) => {
  let db: TestDatabase;
  let port: SlackPort;
  let deliverer: PortDeliverer;
  const clock = fixedClock('2026-11-23T08:00:00Z');

  beforeEach(async () => {
    slack.calls.length = 0;
    slack.users.clear();
    slack.messages.clear();
    slack.users.set('U0ANNA', { email: ANNA, name: 'Anna Lindqvist' });
    db = await createSeededTestDatabase(dialect);
    ({ port, deliverer } = slackPortDeliverer(slack, db.db, clock));
  });
  afterEach(() => db.drop());

  it('finds a person by catalog e-mail, DMs them in their language with the outbox id, and remembers the DM', async () => {
    await db.db.kysely.updateTable('people').set({ locale: 'en' }).where('email', '=', ANNA).execute();
    const first = await deliverer.deliver(
      item({ id: 'ob-1', to: { kind: 'person', email: ANNA } }),
      signal(),
    );
    expect(first).toEqual({
      ok: true,
      sent: {
        platform: 'slack',
        workspaceId: 'T0001',
        conversationId: 'D0ANNA',
        messageId: expect.any(String),
      },
    });
    const [posted] = slack.delivered('chat.postMessage');
    expect(posted?.body.channel).toBe('D0ANNA');
    expect(posted?.body.text).toBe(translate('en', 'checkin.prompt.text'));
    expect(posted?.body.metadata).toEqual({
      event_type: OUTBOX_EVENT_TYPE,
      event_payload: { outbox_id: 'ob-1' },
    });
    await deliverer.deliver(item({ id: 'ob-2', to: { kind: 'person', email: ANNA } }), signal());
    // Resolved once: the second message needs no look-up and no conversations.open.
    expect(slack.calls.filter((c) => c.method === 'users.lookupByEmail')).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'conversations.open')).toHaveLength(1);
    expect(slack.delivered('chat.postMessage')).toHaveLength(2);
  });

  it('says why someone cannot be reached: not in the workspace, archived channel, bot not in channel', async () => {
    expect(
      await deliverer.deliver(
        item({ id: 'ob-3', to: { kind: 'person', email: 'okand@example.org' } }),
        signal(),
      ),
    ).toMatchObject({ ok: false, kind: 'unreachable', reason: 'not_in_workspace' });
    const channel = {
      kind: 'conversation',
      platform: 'slack',
      workspaceId: 'T0001',
      conversationId: 'C0OLD',
    } as const;
    slack.failNext(
      'chat.postMessage',
      { status: 200, error: 'is_archived' },
      { status: 200, error: 'not_in_channel' },
    );
    expect(await deliverer.deliver(item({ id: 'ob-4', to: channel }), signal())).toMatchObject({
      kind: 'unreachable',
      reason: 'channel_archived',
    });
    expect(await deliverer.deliver(item({ id: 'ob-5', to: channel }), signal())).toMatchObject({
      kind: 'unreachable',
      reason: 'not_installed',
    });
  });

  it('maps 429 to a paused bucket with Retry-After and 5xx to a transient failure', async () => {
    const to = {
      kind: 'conversation',
      platform: 'slack',
      workspaceId: 'T0001',
      conversationId: 'C0NET',
    } as const;
    expect(deliverer.buckets(to).map((b) => b.key)).toEqual([
      'slack:T0001:channel:C0NET',
      'slack:T0001:method:chat.postMessage',
    ]);
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 }, { status: 503 });
    expect(await deliverer.deliver(item({ id: 'ob-6', to }), signal())).toEqual({
      ok: false,
      kind: 'rate_limited',
      retryAfterMs: 7000,
      bucket: 'slack:T0001:channel:C0NET',
    });
    expect(await deliverer.deliver(item({ id: 'ob-7', to }), signal())).toMatchObject({ kind: 'transient' });
  });

  it('publishes App Home with views.publish, within its own tier; other platforms have none', async () => {
    const home = { kind: 'home', platform: 'slack', workspaceId: 'T0001', userId: 'U0ANNA' } as const;
    const result = await deliverer.deliver(
      item({
        id: 'ob-home',
        to: home,
        message: {
          type: 'reply',
          locale: 'sv',
          reply: { summary: 'Mina aktiviteter', blocks: [{ type: 'heading', text: 'Mina aktiviteter' }] },
        },
      }),
      signal(),
    );
    expect(result).toEqual({ ok: true });
    const [published] = slack.delivered('views.publish');
    expect(published?.body).toMatchObject({ user_id: 'U0ANNA', view: { type: 'home' } });
    expect(JSON.stringify(published?.body)).toContain('Mina aktiviteter');
    expect(slack.delivered('chat.postMessage')).toEqual([]);
    expect(port.buckets(home).map((b) => b.key)).toEqual(['slack:T0001:method:views.publish']);
    // Teams and the playground say so instead of failing obscurely.
    const elsewhere = new PortDeliverer(
      new Map<Platform, ChatPort>([['local', new LocalPort({ db: db.db, clock })]]),
      { db: db.db, locale: 'sv' },
    );
    expect(
      await elsewhere.deliver(item({ id: 'ob-home-2', to: { ...home, platform: 'local' } }), signal()),
    ).toMatchObject({ ok: false, kind: 'unreachable', reason: 'not_supported' });
  });

  it('updates a message in place', async () => {
    const ref = {
      platform: 'slack',
      workspaceId: 'T0001',
      conversationId: 'D0ANNA',
      messageId: '1700000000.000100',
    } as const;
    const result = await deliverer.deliver(
      item({ id: 'ob-8', to: { kind: 'person', email: ANNA }, replaces: ref, locale: 'sv' }),
      signal(),
    );
    expect(result).toEqual({ ok: true, sent: ref });
    const [update] = slack.delivered('chat.update');
    expect(update?.body).toMatchObject({ channel: 'D0ANNA', ts: '1700000000.000100' });
    expect(slack.delivered('chat.postMessage')).toEqual([]);
  });

  it('after a timed-out send, finds the message that arrived after all instead of sending it twice', async () => {
    const to = { kind: 'person', email: ANNA } as const;
    slack.slowNext('chat.postMessage', 1500);
    const timedOut = await deliverer.deliver(
      item({ id: 'ob-9', to, createdAt: '2023-11-14T22:00:00.000Z' }),
      AbortSignal.timeout(300),
    );
    expect(timedOut).toMatchObject({ ok: false, kind: 'unknown' });
    await slack.waitFor('chat.postMessage', 1);
    const found = await deliverer.findSent(item({ id: 'ob-9', to, uncertain: true, attempts: 1 }));
    expect(found).toEqual({
      platform: 'slack',
      workspaceId: 'T0001',
      conversationId: 'D0ANNA',
      messageId: slack.messages.get('D0ANNA')?.[0]?.ts,
    });
    const history = slack.calls.find((c) => c.method === 'conversations.history');
    expect(history?.body).toMatchObject({ channel: 'D0ANNA', include_all_metadata: 'true' });
    // An item that never reached Slack is not found: it is sent again.
    expect(await deliverer.findSent(item({ id: 'ob-never', to, uncertain: true }))).toBeNull();
  });
});
