import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { exited, spawnServe } from '../support/cli.js';
import { describeOnPostgres } from '../support/databases.js';
import { freePort } from '../support/replicas.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { eventCallback, postSlack, slackEnv } from '../support/slack.js';
import { until, untilAsync } from '../support/wait.js';

const GOAL_3 = 'Delmål 3: Människor lever ett liv fritt från missbruk och beroende';
/** A DM to the app asking for delmål 3, as Slack's Events API delivers it. */
const dm = (eventId: string) =>
  eventCallback(
    {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: 'U0MEMBER',
      text: 'delmal 3',
      ts: '1700000000.000200',
    },
    eventId,
  );

const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());
beforeEach(() => {
  slack.calls.length = 0;
});

/**
 * Slack never sends an event again once it has its 200: an event acknowledged before its receipt
 * and answer are committed is lost to a crash in between. The 200 waits for that commit.
 */
describeOnPostgres('a Slack event is acknowledged only once its answer is stored', () => {
  let server: TestServer;
  let lock: pg.Client;
  afterEach(async () => {
    await lock?.end().catch(() => {});
    await server?.stop();
  });

  it('holds the 200 while the receipt cannot be written, and sends it once the write commits', async () => {
    server = await startTestServer(slackEnv(slack), 'postgres', systemClock);
    // Another session holds the receipts table: the DM's receipt write waits for it.
    lock = new pg.Client({ connectionString: server.url });
    await lock.connect();
    await lock.query('begin');
    await lock.query('lock table inbound_receipts in share row exclusive mode');
    let acknowledged = false;
    const response = postSlack(server.base, dm('Ev0HELD'), 'application/json').then((r) => {
      acknowledged = true;
      return r;
    });
    await untilAsync(
      async () =>
        (
          await lock.query(
            "select 1 from pg_locks where not granted and relation = 'inbound_receipts'::regclass",
          )
        ).rowCount === 1,
      'the receipt write to wait for the lock',
    );
    expect(acknowledged).toBe(false);

    await lock.query('commit');
    expect((await response).status).toBe(200);
    // By the time Slack has its 200, the receipt and the answer are in the database.
    const receipts = await lock.query("select key from inbound_receipts where key = 'slack:event:Ev0HELD'");
    expect(receipts.rowCount).toBe(1);
    const items = await lock.query("select recipient from outbox_items where lane = 'interactive'");
    expect(items.rowCount).toBe(1);
    const [answer] = await slack.waitFor('chat.postMessage');
    expect(answer?.body).toMatchObject({ channel: 'D0DM', text: GOAL_3 });
    // Starting a server on a fresh PostgreSQL database (migrations, catalog) takes most of it.
  }, 60_000);
});

describe('a Slack event acknowledged just before a crash', () => {
  let dir: string;
  const children: ReturnType<typeof spawnServe>[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'delmal-event-crash-'));
  });
  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited(child);
      }
    rmSync(dir, { recursive: true, force: true });
  });

  const serve = async (env: Record<string, string>) => {
    const port = await freePort();
    const child = spawnServe({ ...env, PORT: String(port) });
    children.push(child);
    await until(
      () => child.output().includes('delmal listening') || child.exitCode !== null,
      'start-up',
      60_000,
    );
    expect(child.exitCode).toBeNull();
    return { child, base: `http://127.0.0.1:${port}` };
  };

  it('is answered after the restart: what Slack was told it has is not lost', async () => {
    const env = {
      ...slackEnv(slack),
      DATABASE_URL: join(dir, 'delmal.sqlite'),
      DELMAL_ENV: 'test',
      LOG_LEVEL: 'info',
      // A dead process's claim on the answer runs out after two seconds.
      DELMAL_LEASE_SECONDS: '2',
    };
    const first = await serve(env);
    // The answer never reaches Slack from the first process: it is killed the moment Slack has its 200.
    const open = slack.gate('chat.postMessage');
    const response = await postSlack(first.base, dm('Ev0CRASH'), 'application/json');
    first.child.kill('SIGKILL');
    expect(response.status).toBe(200);
    await exited(first.child);
    open();
    expect(slack.delivered('chat.postMessage')).toEqual([]);

    const second = await serve(env);
    const [answer] = await slack.waitFor('chat.postMessage', 1, 15_000);
    expect(answer?.body).toMatchObject({ channel: 'D0DM', text: GOAL_3 });
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(slack.delivered('chat.postMessage')).toHaveLength(1);
  }, 150_000);
});
