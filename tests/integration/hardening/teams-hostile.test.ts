import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEAMS_BODY_LIMIT } from '../../../adapters/teams/teams-http-route.js';
import { systemClock } from '../../../src/clock.js';
import { FakeConnector } from '../../fakes/fake-connector.js';
import { textBlockTexts } from '../../support/adaptive-cards.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { postActivity, teamsMessage } from '../../support/teams.js';

const connector = new FakeConnector();
let server: TestServer;
const start = () => startTestServer({}, 'sqlite', systemClock, { teamsServiceUrls: [connector.serviceUrl] });

beforeAll(async () => {
  await connector.start();
  server = await start();
});
afterAll(async () => {
  await server?.stop();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
});

const cardOf = (call: { body: Record<string, unknown> } | undefined) =>
  (call?.body.attachments as Array<{ content: Record<string, unknown> }> | undefined)?.[0]?.content ?? {};

const post = (body: string) =>
  fetch(`${server.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('Teams requests that are not activities', () => {
  it('answer 400 — a null body, odd entities, text or members — and nothing is sent', async () => {
    const base = teamsMessage('delmal 5', { serviceUrl: connector.serviceUrl });
    const cases: Array<[string, unknown]> = [
      ['null', null],
      ['array', []],
      ['string', 'message'],
      ['empty object', {}],
      ['entities not a list', { ...base, entities: 'mention' }],
      ['mention without mentioned', { ...base, entities: [{ type: 'mention', text: '<at>delmal</at>' }] }],
      ['mention of a number', { ...base, entities: [{ type: 'mention', mentioned: 5 }] }],
      ['text a number', { ...base, text: 5 }],
      ['from missing', { ...base, from: undefined }],
      ['conversation null', { ...base, conversation: null }],
      ['membersAdded a string', { ...base, type: 'conversationUpdate', membersAdded: 'everyone' }],
      ['membersAdded of numbers', { ...base, type: 'conversationUpdate', membersAdded: [1, 2] }],
      ['channelData a string', { ...base, channelData: 'team' }],
    ];
    for (const [name, body] of cases) {
      const response = await post(JSON.stringify(body));
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
    }
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(connector.calls).toEqual([]);
  });

  it('answers a conversationUpdate without members quietly', async () => {
    const update = {
      ...teamsMessage('', { serviceUrl: connector.serviceUrl }),
      type: 'conversationUpdate',
      membersAdded: null,
    };
    expect((await postActivity(server.base, update)).status).toBeLessThan(300);
  });

  it(`refuses a body over ${TEAMS_BODY_LIMIT / 1024} kB with 413`, async () => {
    const big = teamsMessage('ensamhet '.repeat(70_000), { serviceUrl: connector.serviceUrl });
    expect((await postActivity(server.base, big)).status).toBe(413);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });
});

describe('the serviceUrl allow-list', () => {
  it.each([
    'https://evil.example.org/teams/',
    'http://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net.evil.example.org/',
    'http://127.0.0.1:9/',
    'file:///etc/passwd',
    'not a url',
  ])('refuses an activity that names %s and sends nothing there', async (serviceUrl) => {
    const response = await postActivity(server.base, teamsMessage('delmal 5', { serviceUrl }));
    expect(response.status).toBe(403);
    expect(connector.calls).toEqual([]);
  });
});

describe('the Teams error boundary', () => {
  it('answers a 240 kB message quickly and politely that it is too long', async () => {
    const started = Date.now();
    const response = await postActivity(
      server.base,
      teamsMessage('ensamhet '.repeat(26_000), {
        serviceUrl: connector.serviceUrl,
        conversationId: 'a:long',
      }),
    );
    expect(response.status).toBe(200);
    const [call] = await connector.waitFor();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(textBlockTexts(cardOf(call)).join(' ')).toContain('Meddelandet är för långt för mig');
  });

  it('sends an apology card with a reference when the database is gone, and answers 200', async () => {
    const own = await start();
    try {
      await own.app.db.close();
      const response = await postActivity(
        own.base,
        teamsMessage('delmal 5', { serviceUrl: connector.serviceUrl, conversationId: 'a:db-down' }),
      );
      expect(response.status).toBe(200);
      const [call] = await connector.waitFor();
      expect(textBlockTexts(cardOf(call)).join(' ')).toMatch(
        /^Jag kommer inte åt min databas just nu, förlåt\..*Referens: [0-9a-f]{8}\.$/,
      );
    } finally {
      await own.stop().catch(() => {});
    }
  });

  it('answers a card action of the wrong shape with a card, not an error', async () => {
    const invoke = {
      ...teamsMessage('', { serviceUrl: connector.serviceUrl }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { verb: 'delmal', data: 'not an object' } },
    };
    const response = await postActivity(server.base, invoke);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; value: Record<string, unknown> };
    expect(body.statusCode).toBe(200);
    expect(textBlockTexts(body.value).join(' ')).toContain('Knappen känns inte igen');
  });

  it('answers a message extension query of the wrong shape with an empty result', async () => {
    const invoke = {
      ...teamsMessage('', { serviceUrl: connector.serviceUrl }),
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 5, parameters: 'x' },
    };
    const response = await postActivity(server.base, invoke);
    expect(response.status).toBe(200);
  });
});
