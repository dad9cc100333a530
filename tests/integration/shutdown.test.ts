import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeConnector } from '../fakes/fake-connector.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { exited, spawnServe } from '../support/cli.js';
import { postSlack, slashCommand, TEST_SIGNING_SECRET } from '../support/slack.js';
import { until } from '../support/wait.js';

const slack = new FakeSlack();
const connector = new FakeConnector();
let dir: string;

beforeAll(async () => {
  await slack.start();
  await connector.start();
  dir = mkdtempSync(join(tmpdir(), 'delmal-shutdown-'));
});
afterAll(async () => {
  await slack.stop();
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A port nobody listens on right now (the child process cannot report one chosen by the OS). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// Teams is driven in shutdown-teams.test.ts: the fake connector can be put on the serviceUrl
// allow-list only by an in-process start (startDelmal's teamsServiceUrls), not through the binary's
// environment; that test closes delmal the way this binary does on SIGTERM.
describe('delmal serve shuts down gracefully (the real binary)', () => {
  it('answers every Slack request in flight when SIGTERM arrives, then exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawnServe({
      DATABASE_URL: join(dir, 'delmal.sqlite'),
      PORT: String(port),
      DELMAL_ENV: 'test',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    await until(
      () => child.output().includes('delmal listening') || child.exitCode !== null,
      'start-up',
      30_000,
    );
    expect(child.exitCode).toBeNull();

    // Slow platforms: every request below is still being worked on when the signal arrives.
    slack.holds.set('users.info', 1500);
    const slackRequests = [1, 2, 3, 4].map((n) =>
      postSlack(
        base,
        slashCommand('5', { userId: `U0SLOW${n}`, responseUrl: slack.responseUrl(`slow-${n}`) }),
        'application/x-www-form-urlencoded',
      ).then(async (response) => ({ status: response.status, body: await response.text() })),
    );
    await until(
      () => (slack.arrivals.get('users.info') ?? 0) >= 4,
      'all requests to reach the slow platform calls',
      15_000,
    );
    child.kill('SIGTERM');

    const slackAnswers = await Promise.all(slackRequests);
    expect(await exited(child, 20_000)).toBe(0);
    expect(child.output()).toContain('shutting down');

    // Each slash command was answered: in its ack, or (when the ack had to go out empty) at its
    // response URL.
    const goal = 'Sårbara barn får det stöd de behöver';
    expect(slackAnswers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const inAck = slackAnswers.filter((a) => a.body.includes(goal)).length;
    const emptyAcks = slackAnswers.filter((a) => a.body === '').length;
    const viaUrl = slack.delivered('response').filter((c) => JSON.stringify(c.body).includes(goal)).length;
    expect(inAck + emptyAcks).toBe(4);
    expect(viaUrl).toBe(emptyAcks);
  }, 60_000);
});
