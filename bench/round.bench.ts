/**
 * Check-in round benchmark: ONE round for 5,000 owners of 12,000 activities, run by the real
 * engine inside the real app (`startDelmal`: outbox, Slack port, Web API client) against a local
 * fake of Slack that ENFORCES the limits: 1 message/s per channel, the chat.postMessage tier, and
 * Tier 3 (50/min) for users.lookupByEmail and conversations.open. Identities are kept ahead of the
 * round by the warm-up job (measured for two minutes; the rest stored as if it had run on the days
 * before), so the round only posts. Reports total time against the floor the limits allow (goal
 * ≤ 1.10×), lost and duplicated prompts (counted by the fake from the outbox id in each message's
 * metadata), and the latency of interactive answers enqueued during the round.
 * Run: npm run bench:round   (settings: BENCH_* variables, see bench/README.md)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startDelmal } from '../src/app.js';
import { importCatalog } from '../src/catalog/catalog-import.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { RateLimitedSlack } from '../tests/fakes/rate-limited-slack.js';
import { summarize } from './measure.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const OWNERS = env('BENCH_OWNERS', 5_000);
const ACTIVITIES = env('BENCH_ACTIVITIES', 12_000);
const TIER_PER_S = env('BENCH_TIER_PER_S', 50);
const WARMUP_TICKS = env('BENCH_WARMUP_TICKS', 2);
const INTERACTIVE_EVERY_MS = env('BENCH_INTERACTIVE_EVERY_MS', 250);
const DIALECT = process.env.BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LIMITS = {
  perChannel: { limit: 1, perMs: 1000 },
  tier: { limit: TIER_PER_S, perMs: 1000 },
  tier3: { limit: 50, perMs: 60_000 },
};
/** A Monday 09:00:30 in Stockholm: the round's slot (the engine's time; sending runs in real time). */
const SLOT_TIME = new Date('2026-11-09T08:00:30Z');
const now = () => performance.timeOrigin + performance.now();
const email = (i: number) => `u${i}@bench.example`;

/** The synthetic plan: ACTIVITIES activities, activity i owned by person i mod OWNERS, asked weekly on Monday. */
function benchCatalog(): string {
  const lines = [
    'format: 1',
    'plans:',
    '  - { id: bench, name: Benchplan, kind: action_plan, periodStart: 2026, current: false,',
    `      goals: [${Array.from({ length: 20 }, (_, g) => `{ id: bg${g + 1}, number: ${g + 1}, title: Mål ${g + 1} }`).join(', ')}] }`,
    'activities:',
  ];
  for (let i = 0; i < ACTIVITIES; i++)
    lines.push(
      `  - { id: ba${i}, name: Syntetisk aktivitet ${i}, reportedStatus: ongoing, goals: [bg${(i % 20) + 1}], owners: [${email(i % OWNERS)}] }`,
    );
  lines.push('people:');
  for (let i = 0; i < OWNERS; i++) lines.push(`  - { email: ${email(i)}, name: Person ${i} }`);
  lines.push('schedules:');
  lines.push(
    '  - { id: bench-weekly, plan: bench, cadence: weekly, weekday: monday, time: "09:00", summerPause: false }',
  );
  return `${lines.join('\n')}\n`;
}

async function database(): Promise<{ url: string; drop(): Promise<void> }> {
  if (DIALECT === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'delmal-round-bench-'));
    return {
      url: join(dir, 'delmal.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
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

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const fake = new RateLimitedSlack(LIMITS);
  await fake.start();
  const db = await database();
  const config = {
    ...loadConfig({
      DATABASE_URL: db.url,
      DELMAL_ENV: 'production',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef',
      SLACK_API_URL: fake.apiUrl,
    }),
    port: 0,
  };
  const app = await startDelmal(config, {
    logger: createLogger('error'),
    clock: systemClock,
    host: '127.0.0.1',
  });
  const load = os.loadavg()[0]?.toFixed(1);
  console.log(`round bench: ${OWNERS} owners, ${ACTIVITIES} activities, ${DIALECT}, load average ${load}`);
  let t = now();
  await importCatalog(app.db, { path: 'bench.yaml', text: benchCatalog() }, { clock: systemClock });
  await app.chat.store.get();
  console.log(`catalog imported and indexed in ${seconds(now() - t)}`);

  // Warm-up: what the ticker does each minute ahead of rounds, against the Tier 3 limits.
  const warmup = app.jobs.find((j) => j.name === 'identity-warmup');
  let warmed = 0;
  for (let i = 0; i < WARMUP_TICKS && warmup; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 60_000));
    const result = (await warmup.run(new Date())) as { resolved: number };
    warmed += result.resolved;
  }
  const lookups = fake.methodCalls.get('users.lookupByEmail') ?? { calls: 0, rejected: 0 };
  const opens = fake.methodCalls.get('conversations.open') ?? { calls: 0, rejected: 0 };
  console.log(
    `warm-up: ${WARMUP_TICKS} minute ticks resolved ${warmed} owners; lookupByEmail ${lookups.calls} (429: ${lookups.rejected}), conversations.open ${opens.calls} (429: ${opens.rejected})`,
  );
  // The rest as the warm-up would have stored them over the days before the round.
  const rest = Array.from({ length: OWNERS }, (_, i) => i);
  for (let i = 0; i < rest.length; i += 500)
    await app.db.kysely
      .insertInto('chat_identities')
      .values(
        rest.slice(i, i + 500).map((n) => ({
          platform: 'slack',
          tenant_id: 'T0001',
          user_id: `Uu${n}`,
          person_id: null,
          email: email(n),
          display_name: `Person ${n}`,
          locale: null,
          updated_at: new Date().toISOString(),
          conversation_id: `Du${n}`,
        })),
      )
      .onConflict((oc) => oc.columns(['platform', 'tenant_id', 'user_id']).doNothing())
      .execute();
  const lookupsBefore = lookups.calls;

  // The round, with interactive answers enqueued all along.
  const interactive = new Map<string, number>();
  let n = 0;
  const timer = setInterval(() => {
    const at = now();
    void app.deliveries
      .enqueue({
        lane: 'interactive',
        to: { kind: 'conversation', platform: 'slack', workspaceId: 'T0001', conversationId: `CINT${n++}` },
        message: { type: 'text', key: 'deliveries.none' },
      })
      .then((id) => id && interactive.set(id, at));
  }, INTERACTIVE_EVERY_MS);
  const start = now();
  t = now();
  const summary = await app.checkIns.tick(SLOT_TIME);
  const tickMs = now() - t;
  const ids = (await app.db.kysely.selectFrom('check_in_prompts').select('outbox_item_id').execute())
    .map((r) => r.outbox_item_id)
    .filter((id): id is string => id !== null);
  console.log(`tick: round opened, ${summary.prompts} prompts enqueued in ${seconds(tickMs)}`);
  const floorFor = (total: number) => ((total - LIMITS.tier.limit) * LIMITS.tier.perMs) / LIMITS.tier.limit;
  const deadline = start + floorFor(ids.length) * 3 + 120_000;
  let last = 0;
  while (now() < deadline) {
    const arrived = ids.filter((id) => fake.accepted.has(id)).length;
    if (now() - last > 5000) {
      console.log(
        `  ${seconds(now() - start)}: ${arrived}/${ids.length} prompts arrived, 429s ${fake.rejected}`,
      );
      last = now();
    }
    if (arrived === ids.length) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  clearInterval(timer);
  const arrivals = ids.map((id) => fake.firstArrival.get(id)).filter((a) => a !== undefined);
  const end = Math.max(...arrivals);
  const interactiveDuring = [...interactive].filter(([, at]) => at <= end);
  const total = end - start;
  const floor = floorFor(ids.length + interactiveDuring.length);
  const latencies = interactiveDuring
    .map(([id, at]) => (fake.firstArrival.get(id) ?? Number.NaN) - at)
    .filter((ms) => Number.isFinite(ms));
  const s = summarize(latencies);
  const lost = ids.filter((id) => !fake.accepted.has(id)).length;
  const duplicates = ids.filter((id) => (fake.accepted.get(id) ?? 0) > 1).length;
  console.log('');
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| prompts (one per owner) | ${ids.length} |`);
  console.log(`| round delivered in (tick start → last prompt at the fake) | ${seconds(total)} |`);
  console.log(`| of which the tick (plan, claim, enqueue ${ids.length}) | ${seconds(tickMs)} |`);
  console.log(
    `| floor ((${ids.length} + ${interactiveDuring.length} interactive − ${LIMITS.tier.limit}) / ${TIER_PER_S} per s) | ${seconds(floor)} |`,
  );
  console.log(`| **ratio** (goal ≤ 1.10) | **${(total / floor).toFixed(3)}** |`);
  console.log(`| lost | ${lost} |`);
  console.log(`| duplicates | ${duplicates} |`);
  console.log(`| 429 answers to chat.postMessage | ${fake.rejected} |`);
  console.log(`| users.lookupByEmail during the round | ${lookups.calls - lookupsBefore} |`);
  console.log(
    `| interactive latency, enqueue → arrival (${latencies.length}/${interactiveDuring.length}): p50 / p95 / p99 / max | ${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.p99.toFixed(0)} / ${s.max.toFixed(0)} ms |`,
  );
  await app.close(5000);
  await fake.stop();
  await db.drop();
}

await main();
