import type { Db } from '../../db/connection.js';
import { outboxBacklog } from '../../db/delivery-health.repository.js';
import type { Clock } from '../clock.js';
import type { Metrics } from './metrics.js';

/**
 * Metrics in Prometheus' text format with `prom-client`, loaded only when metrics are turned on
 * (an idle replica without them does not pay for the library). Counters are this process's own
 * (deliveries by platform and outcome, rounds, prompts, reminders, digests); the outbox gauges
 * (due, oldest due, failed for good) are read from the database at each scrape, so every replica
 * reports the same shared backlog.
 */
export async function prometheusMetrics(db: Db, clock: Clock): Promise<Metrics> {
  const { Counter, Gauge, Registry, collectDefaultMetrics } = await import('prom-client');
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'delmal' });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const deliveries = new Counter({
    name: 'delmal_deliveries_total',
    help: 'Delivery attempts by platform and outcome (rate_limited: the platform answered 429).',
    labelNames: ['platform', 'outcome'] as const,
    registers,
  });
  const rounds = new Counter({
    name: 'delmal_checkin_rounds_total',
    help: 'Check-in rounds this process opened or resumed.',
    registers,
  });
  const prompts = new Counter({
    name: 'delmal_checkin_messages_total',
    help: 'Check-in prompts, reminders and catch-ups this process enqueued.',
    labelNames: ['kind'] as const,
    registers,
  });
  const digests = new Counter({
    name: 'delmal_digests_total',
    help: 'Network digest slots this process handled: sent, or skipped (missed, no channel).',
    labelNames: ['result'] as const,
    registers,
  });
  let backlog: Promise<{ due: number; oldestSeconds: number; failed: number }> | undefined;
  // One read of the database per scrape, shared by the gauges below.
  const read = () => {
    backlog ??= (async () => {
      const now = clock.now();
      const due = await outboxBacklog(db.kysely, now.toISOString());
      const failed = await db.kysely
        .selectFrom('outbox_items')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'failed')
        .executeTakeFirstOrThrow();
      return {
        due: due.due,
        oldestSeconds: due.oldestDueAt
          ? Math.max(0, (now.getTime() - Date.parse(due.oldestDueAt)) / 1000)
          : 0,
        failed: Number(failed.n),
      };
    })().finally(() => {
      setImmediate(() => {
        backlog = undefined;
      });
    });
    return backlog;
  };
  new Gauge({
    name: 'delmal_outbox_due',
    help: 'Outbox items due now (all replicas share them).',
    registers,
    async collect() {
      this.set((await read()).due);
    },
  });
  new Gauge({
    name: 'delmal_outbox_oldest_due_seconds',
    help: 'How long the oldest due outbox item has waited, in seconds (0 when none is due).',
    registers,
    async collect() {
      this.set((await read()).oldestSeconds);
    },
  });
  new Gauge({
    name: 'delmal_outbox_failed',
    help: 'Outbox items that failed for good and are still kept (shown by delmal doctor).',
    registers,
    async collect() {
      this.set((await read()).failed);
    },
  });
  return {
    delivery: (platform, outcome) => deliveries.inc({ platform, outcome }),
    checkInTick: (summary) => {
      rounds.inc(summary.rounds.length);
      prompts.inc({ kind: 'prompt' }, summary.prompts);
      prompts.inc({ kind: 'reminder' }, summary.reminders);
      prompts.inc({ kind: 'catch_up' }, summary.catchUps);
    },
    digestRun: (run) => {
      digests.inc({ result: 'sent' }, run.sent.length);
      digests.inc({ result: 'skipped' }, run.skipped.length);
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
