import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertOutboxItems } from '../../db/outbox-items.repository.js';
import { fixedClock } from '../../src/clock.js';
import { toRow, validateDelivery } from '../../src/delivery/outbox-codec.js';
import { createLogger } from '../../src/logger.js';
import { registerHealthRoutes } from '../../src/server/health.js';
import { HttpServer } from '../../src/server/http-server.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const NOW = '2026-11-22T08:00:00.000Z';

describeEachDialect('readiness with an outbox backlog', (dialect) => {
  let database: TestDatabase;
  let server: HttpServer;
  let base: string;
  beforeEach(async () => {
    database = await createSeededTestDatabase(dialect);
    server = new HttpServer(createLogger('silent'));
    registerHealthRoutes(server, database.db, undefined, fixedClock(NOW));
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  afterEach(async () => {
    await server.close();
    await database.drop();
  });

  const item = (email: string, dueAt: string, status: 'pending' | 'sent' = 'pending') =>
    toRow(
      validateDelivery({
        lane: 'bulk',
        to: { kind: 'person', email },
        message: {
          type: 'reply',
          reply: { summary: 'Hej', blocks: [{ type: 'text', text: 'Hej' }] },
          locale: 'sv',
        },
      }),
      '2026-11-22T07:00:00.000Z',
      undefined,
      { status, next_attempt_at: dueAt },
    );

  it('says how much is due and how long the oldest due item has waited, and stays ready', async () => {
    await insertOutboxItems(database.db.kysely, [
      item('a@example.se', '2026-11-22T07:58:30.000Z'),
      item('b@example.se', '2026-11-22T07:59:50.000Z'),
      // Not due yet (a retry later), and already sent: neither is backlog.
      item('c@example.se', '2026-11-22T08:05:00.000Z'),
      item('d@example.se', '2026-11-22T07:00:00.000Z', 'sent'),
    ]);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: dialect,
      outbox: { due: 2, oldestDueSeconds: 90 },
    });
  });
});
