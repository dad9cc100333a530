import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { outboxBacklog } from '../../db/delivery-health.repository.js';
import { type Clock, systemClock } from '../clock.js';
import type { Logger } from '../logger.js';
import { currentRequestId } from '../request-id.js';
import { type HttpServer, sendJson } from './http-server.js';
import type { WarmUp } from './warm-up.js';

/**
 * `GET /healthz`: the process is up (liveness), answered from the moment it listens.
 * `GET /readyz`: the warm-up (search index) has finished, the database answers and the catalog is
 * loaded (readiness) — a load balancer should only send traffic when this says 200. Ready, it also
 * says how much the outbox has due (`outbox.due`) and how long the oldest due item has waited
 * (`outbox.oldestDueSeconds`): a backlog is the database's, shared by every replica, so it informs
 * alerting but never makes a replica unready.
 */
export function registerHealthRoutes(
  server: HttpServer,
  db: Db,
  warmUp?: WarmUp,
  clock: Clock = systemClock,
  logger?: Logger,
): void {
  server.route('GET', '/healthz', (_req, res) => sendJson(res, 200, { status: 'ok' }));
  server.route('GET', '/readyz', async (_req, res) => {
    if (warmUp && !warmUp.ready) {
      // After a failed attempt this starts the next one.
      void warmUp.start();
      return sendJson(res, 503, { status: 'not_ready', reason: 'warming_up' });
    }
    try {
      await sql`select 1`.execute(db.kysely);
      const plan = await db.kysely
        .selectFrom('plans')
        .select('id')
        .where('is_current', '=', 1)
        .executeTakeFirst();
      if (!plan) return sendJson(res, 503, { status: 'not_ready', reason: 'no_current_plan' });
      const now = clock.now();
      const backlog = await outboxBacklog(db.kysely, now.toISOString());
      const oldestDueSeconds =
        backlog.oldestDueAt === null
          ? null
          : Math.max(0, Math.round((now.getTime() - Date.parse(backlog.oldestDueAt)) / 1000));
      sendJson(res, 200, {
        status: 'ready',
        database: db.dialect,
        outbox: { due: backlog.due, oldestDueSeconds },
      });
    } catch (error) {
      // The 503 tells the load balancer; the line tells the operator why (with the request's id).
      logger?.warn({ err: error, requestId: currentRequestId() }, 'readyz: the database did not answer');
      sendJson(res, 503, { status: 'not_ready', reason: 'database_unavailable' });
    }
  });
}
