import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { saveTeamsConversation } from '../../db/teams-conversations.repository.js';
import { freezeReply } from '../../src/chat/immutable-reply.js';
import type { Reply } from '../../src/chat/reply.js';
import { systemClock } from '../../src/clock.js';
import type { OutboxItem } from '../../src/delivery/deliveries.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { describeEachDialect } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity, teamsMessage } from '../support/teams.js';

const item = (over: Partial<OutboxItem> & Pick<OutboxItem, 'id' | 'to'>): OutboxItem => ({
  lane: 'bulk',
  message: { type: 'text', key: 'checkin.prompt.text' },
  attempts: 0,
  uncertain: false,
  ...over,
});
const cardText = (call: { body: Record<string, unknown> } | undefined) =>
  textBlockTexts(
    ((call?.body.attachments as { content: object }[] | undefined) ?? [])[0]?.content ?? {},
  ).join(' ');

describeEachDialect('the Teams port', (dialect) => {
  const connector = new FakeConnector();
  let server: TestServer;
  const deliver = (it: OutboxItem) => server.app.deliverer.deliver(it, new AbortController().signal);

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({}, dialect, systemClock, { teamsServiceUrls: [connector.serviceUrl] });
    connector.members.set('29:in-chat', { name: 'Chattar', email: 'chattar@example.org' });
    connector.members.set('29:in-channel', { name: 'Kanal', email: 'kanal@example.org' });
    // One person has written to delmal in a 1:1 chat; another only in a channel.
    await postActivity(
      server.base,
      teamsMessage('hjälp', {
        serviceUrl: connector.serviceUrl,
        conversationId: 'a:chat',
        from: { id: '29:in-chat', aadObjectId: 'aad-in-chat' },
      }),
    );
    await postActivity(
      server.base,
      teamsMessage('<at>delmal</at> hjälp', {
        serviceUrl: connector.serviceUrl,
        conversationId: '19:net@thread.tacv2',
        conversationType: 'channel',
        from: { id: '29:in-channel', aadObjectId: 'aad-in-channel' },
      }),
    );
    await connector.waitFor(2);
  });
  afterAll(async () => {
    await server?.stop();
    await connector.stop();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  it('writes to a person by e-mail in their 1:1 chat, as an Adaptive Card in their language', async () => {
    const result = await deliver(
      item({ id: 'ob-1', to: { kind: 'person', email: 'chattar@example.org', platform: 'teams' } }),
    );
    expect(result).toMatchObject({
      ok: true,
      sent: {
        platform: 'teams',
        workspaceId: 'tenant-1',
        conversationId: 'a:chat',
        messageId: expect.any(String),
      },
    });
    const [call] = connector.delivered();
    expect(decodeURIComponent(call?.path ?? '')).toBe('/v3/conversations/a:chat/activities');
    expect(cardText(call)).toContain('Välj');
  });

  it('opens a 1:1 chat at the tenant’s service URL for someone seen only in a channel', async () => {
    const result = await deliver(item({ id: 'ob-2', to: { kind: 'person', email: 'kanal@example.org' } }));
    expect(result).toMatchObject({
      ok: true,
      sent: { conversationId: expect.stringMatching(/^a:created-/) },
    });
    expect(connector.calls.find((c) => c.path === '/v3/conversations')?.body).toMatchObject({
      members: [{ id: 'aad-in-channel' }],
      tenantId: 'tenant-1',
    });
  });

  it('reports who cannot be reached and why: never seen, not installed (403), blocked', async () => {
    expect(
      await deliver(
        item({ id: 'ob-3', to: { kind: 'person', email: 'okand@example.org', platform: 'teams' } }),
      ),
    ).toMatchObject({
      ok: false,
      kind: 'unreachable',
      reason: 'not_installed',
    });
    const to = { kind: 'person', email: 'chattar@example.org', platform: 'teams' } as const;
    connector.failNext(
      { status: 403, code: 'BotNotInConversationRoster' },
      { status: 403, code: 'MessageWritesBlocked' },
    );
    expect(await deliver(item({ id: 'ob-4', to }))).toMatchObject({
      kind: 'unreachable',
      reason: 'not_installed',
    });
    expect(await deliver(item({ id: 'ob-5', to }))).toMatchObject({ kind: 'unreachable', reason: 'blocked' });
    connector.failNext({ status: 429, retryAfter: 3 });
    expect(await deliver(item({ id: 'ob-6', to }))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 3000,
    });
  });

  it('updates a card in place', async () => {
    const ref = {
      platform: 'teams',
      workspaceId: 'tenant-1',
      conversationId: 'a:chat',
      messageId: 'activity-7',
    } as const;
    const result = await deliver(
      item({ id: 'ob-7', to: { kind: 'person', email: 'chattar@example.org' }, replaces: ref, locale: 'en' }),
    );
    expect(result).toEqual({ ok: true, sent: ref });
    const [call] = connector.delivered();
    expect(call?.method).toBe('PUT');
    expect(cardText(call)).toContain('Choose a status');
    expect(decodeURIComponent(call?.path ?? '')).toBe('/v3/conversations/a:chat/activities/activity-7');
  });

  it('sends a shared answer ("delmal 5" asked by many) as the same activity as any other, each in reply to its own message', async () => {
    const answer = () => ({
      summary: 'Delmål 5',
      blocks: [{ type: 'text' as const, text: 'Sårbara barn – ”trygga” & <säkra>' }],
    });
    const shared = freezeReply(answer());
    const to = (inReplyTo: string) =>
      ({
        kind: 'conversation',
        platform: 'teams',
        workspaceId: 'tenant-1',
        conversationId: 'a:chat',
        inReplyTo,
      }) as const;
    const send = (id: string, reply: Reply, inReplyTo: string) =>
      deliver(
        item({ id, lane: 'interactive', to: to(inReplyTo), message: { type: 'reply', reply, locale: 'sv' } }),
      );
    await send('ob-shared-1', shared, 'm-1');
    await send('ob-shared-2', shared, 'm-2');
    await send('ob-fresh', answer(), 'm-3');
    const [first, second, fresh] = connector.delivered().map((c) => c.body);
    expect(first).toMatchObject({ type: 'message', replyToId: 'm-1', summary: 'Delmål 5' });
    expect(second).toMatchObject({ replyToId: 'm-2' });
    // Apart from what it answers, the shared answer is exactly the card rendered fresh.
    expect({ ...first, replyToId: 'm-3' }).toEqual(fresh);
    expect({ ...second, replyToId: 'm-3' }).toEqual(fresh);
    expect(cardText({ body: first ?? {} })).toContain('Sårbara barn – ”trygga” & <säkra>');
  });

  it('has no App Home: says so, and sends nothing', async () => {
    const home = { kind: 'home', platform: 'teams', workspaceId: 'tenant-1', userId: 'aad-in-chat' } as const;
    expect(await deliver(item({ id: 'ob-home', to: home }))).toMatchObject({
      ok: false,
      kind: 'unreachable',
      reason: 'not_supported',
    });
    expect(connector.delivered()).toEqual([]);
  });

  it('never writes to a stored conversation whose service URL is not allowed', async () => {
    // Stored by some other way than an activity this process saw (another replica, an old row).
    await saveTeamsConversation(
      server.app.db.kysely,
      {
        conversationId: 'a:elsewhere',
        serviceUrl: 'https://evil.example.net/',
        tenantId: 'tenant-1',
        conversationType: 'personal',
        userAadObjectId: undefined,
        teamId: undefined,
      },
      new Date().toISOString(),
    );
    const to = {
      kind: 'conversation',
      platform: 'teams',
      workspaceId: 'tenant-1',
      conversationId: 'a:elsewhere',
    } as const;
    expect(await deliver(item({ id: 'ob-evil', to }))).toMatchObject({
      ok: false,
      kind: 'unreachable',
      reason: 'rejected',
      error: 'service_url_not_allowed',
    });
    expect(connector.delivered()).toEqual([]);
  });

  it('draws on the documented per-conversation and per-tenant buckets', () => {
    const to = {
      kind: 'conversation',
      platform: 'teams',
      workspaceId: 'tenant-1',
      conversationId: 'a:chat',
    } as const;
    expect(server.app.deliverer.buckets(to)).toEqual([
      { key: 'teams:conversation:a:chat', limit: 7, perMs: 1000 },
      { key: 'teams:tenant:tenant-1', limit: 50, perMs: 1000 },
    ]);
  });
});
