import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { cardProblems, textBlockTexts } from '../support/adaptive-cards.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

interface Session {
  conversations: { id: string; name: string }[];
  people: { email: string; role: string }[];
}
interface MessageResponse {
  reply: { summary: string; card: object } | null;
  error?: string;
}
const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

const post = (body: unknown, type = 'application/json') =>
  fetch(`${server.base}/playground/api/messages`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the local playground', () => {
  it('serves the chat page with a strict content security policy', async () => {
    const page = await fetch(`${server.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/playground/adaptivecards.js"');
    expect((await fetch(`${server.base}/playground/adaptivecards.js`)).status).toBe(200);
  });

  it('offers the demo people and one channel per network', async () => {
    const session = await json<Session>(await fetch(`${server.base}/playground/api/session`));
    expect(session.conversations[0]).toMatchObject({ id: 'dm', name: 'delmal (direktmeddelande)' });
    expect(session.conversations.slice(1).every((c) => c.name.startsWith('# '))).toBe(true);
    expect(session.people.every((p) => p.email.endsWith('@example.org'))).toBe(true);
    expect(session.people.some((p) => p.role.includes('ordförande'))).toBe(true);
  });

  it('answers "/delmal 5" in a DM with the Adaptive Card Teams would receive', async () => {
    const response = await post({ conversation: 'dm', text: '/delmal 5' });
    expect(response.status).toBe(200);
    const { reply } = await json<MessageResponse>(response);
    expect(reply?.summary).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(textBlockTexts(reply?.card)).toContain('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(cardProblems(reply?.card ?? {})).toEqual([]);
  });

  it('answers in a network channel only when addressed, and keeps what was said there', async () => {
    expect(
      await (await post({ conversation: 'network:lag-missbruk', text: 'hej allihop' })).json(),
    ).toMatchObject({
      said: { from: 'person', conversation: 'network:lag-missbruk', text: 'hej allihop' },
      reply: null,
    });
    const { reply } = await json<MessageResponse>(
      await post({ conversation: 'network:lag-missbruk', text: '@delmal 3' }),
    );
    expect(reply?.summary).toBe('Delmål 3: Människor lever ett liv fritt från missbruk och beroende');
  });

  it('runs on real time here: the session shows no clock buttons and time cannot be moved', async () => {
    const session = await json<{ clock: { simulated: boolean } }>(
      await fetch(`${server.base}/playground/api/session`),
    );
    expect(session.clock.simulated).toBe(false);
    const clock = await json<{ simulated: boolean; now: string }>(
      await fetch(`${server.base}/playground/api/clock`),
    );
    expect(clock).toEqual({ simulated: false, now: '2026-11-22T08:00:00.000Z' });
    const jump = await fetch(`${server.base}/playground/api/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 60 }),
    });
    expect(jump.status).toBe(405);
  });

  it('rejects malformed messages with a Swedish explanation and no reply', async () => {
    for (const bad of [
      post({ conversation: 'dm', text: '' }),
      post({ conversation: 'dm', text: 'x'.repeat(2001) }),
      post({ conversation: '../etc', text: 'delmal' }),
      post({ conversation: 'dm', text: 'delmal', extra: 1 }),
      post('{"conversation": "dm", "text": ', 'application/json'),
      post('conversation=dm&text=delmal', 'application/x-www-form-urlencoded'),
    ]) {
      const response = await bad;
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect((await json<MessageResponse>(response)).error).toContain('Meddelandet kunde inte tas emot');
    }
  });
});

describe('outside local and test', () => {
  it('never serves the playground in production', async () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(config.env).toBe('production');
    const prod = await startTestServer({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      DELMAL_ENV: 'production',
    });
    try {
      expect((await fetch(`${prod.base}/`)).status).toBe(404);
      expect((await fetch(`${prod.base}/playground/api/session`)).status).toBe(404);
      expect((await fetch(`${prod.base}/healthz`)).status).toBe(200);
    } finally {
      await prod.stop();
    }
  });
});
