import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabaseReady } from '../../src/catalog/catalog-seed.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { registerHealthRoutes } from '../../src/server/health.js';
import { HttpServer } from '../../src/server/http-server.js';
import { WarmUp } from '../../src/server/warm-up.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

// The server listens before the search index is built: liveness answers at once, readiness waits.
let database: TestDatabase;
let server: HttpServer;
let base: string;
let attempts = 0;
let finish: (() => void) | undefined;
let fail: ((error: Error) => void) | undefined;
let warmUp: WarmUp;

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  await ensureDatabaseReady(database.db, fixedClock('2026-11-22T08:00:00Z'));
  server = new HttpServer(createLogger('silent'));
  warmUp = new WarmUp(
    () =>
      new Promise<void>((resolve, reject) => {
        attempts++;
        finish = resolve;
        fail = reject;
      }),
    createLogger('silent'),
  );
  registerHealthRoutes(server, database.db, warmUp);
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  void warmUp.start();
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('readiness during the warm-up', () => {
  it('answers /healthz while the warm-up runs, and /readyz 503 warming_up; a failed warm-up is tried again; then ready', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const early = await fetch(`${base}/readyz`);
    expect(early.status).toBe(503);
    expect(await early.json()).toEqual({ status: 'not_ready', reason: 'warming_up' });

    fail?.(new Error('database hiccup'));
    await warmUp.settled();
    // The next readiness check starts another attempt, and still says not ready.
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect(attempts).toBe(2);

    finish?.();
    await warmUp.settled();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'sqlite',
      outbox: { due: 0, oldestDueSeconds: null },
    });
    expect((await fetch(`${base}/readyz`, { method: 'HEAD' })).status).toBe(200);
  });
});
