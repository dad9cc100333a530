/**
 * Outbox benchmark: 10,000 bulk messages to 2,000 Slack channels, delivered by 3 outbox worker
 * processes (each its own PostgreSQL pool) through delmal's real SlackPort (Block Kit, outbox id in
 * the message metadata) to a local fake of Slack's Web API that ENFORCES
 * a per-channel limit and a chat.postMessage tier limit (429 + Retry-After beyond them). Reports
 * the time taken against the floor those limits allow (goal ≤ 1.10×), lost and duplicated
 * messages (the fake counts outbox ids from the message metadata), and the latency of
 * interactive answers enqueued while the bulk backlog drains.
 * Run: npm run bench:outbox   (settings: BENCH_* variables, see bench/README.md)
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemClock } from '../src/clock.js';
import { Outbox, type OutboxStats } from '../src/delivery/outbox.js';
import type { NewDelivery } from '../src/delivery/outbox-message.js';
import { createLogger } from '../src/logger.js';
import { RateLimitedSlack } from '../tests/fakes/rate-limited-slack.js';
import { summarize } from './measure.js';
import { floorMs } from './rate-floor.js';
import { type SlackLimits, slackPortDeliverer } from './slack-port-deliverer.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ITEMS = env('BENCH_ITEMS', 10_000);
const CHANNELS = env('BENCH_CHANNELS', 2_000);
const WORKERS = env('BENCH_WORKERS', 3);
const TIER_PER_S = env('BENCH_TIER_PER_S', 60);
const INTERACTIVE_EVERY_MS = env('BENCH_INTERACTIVE_EVERY_MS', 250);
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LIMITS: SlackLimits = {
  perChannel: { limit: 1, perMs: 1000 },
  tier: { limit: TIER_PER_S, perMs: 1000 },
};
const now = () => performance.timeOrigin + performance.now();

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `delmal_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: SERVER });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

function startWorker(url: string, apiUrl: string): Promise<ChildProcess> {
  const child = fork(new URL('./outbox-worker.js', import.meta.url), {
    env: {
      ...process.env,
      BENCH_DATABASE_URL: url,
      BENCH_SLACK_API_URL: apiUrl,
      BENCH_LIMITS: JSON.stringify(LIMITS),
    },
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('error', reject);
  });
}

function stopWorker(child: ChildProcess): Promise<OutboxStats | undefined> {
  return new Promise((resolve) => {
    let stats: OutboxStats | undefined;
    child.on('message', (message: { stats?: OutboxStats }) => {
      stats = message.stats ?? stats;
    });
    child.once('exit', () => resolve(stats));
    child.send('stop');
  });
}

const channelOf = (i: number) => `C${String(i % CHANNELS).padStart(5, '0')}`;

const database = await createDatabase();
const fake = new RateLimitedSlack({ perChannel: LIMITS.perChannel, tier: LIMITS.tier });
await fake.start();
const db = openDatabase({ dialect: 'postgres', url: database.url });
try {
  await migrateToLatest(db);
  // The main process only enqueues (a bulk round, then answers while it drains); it never delivers.
  const producer = new Outbox(
    db,
    systemClock,
    createLogger('warn'),
    slackPortDeliverer(db, fake.apiUrl, LIMITS),
  );
  const round: NewDelivery[] = Array.from({ length: ITEMS }, (_, i) => ({
    lane: 'bulk',
    to: { kind: 'conversation', platform: 'slack', workspaceId: 'T1', conversationId: channelOf(i) },
    message: { type: 'text', key: 'deliveries.none' },
    dedupeKey: `bench:round:${i}`,
  }));
  const bulkIds = await producer.enqueueMany(round);
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, () => startWorker(database.url, fake.apiUrl)),
  );

  const bulkDone = new Promise<void>((resolve) =>
    fake.onAccepted(() => {
      if (fake.firstArrival.size >= bulkIds.length && bulkIds.every((id) => fake.firstArrival.has(id)))
        resolve();
    }),
  );
  const started = now();
  const unusedAtStart = fake.tierUnusedMs();
  for (const worker of workers) worker.send('go');
  // Where the time goes: every second, how long the fake's tier sat full (capacity not used).
  const timeline: { at: number; unusedMs: number; arrived: number }[] = [];
  const sampler = setInterval(
    () =>
      timeline.push({
        at: now() - started,
        unusedMs: fake.tierUnusedMs() - unusedAtStart,
        arrived: fake.firstArrival.size,
      }),
    1000,
  );

  const interactive = new Map<string, number>();
  let n = 0;
  const ticker = setInterval(() => {
    const at = now();
    void producer
      .enqueue({
        lane: 'interactive',
        to: { kind: 'conversation', platform: 'slack', workspaceId: 'T1', conversationId: `D${++n}` },
        message: { type: 'text', key: 'deliveries.none' },
      })
      .then((id) => id && interactive.set(id, at));
  }, INTERACTIVE_EVERY_MS);
  const progress = process.env.BENCH_PROGRESS
    ? setInterval(
        () =>
          console.log(
            `${((now() - started) / 1000).toFixed(1)} s: ${fake.firstArrival.size} arrived, ${fake.rejected} × 429, tier unused ${((fake.tierUnusedMs() - unusedAtStart) / 1000).toFixed(2)} s`,
          ),
        2000,
      )
    : undefined;
  await bulkDone;
  const unusedMs = fake.tierUnusedMs() - unusedAtStart;
  clearInterval(sampler);
  clearInterval(progress);
  clearInterval(ticker);
  const bulkEnd = Math.max(...bulkIds.map((id) => fake.firstArrival.get(id) ?? 0));
  const answersBy = now() + 10_000;
  while ([...interactive.keys()].some((id) => !fake.firstArrival.has(id)) && now() < answersBy)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const workerStats = (await Promise.all(workers.map(stopWorker))).filter((s) => s !== undefined);

  const statuses = await db.kysely
    .selectFrom('outbox_items')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  const accepted = [...fake.accepted.values()].reduce((a, b) => a + b, 0);
  const lost = bulkIds.filter((id) => !fake.accepted.has(id)).length;
  const latencies = [...interactive].flatMap(([id, at]) => {
    const arrived = fake.firstArrival.get(id);
    return arrived === undefined ? [] : [arrived - at];
  });
  const interactiveInWindow = [...interactive.values()].filter((at) => at <= bulkEnd).length;
  const floor = floorMs(bulkIds.length + interactiveInWindow, Math.ceil(ITEMS / CHANNELS), LIMITS);
  const took = bulkEnd - started;
  const lat = summarize(latencies);
  console.log(`\n## ${new Date().toISOString().slice(0, 10)} — outbox.bench.ts\n`);
  console.log(`- **Command:** \`npm run bench:outbox\``);
  console.log('- **Path:** the real `PortDeliverer` and `SlackPort` (Block Kit, metadata) in every worker');
  console.log(
    `- **Node:** ${process.version}; **machine:** \`nproc\` ${os.cpus().length}, Linux ${os.arch()}`,
  );
  console.log(
    `- **Set-up:** ${bulkIds.length} bulk items to ${CHANNELS} channels, ${WORKERS} worker processes on PostgreSQL; fake Slack limits: ${LIMITS.perChannel.limit}/${LIMITS.perChannel.perMs} ms per channel, chat.postMessage tier ${LIMITS.tier.limit}/${LIMITS.tier.perMs} ms (token buckets, burst = limit); one interactive item every ${INTERACTIVE_EVERY_MS} ms during the backlog; worker concurrency ${process.env.BENCH_CONCURRENCY ?? 64}, rate safety margin ${process.env.BENCH_RATE_SAFETY_MS ?? 100} ms; load average at start ${(os.loadavg()[0] ?? 0).toFixed(1)}\n`,
  );
  console.log('| measure | value |\n|---|---:|');
  console.log(`| bulk delivered in | ${(took / 1000).toFixed(2)} s |`);
  console.log(
    `| floor the limits allow (${bulkIds.length} + ${interactiveInWindow} interactive through the tier) | ${(floor / 1000).toFixed(2)} s |`,
  );
  console.log(`| **ratio** (goal ≤ 1.10) | **${(took / floor).toFixed(3)}** |`);
  console.log(`| lost | ${lost} |`);
  console.log(`| duplicates | ${accepted - fake.accepted.size} |`);
  console.log(`| 429 answers from the fake | ${fake.rejected} |`);
  const unusedUntil = (s: number) => timeline.findLast((p) => p.at <= s * 1000)?.unusedMs ?? 0;
  const lastS = took / 1000;
  console.log(
    `| tier capacity left unused (the fake's tier bucket full): first 10 s / 10 s → last 10 s / last 10 s / total | ${(unusedUntil(10) / 1000).toFixed(2)} / ${((unusedUntil(lastS - 10) - unusedUntil(10)) / 1000).toFixed(2)} / ${((unusedMs - unusedUntil(lastS - 10)) / 1000).toFixed(2)} / ${(unusedMs / 1000).toFixed(2)} s |`,
  );
  const sum = (f: (s: OutboxStats) => number) => workerStats.reduce((a, s) => a + f(s), 0);
  console.log(
    `| workers (sum of ${workerStats.length}): rounds / of them with nothing sendable / claims (empty) | ${sum((s) => s.rounds)} / ${sum((s) => s.idleRounds)} / ${sum((s) => s.claims)} (${sum((s) => s.emptyClaims)}) |`,
  );
  console.log(
    `| workers: draw statements / tokens asked / granted / given back unused | ${sum((s) => s.draws)} / ${sum((s) => s.tokensAsked)} / ${sum((s) => s.tokensGranted)} / ${sum((s) => s.tokensRefunded)} |`,
  );
  console.log(
    `| workers: attempts / rate-limited / released for a long wait | ${sum((s) => s.attempts)} / ${sum((s) => s.rateLimited)} / ${sum((s) => s.released)} |`,
  );
  console.log(`| outbox rows by status | ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')} |`);
  console.log(
    `| interactive latency (${latencies.length}/${interactive.size} arrived) p50 / p95 / p99 / max | ${lat.p50.toFixed(0)} / ${lat.p95.toFixed(0)} / ${lat.p99.toFixed(0)} / ${lat.max.toFixed(0)} ms |`,
  );
} finally {
  await db.close();
  await fake.stop();
  await database.drop();
}
