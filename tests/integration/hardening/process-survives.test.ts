import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { spawnServe } from '../../support/cli.js';
import { postSlack, TEST_SIGNING_SECRET } from '../../support/slack.js';

/** A port nobody listens on right now (the OS picks it; we release it for the child). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const slack = new FakeSlack();
let child: ReturnType<typeof spawnServe>;
let base: string;

beforeAll(async () => {
  await slack.start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawnServe({
    DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'delmal-crash-')), 'delmal.sqlite'),
    DELMAL_ENV: 'test',
    PORT: String(port),
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
  });
  // Listening is announced in the log: wait for that line, not for a guessed time.
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (child.output().includes('delmal listening')) resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`delmal serve exited with ${code}: ${child.output()}`)));
    check();
  });
}, 60_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await slack.stop();
});

describe('delmal serve under hostile signed Slack requests (the real binary)', () => {
  it('stays alive after a signed JSON null and payload=null, and answers them 400', async () => {
    const json = await postSlack(base, 'null', 'application/json');
    const form = await postSlack(base, 'payload=null', 'application/x-www-form-urlencoded');
    expect([json.status, form.status]).toEqual([400, 400]);
    // Bolt's receiver would have rejected asynchronously: ask again after it had the chance.
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(child.exitCode).toBeNull();
    expect(child.output()).not.toContain('unhandled promise rejection');
    expect(child.output()).not.toContain('uncaught exception');
  });
});
