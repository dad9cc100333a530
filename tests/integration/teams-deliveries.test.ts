import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { FakeConnector } from '../fakes/fake-connector.js';
import type { TestServer } from '../support/server.js';
import { postActivity, startTeamsTestServer, teamsMessage } from '../support/teams.js';

const connector = new FakeConnector();
let server: TestServer;

beforeAll(async () => {
  server = await startTeamsTestServer(connector);
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
afterAll(() => server?.stop());
beforeEach(() => {
  connector.calls.length = 0;
});

/** A message delmal starts itself, to a person by catalog e-mail, through the running app's outbox. */
const queue = (email: string, dedupeKey?: string) =>
  server.app.deliveries.enqueue({
    lane: 'bulk',
    to: { kind: 'person', email, platform: 'teams' },
    message: { type: 'text', key: 'checkin.prompt.text' },
    ...(dedupeKey ? { dedupeKey } : {}),
  });
const rowOf = (id: string | undefined) =>
  server.app.db.kysely
    .selectFrom('outbox_items')
    .select(['status', 'failure_reason', 'recipient'])
    .where('id', '=', id ?? '')
    .executeTakeFirst();
const textOf = (call: { body: Record<string, unknown> } | undefined) =>
  JSON.stringify(call?.body.attachments);

it('writes to a person in their existing 1:1 chat with delmal', async () => {
  await queue('chattar@example.org');
  const [call] = await connector.waitFor();
  expect(decodeURIComponent(call?.path ?? '')).toBe('/v3/conversations/a:chat/activities');
  expect(textOf(call)).toContain('Hur går arbetet just nu? Välj status.');
});

it('opens a 1:1 chat at the tenant’s service URL when there is none, and remembers it', async () => {
  await queue('kanal@example.org');
  const [delivered] = await connector.waitFor();
  const create = connector.calls.find((c) => c.path === '/v3/conversations');
  expect(create?.body).toMatchObject({ members: [{ id: 'aad-in-channel' }], tenantId: 'tenant-1' });
  expect(decodeURIComponent(delivered?.path ?? '')).toMatch(
    /^\/v3\/conversations\/a:created-\d+\/activities$/,
  );
  const stored = await server.app.db.kysely
    .selectFrom('teams_conversations')
    .selectAll()
    .where('user_aad_object_id', '=', 'aad-in-channel')
    .executeTakeFirst();
  expect(stored?.conversation_type).toBe('personal');
});

it('records a person delmal has never seen in Teams as unreachable, without retrying', async () => {
  const id = await queue('okand@example.org');
  await server.app.settled();
  expect(await rowOf(id)).toMatchObject({ status: 'failed', failure_reason: 'not_installed' });
  expect(connector.calls.filter((c) => c.method === 'POST')).toEqual([]);
});

it('records a blocked person as failed for good, naming them', async () => {
  await server.app.db.kysely
    .deleteFrom('teams_conversations')
    .where('user_aad_object_id', '=', 'aad-in-channel')
    .execute();
  connector.failNext({ status: 403, code: 'MessageWritesBlocked' });
  const id = await queue('kanal@example.org', 'prompt:kanal:1');
  // The same effect asked twice is one item.
  expect(await queue('kanal@example.org', 'prompt:kanal:1')).toBeUndefined();
  await server.app.settled();
  expect(await rowOf(id)).toEqual({
    status: 'failed',
    failure_reason: 'blocked',
    recipient: 'kanal@example.org',
  });
});

it('shows administrators what could not be delivered, and only them', async () => {
  const admin = { id: '29:admin', aadObjectId: 'aad-admin' };
  connector.members.set('29:admin', { name: 'Maria', email: 'maria.sandberg@example.org' });
  await postActivity(
    server.base,
    teamsMessage('delmal leveranser', {
      serviceUrl: connector.serviceUrl,
      conversationId: 'a:admin',
      from: admin,
    }),
  );
  await postActivity(
    server.base,
    teamsMessage('delmal leveranser', {
      serviceUrl: connector.serviceUrl,
      conversationId: 'a:chat',
      from: { id: '29:in-chat', aadObjectId: 'aad-in-chat' },
    }),
  );
  const [forAdmin, forOther] = await connector.waitFor(2);
  const adminCard = JSON.stringify(forAdmin?.body.attachments);
  expect(adminCard).toContain('Misslyckade för gott');
  expect(adminCard).toContain('kanal@example.org');
  expect(adminCard).toContain('Personen har blockerat appen.');
  expect(JSON.stringify(forOther?.body.attachments)).toContain(
    'Det här kommandot är till för planadministratörer.',
  );
});
