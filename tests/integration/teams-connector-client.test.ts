import type { IncomingHttpHeaders } from 'node:http';
import { App } from '@microsoft/teams.apps';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConnectorClient, ConnectorHttpError } from '../../adapters/teams/connector-client.js';
import { teamsDeliveryResult } from '../../adapters/teams/teams-delivery-result.js';
import { LoopbackServer } from '../fakes/loopback-server.js';

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

let seen: Seen[];
let answer: { status: number; headers?: Record<string, string>; body: string };
const connector = new LoopbackServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    });
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body);
  });
});
const serviceUrl = () => `http://127.0.0.1:${connector.port}/teams/`;
const quiet = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, log() {}, child: () => quiet };

beforeEach(async () => {
  seen = [];
  answer = { status: 201, body: '{"id":"1:activity"}' };
  await connector.start();
});
afterEach(() => connector.stop());

/** A bot token as the SDK reads it (a JWT; the connector, not the bot, checks its signature). */
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const BOT_TOKEN = [
  b64({ alg: 'RS256', typ: 'JWT' }),
  b64({ aud: 'https://api.botframework.com', exp: Math.floor(Date.now() / 1000) + 3600 }),
  'c2lnbmF0dXJl',
].join('.');

const activity = {
  type: 'message',
  summary: 'Hej',
  attachments: [{ contentType: 'x', content: { a: 'å' } }],
};

it("posts the activity where the SDK would, with the SDK's bot token, and returns its id", async () => {
  // Token credentials: the SDK's token source hands out what this provider gives, for its bot scope.
  const scopes: string[] = [];
  const app = new App({
    clientId: 'bot-id',
    token: (scope: string | string[]) => {
      scopes.push(String(scope));
      return BOT_TOKEN;
    },
    httpServerAdapter: { registerRoute: () => undefined },
    logger: quiet as never,
  });
  const client = new ConnectorClient(app.tokenProvider);
  const created = await client.createActivity(serviceUrl(), 'a:conv;messageid=17', activity);
  expect(created).toEqual({ id: '1:activity' });
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({
    method: 'POST',
    path: '/teams/v3/conversations/a:conv;messageid=17/activities',
    body: activity,
  });
  expect(seen[0]?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  expect(seen[0]?.headers['content-type']).toBe('application/json');
  expect(scopes).toEqual(['https://api.botframework.com/.default']);
});

it('sends no Authorization header without credentials (local and test only)', async () => {
  const app = new App({
    dangerouslyAllowUnauthenticatedRequests: true,
    httpServerAdapter: { registerRoute: () => undefined },
    logger: quiet as never,
  });
  await new ConnectorClient(app.tokenProvider).createActivity(serviceUrl(), 'a:conv', activity);
  expect(seen[0]?.headers.authorization).toBeUndefined();
});

it('fails with the status, headers and error code the delivery mapping reads (429, 403 blocked)', async () => {
  const client = new ConnectorClient({ getAppToken: async () => null });
  answer = { status: 429, headers: { 'retry-after': '7' }, body: '{"error":{"code":"Throttled"}}' };
  const limited = await client.createActivity(serviceUrl(), 'a:conv', activity).catch((e: unknown) => e);
  expect(limited).toBeInstanceOf(ConnectorHttpError);
  expect(teamsDeliveryResult(limited, 'b')).toEqual({
    ok: false,
    kind: 'rate_limited',
    retryAfterMs: 7000,
    bucket: 'b',
  });
  answer = { status: 403, body: '{"error":{"code":"MessageWritesBlocked"}}' };
  const blocked = await client.createActivity(serviceUrl(), 'a:conv', activity).catch((e: unknown) => e);
  expect(teamsDeliveryResult(blocked)).toMatchObject({ ok: false, kind: 'unreachable', reason: 'blocked' });
});

it('reports a connector that cannot be reached as never sent (safe to retry)', async () => {
  const client = new ConnectorClient({ getAppToken: async () => null });
  const port = connector.port;
  await connector.stop();
  const error = await client
    .createActivity(`http://127.0.0.1:${port}/`, 'a:conv', activity)
    .catch((e: unknown) => e);
  expect(teamsDeliveryResult(error)).toMatchObject({ ok: false, kind: 'transient', error: 'ECONNREFUSED' });
  await connector.start();
});
