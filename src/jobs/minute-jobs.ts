import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../db/connection.js';
import type { ChatDeps } from '../asking/handle-message.js';
import type { ChatPort } from '../chat/chat-port.js';
import type { Platform } from '../chat/inbound.js';
import { IdentityWarmup } from '../checkins/identity-warmup.js';
import { CheckInEngine } from '../checkins/round-engine.js';
import type { Config } from '../config/config.js';
import type { Outbox } from '../delivery/outbox.js';
import { type DigestJob, digestJob } from '../digest/run-due-digests.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { SwedishCalendar } from '../schedule/calendar.js';
import type { TickJob } from './ticker.js';

/**
 * What the minute ticker runs, in order: check-in rounds, network digests, the identity warm-up —
 * over the platforms in `ports` (filled by then: rounds open only on those).
 */
export function minuteJobs(deps: {
  readonly db: Db;
  readonly deliveries: Outbox;
  readonly chat: ChatDeps;
  readonly ports: ReadonlyMap<Platform, ChatPort>;
  readonly config: Pick<Config, 'locale' | 'timezone' | 'leaseMs'>;
  readonly logger: Logger;
  readonly metrics: Metrics | undefined;
}): { checkIns: CheckInEngine; digests: DigestJob; jobs: TickJob[] } {
  const { db, deliveries, chat, ports, config, logger, metrics } = deps;
  const calendar = new SwedishCalendar(config.locale);
  const catalog = async () => (await chat.store.get()).view.catalog;
  // Who claims slots and rounds from this process (shown in schedule_runs.claimed_by).
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const checkIns = new CheckInEngine({
    db,
    deliveries,
    calendar,
    logger,
    worker,
    timeZone: config.timezone,
    catalog,
    platforms: new Set(ports.keys()),
    resumeAfterMs: config.leaseMs,
  });
  const digests = digestJob({
    db,
    catalog: async () => (await chat.store.get()).view,
    deliveries,
    logger,
    worker,
    email: ports.has('email'),
  });
  const warmup = new IdentityWarmup({ db, ports, logger, calendar, catalog });
  const jobs: TickJob[] = [
    {
      name: 'check-in-rounds',
      run: async (now) => {
        const summary = await checkIns.tick(now);
        metrics?.checkInTick(summary);
      },
    },
    {
      name: digests.name,
      run: async (now) => {
        const run = await digests.run(now);
        metrics?.digestRun(run);
      },
    },
    { name: 'identity-warmup', run: (now) => warmup.run(now) },
  ];
  return { checkIns, digests, jobs };
}
