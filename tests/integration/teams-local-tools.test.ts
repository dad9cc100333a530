import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity, teamsMessage } from '../support/teams.js';

/**
 * Microsoft's local tools (the Agents Playground, the Bot Framework Emulator) are the connector
 * themselves, on `http://localhost:<port>`. With DELMAL_ENV=local delmal answers them; in every
 * other environment a loopback serviceUrl is refused (403) unless a test allowed it by origin.
 */
const connector = new FakeConnector();
let local: TestServer;
let strict: TestServer;
// As the Agents Playground writes it: `localhost`, its port, the `/_connector` path.
const playgroundUrl = () => connector.serviceUrl.replace('127.0.0.1', 'localhost');

beforeAll(async () => {
  await connector.start();
  [local, strict] = await Promise.all([
    startTestServer({ DELMAL_ENV: 'local' }, 'sqlite', systemClock),
    startTestServer({ DELMAL_ENV: 'test' }, 'sqlite', systemClock),
  ]);
});
afterAll(async () => {
  await Promise.all([local?.stop(), strict?.stop()]);
  await connector.stop();
});

const cardOf = (call: { body: Record<string, unknown> } | undefined) =>
  ((call?.body.attachments as { content: object }[] | undefined) ?? [])[0]?.content ?? {};

describe('Teams with a loopback connector', () => {
  it('answers "delmal 5" at the Agents Playground’s localhost connector in local development', async () => {
    connector.calls.length = 0;
    const response = await postActivity(
      local.base,
      teamsMessage('delmal 5', { serviceUrl: playgroundUrl() }),
    );
    expect(response.status).toBe(200);
    const [call] = await connector.waitFor();
    expect(textBlockTexts(cardOf(call))).toContain('Delmål 5: Sårbara barn får det stöd de behöver');
  });

  it('refuses the same activity with 403 outside local development, and sends nothing', async () => {
    connector.calls.length = 0;
    const response = await postActivity(
      strict.base,
      teamsMessage('delmal 5', { serviceUrl: playgroundUrl() }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'service_url_not_allowed' });
    await strict.app.settled();
    expect(connector.calls).toHaveLength(0);
  });

  it('still refuses a connector that is not on loopback in local development', async () => {
    const response = await postActivity(
      local.base,
      teamsMessage('delmal 5', { serviceUrl: 'http://connector.example:56150/_connector' }),
    );
    expect(response.status).toBe(403);
  });
});
