import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningDelmal, startDelmal } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import type { InFlight } from '../../src/server/in-flight.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { postSlack, slackEnv, slashCommand } from '../support/slack.js';
import { postActivity, teamsMessage } from '../support/teams.js';
import { until } from '../support/wait.js';

// `delmal serve` listens before the Slack and Teams SDKs are loaded (so /healthz answers within
// the start-up budget). A platform request that arrives in between waits for its adapter: it is
// answered like any other, never with a 404 or 5xx. The adapters are held back through
// `beforeAdapters` until the early requests have reached the server.

const slack = new FakeSlack();
const connector = new FakeConnector();
let database: TestDatabase | undefined;
let running: RunningDelmal | undefined;

beforeAll(async () => {
  await slack.start();
  await connector.start();
});
beforeEach(() => {
  slack.calls.length = 0;
  connector.calls.length = 0;
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await database?.drop();
  database = undefined;
});
afterAll(async () => {
  await slack.stop();
  await connector.stop();
});

/** Starts delmal with both adapters held back once it listens; resolves when it listens. */
async function startHeld(env: Record<string, string> = {}) {
  database = await createTestDatabase('sqlite', { migrate: false });
  await database.db.close();
  const config = {
    ...loadConfig({
      DATABASE_URL: database.url,
      DELMAL_ENV: 'test',
      ...slackEnv(slack),
      ...env,
    }),
    port: 0,
  };
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let listened: (server: { port: number; work: InFlight }) => void = () => {};
  const listening = new Promise<{ port: number; work: InFlight }>((resolve) => {
    listened = resolve;
  });
  const started = startDelmal(config, {
    clock: systemClock,
    host: '127.0.0.1',
    logger: createLogger(process.env.DEBUG_LOG ?? 'silent'),
    // Acks empty and answers through the response URL, whatever the load on the machine.
    slackInlineAnswerMs: 0,
    teamsServiceUrls: [connector.serviceUrl],
    beforeAdapters: (server) => {
      listened(server);
      return held;
    },
  });
  // Should start-up fail before listening, the test fails with that error instead of waiting.
  const { port, work } = await Promise.race([listening, started.then(() => listening)]);
  return { base: `http://127.0.0.1:${port}`, work, release, started };
}

describe('requests that arrive before the platform adapters are loaded', () => {
  it('answers /healthz at once, and a signed Slack command and a Teams message once the adapters are there', async () => {
    const { base, work, release, started } = await startHeld();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toEqual({ status: 'not_ready', reason: 'warming_up' });

    const before = work.size;
    const answered: string[] = [];
    const slackAnswer = postSlack(
      base,
      slashCommand('5', { responseUrl: slack.responseUrl('early') }),
      'application/x-www-form-urlencoded',
    ).finally(() => answered.push('slack'));
    const activity = teamsMessage('delmal 5', { serviceUrl: connector.serviceUrl });
    const teamsAnswer = postActivity(base, activity).finally(() => answered.push('teams'));
    await until(() => work.size >= before + 2, 'both requests to reach the server');
    // Both wait for their adapter; the server keeps answering meanwhile.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(answered).toEqual([]);

    release();
    running = await started;
    const slackResponse = await slackAnswer;
    expect(slackResponse.status).toBe(200);
    expect(await slackResponse.text()).toBe('');
    const [reply] = await slack.waitFor('response');
    expect(JSON.stringify(reply?.body.blocks)).toContain('Delmål 5: Sårbara barn får det stöd de behöver');

    expect((await teamsAnswer).status).toBe(200);
    const [call] = await connector.waitFor();
    expect(call?.body.replyToId).toBe(activity.id);
    expect(JSON.stringify(call?.body.attachments)).toContain(
      'Delmål 5: Sårbara barn får det stöd de behöver',
    );
  });

  it('still refuses an early Slack request with a bad signature (401), once Slack is loaded', async () => {
    const { base, work, release, started } = await startHeld();
    const before = work.size;
    const forged = postSlack(
      base,
      slashCommand('5', { responseUrl: slack.responseUrl('forged') }),
      'application/x-www-form-urlencoded',
      { secret: 'another-secret' },
    );
    await until(() => work.size >= before + 1, 'the request to reach the server');
    release();
    running = await started;
    expect((await forged).status).toBe(401);
    await running.settled();
    expect(slack.calls.filter((c) => c.method === 'response')).toEqual([]);
  });

  it('answers an early Slack request 503 when Slack then rejects the token, and start-up fails', async () => {
    slack.failNext('auth.test', { status: 200, error: 'invalid_auth' });
    const { base, work, release, started } = await startHeld();
    const failed = expect(started).rejects.toMatchObject({ code: 'SLACK_REJECTED' });
    const before = work.size;
    const early = postSlack(
      base,
      slashCommand('5', { responseUrl: slack.responseUrl('rejected') }),
      'application/x-www-form-urlencoded',
    );
    await until(() => work.size >= before + 1, 'the request to reach the server');
    release();
    await failed;
    const response = await early;
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'unavailable' });
  });
});
