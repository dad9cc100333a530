import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FakeTokenKeys } from '../fakes/fake-token-keys.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity } from '../support/teams.js';

// With credentials, every activity must carry a Bot Framework JWT: signed by a published key, for
// this bot (audience), from the Bot Framework (issuer), for this serviceUrl, not expired.
const CLIENT_ID = '6f1a3f4e-2d7b-4a61-9a55-2b9c2f3d4e5f';
const SERVICE_URL = 'http://127.0.0.1:9/teams/';
const keys = new FakeTokenKeys();
let server: TestServer;

// An installation: delmal stores the conversation and sends nothing, so no outbound token is needed.
const installed = (conversationId: string) => ({
  type: 'conversationUpdate',
  id: `update-${conversationId}`,
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  from: { id: '29:user-1', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
  recipient: { id: '28:delmal', name: 'delmal' },
  conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
  membersAdded: [{ id: '28:delmal' }],
});

beforeAll(async () => {
  await keys.start();
  server = await startTestServer(
    { TEAMS_CLIENT_ID: CLIENT_ID, TEAMS_CLIENT_SECRET: 'test-secret', DELMAL_ENV: 'production' },
    'sqlite',
    systemClock,
    { teamsOpenIdMetadataUrl: keys.openIdMetadataUrl, teamsServiceUrls: [SERVICE_URL] },
  );
});
afterAll(async () => {
  await server?.stop();
  await keys.stop();
});

const stored = async (conversationId: string) =>
  (
    await server.app.db.kysely
      .selectFrom('teams_conversations')
      .select('conversation_id')
      .where('conversation_id', '=', conversationId)
      .execute()
  ).length;

it('accepts a valid Bot Framework token and handles the activity', async () => {
  const token = keys.token({ aud: CLIENT_ID, serviceurl: SERVICE_URL });
  const response = await postActivity(server.base, installed('a:valid'), {
    authorization: `Bearer ${token}`,
  });
  expect(response.status).toBe(200);
  expect(await stored('a:valid')).toBe(1);
});

it.each([
  ['no token', undefined],
  ['a garbage token', 'not-a-jwt'],
  [
    'the wrong audience',
    keys.token({ aud: '11111111-2222-3333-4444-555555555555', serviceurl: SERVICE_URL }),
  ],
  [
    'the wrong issuer',
    keys.token({ aud: CLIENT_ID, serviceurl: SERVICE_URL, iss: 'https://evil.example.org' }),
  ],
  ['another serviceUrl', keys.token({ aud: CLIENT_ID, serviceurl: 'http://127.0.0.1:9/other/' })],
  [
    'an expired token',
    keys.token({ aud: CLIENT_ID, serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) - 3600 }),
  ],
  [
    'an unpublished signing key',
    keys.token({ aud: CLIENT_ID, serviceurl: SERVICE_URL }, { signWithUnknownKey: true }),
  ],
])('rejects an activity with %s (401) and does nothing', async (label, token) => {
  const conversationId = `a:${label.replace(/\s+/g, '-')}`;
  const response = await postActivity(
    server.base,
    installed(conversationId),
    token ? { authorization: `Bearer ${token}` } : {},
  );
  expect(response.status).toBe(401);
  expect(await stored(conversationId)).toBe(0);
});
