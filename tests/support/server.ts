import type { TeamsMiddleware } from '../../adapters/teams/teams-app.js';
import { type RunningDelmal, startDelmal } from '../../src/app.js';
import { type Clock, fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createTestDatabase, type Dialect, type TestDatabase } from './databases.js';

/** The real delmal server on a fresh database and a free loopback port. */
export interface TestServer {
  readonly app: RunningDelmal;
  readonly base: string;
  /** The DATABASE_URL it runs on (another connection can look, or lock, while it serves). */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  dialect: Dialect = 'sqlite',
  clock: Clock = fixedClock('2026-11-22T08:00:00Z'),
  options: {
    slackInlineAnswerMs?: number;
    teamsOpenIdMetadataUrl?: string;
    /** The fake connector's origin: tests allow it explicitly, nothing else does. */
    teamsServiceUrls?: readonly string[];
    /** Teams SDK middleware, registered before delmal's routes. */
    teamsMiddleware?: readonly TeamsMiddleware[];
    /** A logger to read what delmal logged (default: silent, or DEBUG_LOG's level). */
    logger?: Logger;
  } = {},
): Promise<TestServer> {
  const database: TestDatabase = await createTestDatabase(dialect, { migrate: false });
  await database.db.close();
  const config = { ...loadConfig({ DATABASE_URL: database.url, DELMAL_ENV: 'test', ...env }), port: 0 };
  const app = await startDelmal(config, {
    clock,
    host: '127.0.0.1',
    ...options,
    logger: options.logger ?? createLogger(process.env.DEBUG_LOG ?? 'silent'),
  });
  return {
    app,
    base: `http://127.0.0.1:${app.port}`,
    url: database.url,
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Real time flowing from `start`, movable with `jump`: rate buckets refill and Retry-After pauses
 * end as in production.
 */
export function flowingClock(start: string): Clock & { jump(to: string): void } {
  let base = Date.parse(start);
  let t0 = performance.now();
  return {
    now: () => new Date(base + (performance.now() - t0)),
    jump: (to) => {
      base = Date.parse(to);
      t0 = performance.now();
    },
  };
}
