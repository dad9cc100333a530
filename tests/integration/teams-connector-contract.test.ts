import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@microsoft/teams.apps';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActivityJson, ConnectorClient } from '../../adapters/teams/connector-client.js';

/**
 * delmal's `ConnectorClient` against the Teams SDK's own client (`app.api…activities.create`), both
 * sending the same activity: the fake connector (and a fake proxy) must see the same request —
 * method, path, the headers that matter, body — and both must honour HTTP(S)_PROXY and NO_PROXY
 * the same way. A change on either side (an SDK upgrade, an edit of ours) fails here.
 */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

function recorder(seen: Seen[]): Server {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
      });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":"1:created"}');
    });
  });
  return server;
}
const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
const close = (server: Server) => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
};

const atConnector: Seen[] = [];
const atProxy: Seen[] = [];
const tunnels: string[] = [];
const connector = recorder(atConnector);
const proxy = recorder(atProxy);
// An HTTPS target goes through a CONNECT tunnel: the proxy records where to and refuses.
proxy.on('connect', (req, socket) => {
  tunnels.push(req.url ?? '');
  socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
});
let serviceUrl = '';
let proxyUrl = '';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const BOT_TOKEN = [
  b64({ alg: 'RS256', typ: 'JWT' }),
  b64({ aud: 'https://api.botframework.com', exp: Math.floor(Date.now() / 1000) + 3600 }),
  'c2lnbmF0dXJl',
].join('.');
const quiet = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, log() {}, child: () => quiet };
const app = new App({
  clientId: 'bot-id',
  token: () => BOT_TOKEN,
  httpServerAdapter: { registerRoute: () => undefined },
  logger: quiet as never,
});
const conversation = '19:network@thread.tacv2;messageid=1700000000000';
const activity = {
  type: 'message',
  text: '',
  replyToId: '1700000000000',
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive', content: { body: 'Delmål 5 – å' } },
  ],
};

/** One send through the SDK's client and one through ours, with `env` as the process environment. */
async function bothSend(env: Record<string, string>, url = serviceUrl) {
  const saved = { ...process.env };
  Object.assign(process.env, env); // the SDK's client (axios) reads the process environment
  try {
    const sdk = await app.api
      .fromServiceUrl({ serviceUrl: url })
      .conversations.activities(conversation)
      .create(activity as never)
      .then(
        () => 'sent',
        (error: unknown) => error,
      );
    const ours = await new ConnectorClient(app.tokenProvider, { env: { ...process.env } })
      .createActivity(url, conversation, activity)
      .then(
        () => 'sent',
        (error: unknown) => error,
      );
    return { sdk, ours };
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const essentials = (seen: Seen | undefined) => ({
  method: seen?.method,
  url: seen?.url,
  contentType: seen?.headers['content-type'],
  authorization: seen?.headers.authorization,
  host: seen?.headers.host,
  body: seen?.body,
});

beforeAll(async () => {
  serviceUrl = `http://127.0.0.1:${await listen(connector)}/teams/`;
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});
afterAll(async () => {
  await close(connector);
  await close(proxy);
});
beforeEach(() => {
  atConnector.length = 0;
  atProxy.length = 0;
  tunnels.length = 0;
});

const NO_PROXY_ENV = { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '', NO_PROXY: '' };

describe('ConnectorClient sends what the Teams SDK’s client sends', () => {
  it('posts the same request to the connector: method, path, token, content type, body', async () => {
    expect(await bothSend(NO_PROXY_ENV)).toEqual({ sdk: 'sent', ours: 'sent' });
    expect(atConnector).toHaveLength(2);
    const [sdk, ours] = atConnector;
    expect(essentials(ours)).toEqual(essentials(sdk));
    expect(essentials(sdk)).toMatchObject({
      method: 'POST',
      url: '/teams/v3/conversations/19:network@thread.tacv2;messageid=1700000000000/activities',
      authorization: `Bearer ${BOT_TOKEN}`,
    });
    // The SDK names itself `teams.ts[apps]/<version>`; delmal's sends say the same, then `delmal`.
    expect(ours?.headers['user-agent']).toBe(`${sdk?.headers['user-agent']} delmal`);
  });

  it('posts a card serialised once (a shared answer) as the same request', async () => {
    const { attachments, ...envelope } = activity;
    const once = ActivityJson.of(envelope, Buffer.from(JSON.stringify(attachments)));
    await bothSend(NO_PROXY_ENV);
    await new ConnectorClient(app.tokenProvider, { env: {} }).createActivity(serviceUrl, conversation, once);
    const [sdk, , ours] = atConnector;
    expect(essentials(ours)).toEqual(essentials(sdk));
    expect(ours?.headers['content-length']).toBe(sdk?.headers['content-length']);
  });

  it('goes through HTTP_PROXY as the SDK does (the absolute URL to the proxy)', async () => {
    expect(await bothSend({ ...NO_PROXY_ENV, HTTP_PROXY: proxyUrl })).toEqual({ sdk: 'sent', ours: 'sent' });
    expect(atConnector).toHaveLength(0);
    expect(atProxy).toHaveLength(2);
    const [sdk, ours] = atProxy;
    expect(essentials(ours)).toEqual(essentials(sdk));
    expect(sdk?.url).toBe(`${serviceUrl}v3/conversations/${conversation}/activities`);
  });

  it('skips the proxy for NO_PROXY hosts, as the SDK does', async () => {
    await bothSend({ ...NO_PROXY_ENV, HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    expect(atProxy).toHaveLength(0);
    expect(atConnector).toHaveLength(2);
  });

  it('tunnels an HTTPS connector through HTTPS_PROXY (CONNECT), as the SDK does', async () => {
    const result = await bothSend(
      { ...NO_PROXY_ENV, HTTPS_PROXY: proxyUrl },
      'https://smba.trafficmanager.net/emea/',
    );
    // The fake proxy refuses the tunnel: neither sends, and neither went around the proxy.
    expect(result.sdk).toBeInstanceOf(Error);
    expect(result.ours).toBeInstanceOf(Error);
    expect(tunnels).toEqual(['smba.trafficmanager.net:443', 'smba.trafficmanager.net:443']);
  });
});
