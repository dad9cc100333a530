import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDelmal, SHUTDOWN_GRACE_MS, startDelmal } from '../../src/app.js';
import { systemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { postActivity, teamsMessage } from '../support/teams.js';
import { until } from '../support/wait.js';

// Teams' half of graceful shutdown. The binary's test (shutdown.test.ts) drives Slack: the fake
// connector can be allowed as a serviceUrl only by an in-process start. Here delmal runs in-process
// and is closed exactly as `delmal serve` closes it on SIGTERM: `close(SHUTDOWN_GRACE_MS)`.
const connector = new FakeConnector();
let database: TestDatabase;
let app: RunningDelmal;

beforeAll(async () => {
  await connector.start();
  database = await createTestDatabase('sqlite', { migrate: false });
  await database.db.close();
  const config = { ...loadConfig({ DATABASE_URL: database.url, DELMAL_ENV: 'test' }), port: 0 };
  app = await startDelmal(config, {
    logger: createLogger('silent'),
    clock: systemClock,
    host: '127.0.0.1',
    teamsServiceUrls: [connector.serviceUrl],
  });
  await app.settled();
});
afterAll(async () => {
  await connector.stop();
  await database?.drop();
});

describe('shutdown with Teams requests in flight', () => {
  it('answers every Teams message in flight when shutdown starts, then refuses new connections', async () => {
    const base = `http://127.0.0.1:${app.port}`;
    // A slow connector: each message waits on its sender's roster look-up when the shutdown starts.
    connector.rosterHoldMs = 1500;
    const requests = [1, 2, 3, 4].map((n) =>
      postActivity(
        base,
        teamsMessage('delmal 5', {
          serviceUrl: connector.serviceUrl,
          conversationId: `a:personal-slow-${n}`,
          from: { id: `29:slow-${n}`, aadObjectId: `00000000-0000-0000-0000-00000000000${n}` },
        }),
      ).then((response) => response.status),
    );
    await until(() => connector.rosterArrivals >= 4, 'all four messages to reach the roster look-up', 15_000);

    const closed = app.close(SHUTDOWN_GRACE_MS);
    expect(await Promise.all(requests)).toEqual([200, 200, 200, 200]);
    await closed;

    // Every message got its answer at the connector, in its own conversation.
    const answered = connector
      .delivered()
      .filter((call) =>
        textBlockTexts(
          ((call.body.attachments as { content: object }[] | undefined) ?? [])[0]?.content ?? {},
        ).includes('Delmål 5: Sårbara barn får det stöd de behöver'),
      )
      .map((call) => decodeURIComponent(call.path))
      .sort();
    expect(answered).toEqual([1, 2, 3, 4].map((n) => `/v3/conversations/a:personal-slow-${n}/activities`));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 30_000);
});
