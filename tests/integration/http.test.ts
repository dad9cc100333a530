import { get } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDelmal, startDelmal } from '../../src/app.js';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

describeEachDialect('HTTP server', (dialect) => {
  let database: TestDatabase;
  let app: RunningDelmal;
  let base: string;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await database.db.close();
    const config = { ...loadConfig({ DATABASE_URL: database.url, DELMAL_ENV: 'test' }), port: 0 };
    app = await startDelmal(config, {
      logger: createLogger('silent'),
      clock: fixedClock('2026-11-22T08:00:00Z'),
      host: '127.0.0.1',
    });
    base = `http://127.0.0.1:${app.port}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop().catch(() => {});
  });

  it('is alive and ready once the catalog is loaded', async () => {
    // Readiness waits for the warm-up that runs after listening (the search index).
    await app.settled();
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: dialect,
      outbox: { due: 0, oldestDueSeconds: null },
    });
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const wrong = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
  });

  it('finds a route however its path is written: with a query or dot segments', async () => {
    await app.settled();
    const status = (path: string) =>
      new Promise<number>((resolve, reject) =>
        // node:http sends the path exactly as written (fetch would normalise it first).
        get(`${base}${path}`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject),
      );
    expect(await status('/healthz?probe=1')).toBe(200);
    expect(await status('/nope/../healthz')).toBe(200);
    expect(await status('/healthz/')).toBe(404);
  });

  it('answers HEAD on GET routes with the GET status and no body (load balancers, uptime checks)', async () => {
    const live = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(live.status).toBe(200);
    expect(await live.text()).toBe('');
    await app.settled();
    const ready = await fetch(`${base}/readyz`, { method: 'HEAD' });
    expect(ready.status).toBe(200);
    expect((await fetch(`${base}/nope`, { method: 'HEAD' })).status).toBe(404);
    const page = await fetch(`${base}/`, { method: 'HEAD' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe('');
  });
});

describe('readiness', () => {
  it('reports 503 when the database goes away', async () => {
    const database = await createTestDatabase('sqlite', { migrate: false });
    await database.db.close();
    const config = { ...loadConfig({ DATABASE_URL: database.url, DELMAL_ENV: 'test' }), port: 0 };
    const lines: string[] = [];
    const log = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await startDelmal(config, {
      logger: createLogger('warn', log),
      clock: fixedClock('2026-11-22T08:00:00Z'),
      host: '127.0.0.1',
    });
    try {
      await app.settled();
      await app.db.close();
      const ready = await fetch(`http://127.0.0.1:${app.port}/readyz`, {
        headers: { 'x-request-id': 'probe-0001' },
      });
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not_ready', reason: 'database_unavailable' });
      // The operator reads why, under the request's id.
      const line = lines.find((l) => l.includes('readyz: the database did not answer'));
      expect(line).toContain('probe-0001');
    } finally {
      await app.close().catch(() => {});
      await database.drop();
    }
  });
});
