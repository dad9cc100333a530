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
import type { Db } from '../db/connection.js';
import { startDelmal } from '../src/app.js';
import { importCatalog } from '../src/catalog/catalog-import.js';
import type { Address } from '../src/chat/inbound.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { RateLimitedConnector } from '../tests/fakes/rate-limited-connector.js';
import { RateLimitedSlack } from '../tests/fakes/rate-limited-slack.js';
import { summarize } from './measure.js';
import { benchCatalog, benchEmail, seedSlackIdentities } from './round-data.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const OWNERS = env('BENCH_OWNERS', 5_000);
const ACTIVITIES = env('BENCH_ACTIVITIES', 12_000);
const TIER_PER_S = env('BENCH_TIER_PER_S', 50);
const WARMUP_TICKS = env('BENCH_WARMUP_TICKS', 2);
const INTERACTIVE_EVERY_MS = env('BENCH_INTERACTIVE_EVERY_MS', 250);
const DIALECT = process.env.BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const PLATFORM = process.env.BENCH_PLATFORM === 'teams' ? 'teams' : 'slack';
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LIMITS = {
  perChannel: { limit: 1, perMs: 1000 },
  tier: { limit: TIER_PER_S, perMs: 1000 },
  tier3: { limit: 50, perMs: 60_000 },
};
/** Teams, per bot: about 7 messages a second per conversation, about 50 a second per tenant. */
const TEAMS_LIMITS = { perConversation: { limit: 7, perMs: 1000 }, perTenant: { limit: 50, perMs: 1000 } };
/** A Monday 09:00:30 in Stockholm: the round's slot (the engine's time; sending runs in real time). */
const SLOT_TIME = new Date('2026-11-09T08:00:30Z');
const now = () => performance.timeOrigin + performance.now();

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

/** The far edge a round goes out through: the rate-limited fake of one platform. */
interface Edge {
  readonly label: string;
  readonly env: Record<string, string>;
  readonly serviceUrls?: readonly string[];
  /** Stores what the warm-up would have found for owners `from`…OWNERS−1 (their DMs). */
  seed(db: Db, from: number): Promise<void>;
  /** Where interactive answer `n` goes. */
  interactive(n: number): Address;
  /** Per arrival key: messages accepted, first arrival (ms). */
  accepted(key: string): number;
  firstArrival(key: string): number | undefined;
  /** The key of owner `i`'s prompt (given the outbox id), and of interactive item `id` to `n`. */
  promptKey(owner: number, outboxId: string): string;
  interactiveKey(n: number, outboxId: string): string;
  rejected(): number;
  /** Messages per second the binding limit allows, and its burst. */
  readonly rate: { perS: number; burst: number };
  stop(): Promise<void>;
}

async function slackEdge(): Promise<Edge & { fake: RateLimitedSlack }> {
  const fake = new RateLimitedSlack(LIMITS);
  await fake.start();
  return {
    fake,
    label: `Slack (fake Web API: 1 message/s per channel, chat.postMessage ${TIER_PER_S}/s, Tier 3 50/min)`,
    env: {
      DELMAL_ENV: 'production',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef',
      SLACK_API_URL: fake.apiUrl,
    },
    seed: (db, from) => seedSlackIdentities(db, OWNERS, from),
    interactive: (n) => ({
      kind: 'conversation',
      platform: 'slack',
      workspaceId: 'T0001',
      conversationId: `CINT${n}`,
    }),
    accepted: (key) => fake.accepted.get(key) ?? 0,
    firstArrival: (key) => fake.firstArrival.get(key),
    promptKey: (_owner, id) => id,
    interactiveKey: (_n, id) => id,
    rejected: () => fake.rejected,
    rate: { perS: TIER_PER_S, burst: LIMITS.tier.limit },
    stop: () => fake.stop(),
  };
}

async function teamsEdge(): Promise<Edge> {
  const fake = new RateLimitedConnector(TEAMS_LIMITS);
  await fake.start();
  const conversation = (id: string, user: string | null) => ({
    conversation_id: id,
    service_url: fake.serviceUrl,
    tenant_id: 'tenant-1',
    conversation_type: user ? 'personal' : 'channel',
    user_aad_object_id: user,
    team_id: null,
    updated_at: new Date().toISOString(),
  });
  return {
    label: 'Teams (fake connector: 7 activities/s per conversation, 50/s per tenant)',
    // The test profile: Teams without credentials (no tokens offline); the playground port is on
    // too, but owners are addressed at their stored Teams chats.
    env: { DELMAL_ENV: 'test' },
    serviceUrls: [fake.serviceUrl],
    seed: async (db, from) => {
      for (let i = from; i < OWNERS; i += 500) {
        const batch = Array.from({ length: Math.min(500, OWNERS - i) }, (_, k) => i + k);
        await db.kysely
          .insertInto('chat_identities')
          .values(
            batch.map((n) => ({
              platform: 'teams',
              tenant_id: 'tenant-1',
              user_id: `aad-u${n}`,
              person_id: null,
              email: benchEmail(n),
              display_name: `Person ${n}`,
              locale: null,
              updated_at: new Date().toISOString(),
              conversation_id: null,
            })),
          )
          .execute();
        await db.kysely
          .insertInto('teams_conversations')
          .values(batch.map((n) => conversation(`a:dm-u${n}`, `aad-u${n}`)))
          .execute();
      }
      await db.kysely
        .insertInto('teams_conversations')
        .values(Array.from({ length: 2000 }, (_, n) => conversation(`19:int-${n}`, null)))
        .execute();
    },
    interactive: (n) => ({
      kind: 'conversation',
      platform: 'teams',
      workspaceId: 'tenant-1',
      conversationId: `19:int-${n % 2000}`,
    }),
    accepted: (key) => fake.accepted.get(key) ?? 0,
    firstArrival: (key) => fake.firstArrival.get(key),
    promptKey: (owner) => `a:dm-u${owner}`,
    interactiveKey: (n) => `19:int-${n % 2000}`,
    rejected: () => fake.rejected,
    rate: { perS: TEAMS_LIMITS.perTenant.limit, burst: TEAMS_LIMITS.perTenant.limit },
    stop: () => fake.stop(),
  };
}

async function main(): Promise<void> {
  const edge = PLATFORM === 'teams' ? await teamsEdge() : await slackEdge();
  const db = await database();
  const config = { ...loadConfig({ DATABASE_URL: db.url, ...edge.env }), port: 0 };
  const app = await startDelmal(config, {
    logger: createLogger('error'),
    clock: systemClock,
    host: '127.0.0.1',
    ...(edge.serviceUrls ? { teamsServiceUrls: edge.serviceUrls } : {}),
  });
  const load = os.loadavg()[0]?.toFixed(1);
  console.log(
    `round bench: ${OWNERS} owners, ${ACTIVITIES} activities, ${DIALECT}, ${edge.label}, load average ${load}`,
  );
  let t = now();
  await importCatalog(
    app.db,
    {
      path: 'bench.yaml',
      text: benchCatalog({
        owners: OWNERS,
        activities: ACTIVITIES,
        current: false,
        schedule: { weekday: 'monday', time: '09:00' },
      }),
    },
    { clock: systemClock },
  );
  await app.chat.store.get();
  console.log(`catalog imported and indexed in ${seconds(now() - t)}`);

  // Slack: the warm-up as the ticker runs it each minute ahead of rounds, against Tier 3.
  let warmedUp = '';
  if ('fake' in edge && WARMUP_TICKS > 0) {
    const fake = (edge as { fake: RateLimitedSlack }).fake;
    const warmup = app.jobs.find((j) => j.name === 'identity-warmup');
    let warmed = 0;
    for (let i = 0; i < WARMUP_TICKS && warmup; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 60_000));
      warmed += ((await warmup.run(new Date())) as { resolved: number }).resolved;
    }
    const lookups = fake.methodCalls.get('users.lookupByEmail') ?? { calls: 0, rejected: 0 };
    const opens = fake.methodCalls.get('conversations.open') ?? { calls: 0, rejected: 0 };
    warmedUp = `${WARMUP_TICKS} minute ticks resolved ${warmed} owners; users.lookupByEmail ${lookups.calls} (429: ${lookups.rejected}), conversations.open ${opens.calls} (429: ${opens.rejected})`;
    console.log(`warm-up: ${warmedUp}`);
  }
  // The rest as the warm-up would have stored them over the days before the round.
  await edge.seed(app.db, 0);
  const lookupCalls = () =>
    'fake' in edge
      ? ((edge as { fake: RateLimitedSlack }).fake.methodCalls.get('users.lookupByEmail')?.calls ?? 0)
      : 0;
  const lookupsBefore = lookupCalls();

  // The round, with interactive answers enqueued all along.
  const interactive: { key: string; at: number }[] = [];
  let n = 0;
  const timer = setInterval(() => {
    const at = now();
    const k = n++;
    void app.deliveries
      .enqueue({
        lane: 'interactive',
        to: edge.interactive(k),
        message: { type: 'text', key: 'deliveries.none' },
      })
      .then((id) => id && interactive.push({ key: edge.interactiveKey(k, id), at }));
  }, INTERACTIVE_EVERY_MS);
  const start = now();
  t = now();
  const summary = await app.checkIns.tick(SLOT_TIME);
  const tickMs = now() - t;
  const people = new Map(
    (await app.db.kysely.selectFrom('people').select(['id', 'email']).execute()).map((r) => [r.id, r.email]),
  );
  const keys = (
    await app.db.kysely.selectFrom('check_in_prompts').select(['outbox_item_id', 'person_id']).execute()
  ).map((r) =>
    edge.promptKey(Number(/^u(\d+)@/.exec(people.get(r.person_id) ?? '')?.[1]), r.outbox_item_id ?? ''),
  );
  console.log(`tick: round opened, ${summary.prompts} prompts enqueued in ${seconds(tickMs)}`);
  const floorFor = (total: number) => (Math.max(0, total - edge.rate.burst) * 1000) / edge.rate.perS;
  const deadline = start + floorFor(keys.length) * 3 + 120_000;
  let last = 0;
  while (now() < deadline) {
    const arrived = keys.filter((k) => edge.accepted(k) > 0).length;
    if (now() - last > 5000) {
      console.log(
        `  ${seconds(now() - start)}: ${arrived}/${keys.length} prompts arrived, 429s ${edge.rejected()}`,
      );
      last = now();
    }
    if (arrived === keys.length) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  clearInterval(timer);
  const end = Math.max(...keys.map((k) => edge.firstArrival(k) ?? 0));
  const during = interactive.filter((i) => i.at <= end);
  const total = end - start;
  const floor = floorFor(keys.length + during.length);
  const latencies = during
    .map((i) => (edge.firstArrival(i.key) ?? Number.NaN) - i.at)
    .filter((ms) => Number.isFinite(ms) && ms >= 0);
  const s = summarize(latencies);
  const lost = keys.filter((k) => edge.accepted(k) === 0).length;
  const duplicates = keys.filter((k) => edge.accepted(k) > 1).length;
  console.log('');
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| prompts (one per owner) | ${keys.length} |`);
  console.log(`| round delivered in (tick start → last prompt at the fake) | ${seconds(total)} |`);
  console.log(`| of which the tick (plan, claim, enqueue ${keys.length}) | ${seconds(tickMs)} |`);
  console.log(
    `| floor ((${keys.length} + ${during.length} interactive − ${edge.rate.burst} burst) / ${edge.rate.perS} per s) | ${seconds(floor)} |`,
  );
  console.log(`| **ratio** (goal ≤ 1.10) | **${(total / floor).toFixed(3)}** |`);
  console.log(`| lost | ${lost} |`);
  console.log(`| duplicates | ${duplicates} |`);
  console.log(`| 429 answers from the fake | ${edge.rejected()} |`);
  if (PLATFORM === 'slack')
    console.log(`| users.lookupByEmail during the round | ${lookupCalls() - lookupsBefore} |`);
  console.log(
    `| interactive latency, enqueue → arrival (${latencies.length}/${during.length}): p50 / p95 / p99 / max | ${s.p50.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.p99.toFixed(0)} / ${s.max.toFixed(0)} ms |`,
  );
  await app.close(5000);
  await edge.stop();
  await db.drop();
}

await main();
