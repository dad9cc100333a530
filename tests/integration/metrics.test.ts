import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { describeEachDialect } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { TEST_SIGNING_SECRET } from '../support/slack.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

describeEachDialect('metrics', (dialect) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  const start = (env: Record<string, string> = {}) =>
    startTestServer(
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        ...env,
      },
      dialect,
      systemClock,
    );
  const scrape = (base: string, authorization?: string) =>
    fetch(`${base}/metrics`, authorization ? { headers: { authorization } } : {});

  it('are off without DELMAL_METRICS_TOKEN: there is no /metrics', async () => {
    server = await start();
    expect((await scrape(server.base, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('count sends and 429s per platform and show the shared backlog, for the token only', async () => {
    server = await start({ DELMAL_METRICS_TOKEN: TOKEN });
    expect((await scrape(server.base)).status).toBe(401);
    expect((await scrape(server.base, 'Bearer not-the-token-at-all-0000')).status).toBe(401);

    slack.calls.length = 0;
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await server.app.deliveries.enqueue({
      lane: 'bulk',
      to: { kind: 'conversation', platform: 'slack', workspaceId: 'T0001', conversationId: 'C0METRICS' },
      message: {
        type: 'reply',
        reply: { summary: 'Hej', blocks: [{ type: 'text', text: 'Hej' }] },
        locale: 'sv',
      },
    });
    await slack.waitFor('chat.postMessage', 1, 15_000);
    await server.app.settled();

    const response = await scrape(server.base, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(
      value(/^delmal_deliveries_total\{[^}]*platform="slack"[^}]*outcome="rate_limited"[^}]*\} (\d+)$/m),
    ).toBe(1);
    expect(value(/^delmal_deliveries_total\{[^}]*platform="slack"[^}]*outcome="sent"[^}]*\} (\d+)$/m)).toBe(
      1,
    );
    expect(value(/^delmal_outbox_due\{[^}]*\} (\d+)$/m)).toBe(0);
    expect(text).toMatch(/^# TYPE delmal_checkin_rounds_total counter$/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{[^}]*\} \d+/m);
  });
});
