import { openDatabase } from '../db/connection.js';
import { systemClock } from '../src/clock.js';
import { Outbox } from '../src/delivery/outbox.js';
import { createLogger } from '../src/logger.js';
import { type SlackLimits, slackPortDeliverer } from './slack-port-deliverer.js';

/**
 * One outbox worker process of the outbox benchmark: its own PostgreSQL pool, its own Outbox,
 * delivering through the real SlackPort (see slack-port-deliverer.ts). The parent says `go` (start
 * delivering) and `stop` (stop, and send back the worker's `OutboxStats`).
 */
const url = process.env.BENCH_DATABASE_URL ?? '';
const apiUrl = process.env.BENCH_SLACK_API_URL ?? '';
const limits = JSON.parse(process.env.BENCH_LIMITS ?? '{}') as SlackLimits;

const db = openDatabase({ dialect: 'postgres', url });
// Sends in flight per worker and the jitter margin on every bucket: on a crowded 2-core machine a
// send's round trip is long and uneven (see bench/README.md).
const outbox = new Outbox(db, systemClock, createLogger('warn'), slackPortDeliverer(db, apiUrl, limits), {
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 64),
  rateSafetyMs: Number(process.env.BENCH_RATE_SAFETY_MS ?? 100),
});

process.on('message', (message: string) => {
  if (message === 'go') outbox.start();
  if (message === 'stop')
    void outbox
      .stop()
      .then(() => db.close())
      .then(() => {
        process.send?.({ stats: outbox.stats() });
        process.exit(0);
      });
});
process.send?.('ready');
