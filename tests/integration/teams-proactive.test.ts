import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { queueTeamsMessage } from '../../adapters/teams/proactive.js';
import { systemClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity, teamsMessage } from '../support/teams.js';

const connector = new FakeConnector();
let server: TestServer;
const prompt = { type: 'message', text: 'Dags för avstämning av CROSS.' };

beforeAll(async () => {
  await connector.start();
  server = await startTestServer({}, 'sqlite', systemClock, { teamsServiceUrls: [connector.serviceUrl] });
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

const deps = () => ({ db: server.app.db, outbox: server.app.outbox });

it('writes to a person in their existing 1:1 chat with delmal', async () => {
  expect(await queueTeamsMessage(deps(), 'chattar@example.org', prompt)).toBe('queued');
  const [call] = await connector.waitFor();
  expect(decodeURIComponent(call?.path ?? '')).toBe('/v3/conversations/a:chat/activities');
  expect(call?.body.text).toBe('Dags för avstämning av CROSS.');
});

it('opens a 1:1 chat at the tenant’s service URL when there is none, and remembers it', async () => {
  expect(await queueTeamsMessage(deps(), 'kanal@example.org', prompt)).toBe('queued');
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

it('says a person delmal has never seen in Teams is unreachable', async () => {
  expect(await queueTeamsMessage(deps(), 'okand@example.org', prompt)).toBe('unreachable');
});

it('records a blocked person as failed for good, naming them', async () => {
  await server.app.db.kysely
    .deleteFrom('teams_conversations')
    .where('user_aad_object_id', '=', 'aad-in-channel')
    .execute();
  connector.failNext({ status: 403, code: 'MessageWritesBlocked' });
  await queueTeamsMessage(deps(), 'kanal@example.org', prompt, 'prompt:kanal:1');
  await server.app.outbox.drain();
  const row = await server.app.db.kysely
    .selectFrom('outbox')
    .select(['status', 'last_error'])
    .where('dedupe_key', '=', 'prompt:kanal:1')
    .executeTakeFirst();
  expect(row).toEqual({ status: 'failed', last_error: 'kanal@example.org: http_403 MessageWritesBlocked' });
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
  expect(adminCard).toContain('kanal@example.org: http_403 MessageWritesBlocked');
  expect(JSON.stringify(forOther?.body.attachments)).toContain(
    'Det här kommandot är till för planadministratörer.',
  );
});
