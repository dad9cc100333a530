/**
 * `npm run bench:faults`: sends through the real Slack and Teams ports (real outbox, real
 * database) against a platform that answers late (after the send timeout, the message landing at
 * any moment before), resets connections before and after carrying a message out, answers 503,
 * and 429 with Retry-After in seconds and as an HTTP date — from two replicas whose clocks differ
 * by five minutes. Counted where messages land: lost (never arrived), duplicates (arrived more
 * than once), and time against the floor (the same sends with no faults).
 *
 * BENCH_FAULT_SENDS (default 10,000, half Slack, half Teams), BENCH_DIALECT (sqlite | postgres).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { App } from '@microsoft/teams.apps';
import { WebClient } from '@slack/web-api';
import pg from 'pg';
import { retryAfterSecondsFetch } from '../adapters/slack/retry-after-fetch.js';
import { SlackPort } from '../adapters/slack/slack-port.js';
import { SLACK_RATE_LIMITS } from '../adapters/slack/slack-rate-limits.js';
import { ConnectorClient } from '../adapters/teams/connector-client.js';
import { ConversationReferences } from '../adapters/teams/conversation-references.js';
import { TeamsPort } from '../adapters/teams/teams-port.js';
import { type Db, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { saveTeamsConversation } from '../db/teams-conversations.repository.js';
import type { ChatPort } from '../src/chat/chat-port.js';
import type { Platform } from '../src/chat/inbound.js';
import type { Clock } from '../src/clock.js';
import { Outbox } from '../src/delivery/outbox.js';
import type { NewDelivery } from '../src/delivery/outbox-message.js';
import { PortDeliverer } from '../src/delivery/port-deliverer.js';
import { createLogger } from '../src/logger.js';
import { type FaultMix, FaultyPlatform, NO_FAULTS } from './faulty-platform.js';
import { mulberry32 } from './random.js';

const SENDS = Number(process.env.BENCH_FAULT_SENDS ?? 10_000);
const DIALECT = process.env.BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const SEND_TIMEOUT_MS = Number(process.env.BENCH_SEND_TIMEOUT_MS ?? 1000);
const MARGIN_MS = SEND_TIMEOUT_MS / 2;
const CHANNELS = 200;
const TENANTS = 40;
const SKEW_MS = 5 * 60_000;
const FAULTS: FaultMix = {
  late: 0.03,
  resetBefore: 0.01,
  resetAfter: 0.01,
  serverError: 0.02,
  limitedSeconds: 0.01,
  limitedDate: 0.01,
};

const ahead: Clock = { now: () => new Date(Date.now() + SKEW_MS) };
const onTime: Clock = { now: () => new Date() };

async function database(): Promise<{ open(): Db; drop(): Promise<void> }> {
  if (DIALECT === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'delmal-faults-'));
    const file = join(dir, 'faults.sqlite');
    return {
      open: () => openDatabase({ dialect: 'sqlite', file }),
      drop: async () => rmSync(dir, { recursive: true }),
    };
  }
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `delmal_faults_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    open: () => openDatabase({ dialect: 'postgres', url: url.toString() }),
    drop: async () => {
      const again = new pg.Client({ connectionString: base });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

function replica(db: Db, clock: Clock, base: string): Outbox {
  const client = new WebClient('xoxb-bench', {
    slackApiUrl: `${base}/api/`,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: SEND_TIMEOUT_MS - 50,
    fetch: retryAfterSecondsFetch(),
  });
  const limits = {
    ...SLACK_RATE_LIMITS,
    perChannel: { limit: 50, perMs: 1000 },
    postMessage: { limit: 5000, perMs: 1000 },
  };
  const slack = new SlackPort({ client, db, clock, limits });
  const teams = new TeamsPort({
    app: new App({ logger: createLogger('silent') as never }),
    connector: new ConnectorClient({ getAppToken: async () => null }),
    conversations: new ConversationReferences(db, clock),
    db,
    clock,
    serviceUrls: () => true,
  });
  const ports = new Map<Platform, ChatPort>([
    ['slack', slack],
    ['teams', teams],
  ]);
  return new Outbox(db, clock, createLogger('silent'), new PortDeliverer(ports, { db, locale: 'sv' }), {
    sendTimeoutMs: SEND_TIMEOUT_MS,
    unknownMarginMs: MARGIN_MS,
    leaseMs: 5_000,
    pollMs: 50,
    maxAttempts: 12,
  });
}

function delivery(run: string, i: number): NewDelivery {
  const platform = i % 2 === 0 ? 'slack' : 'teams';
  const n = Math.floor(i / 2) % CHANNELS;
  const to =
    platform === 'slack'
      ? ({ kind: 'conversation', platform, workspaceId: 'T0BENCH', conversationId: `C${n}` } as const)
      : ({
          kind: 'conversation',
          platform,
          workspaceId: `tenant-${n % TENANTS}`,
          conversationId: `19:c${n}@thread`,
        } as const);
  const text = `${run}-${i}`;
  return {
    lane: 'bulk',
    to,
    message: { type: 'reply', locale: 'sv', reply: { summary: text, blocks: [{ type: 'text', text }] } },
  };
}

interface RunResult {
  readonly ms: number;
  readonly lost: { slack: number; teams: number };
  readonly duplicates: { slack: number; teams: number };
  /** Teams duplicates of items recorded as uncertain (an unknown outcome, re-sent): the documented case. */
  readonly teamsAfterUnknown: number;
  readonly failed: number;
}

async function run(label: string, mix: FaultMix): Promise<RunResult & { injected: Map<string, number> }> {
  const platform = new FaultyPlatform(mix, mulberry32(20261206), Math.round(SEND_TIMEOUT_MS * 1.5));
  const base = await platform.start();
  const store = await database();
  const a = store.open();
  const b = store.open();
  await migrateToLatest(a);
  for (let n = 0; n < CHANNELS; n++)
    await saveTeamsConversation(
      a.kysely,
      {
        conversationId: `19:c${n}@thread`,
        serviceUrl: `${base}/`,
        tenantId: `tenant-${n % TENANTS}`,
        conversationType: 'channel',
        userAadObjectId: undefined,
        teamId: undefined,
      },
      new Date().toISOString(),
    );
  const replicas = [replica(a, onTime, base), replica(b, ahead, base)];
  const all = Array.from({ length: SENDS }, (_, i) => delivery(label, i));
  const started = performance.now();
  // Half enqueued by each replica (each on its own clock), both sending.
  await replicas[0]?.enqueueMany(all.filter((_, i) => i % 4 < 2));
  await replicas[1]?.enqueueMany(all.filter((_, i) => i % 4 >= 2));
  for (const r of replicas) r.start();
  for (;;) {
    const left = await a.kysely
      .selectFrom('outbox_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ms = performance.now() - started;
  for (const r of replicas) await r.stop();
  // Late landings still on their way arrive now (they count as duplicates if they were resent).
  await new Promise((resolve) => setTimeout(resolve, SEND_TIMEOUT_MS * 3));
  const failed = await a.kysely
    .selectFrom('outbox_items')
    .select('id')
    .where('status', '=', 'failed')
    .execute();
  const ids = await a.kysely
    .selectFrom('outbox_items')
    .select(['id', 'recipient', 'uncertain', 'message'])
    .execute();
  const uncertainTeams = new Set(
    ids
      .filter((r) => r.uncertain === 1 && r.recipient.startsWith('teams:'))
      .map((r) => /"summary":"([^"]+)"/.exec(r.message)?.[1]),
  );
  let teamsAfterUnknown = 0;
  const lost = { slack: 0, teams: 0 };
  const duplicates = { slack: 0, teams: 0 };
  const slackIds = new Set(ids.filter((r) => r.recipient.startsWith('slack:')).map((r) => r.id));
  for (const id of slackIds) {
    const count = platform.arrivals.get(id) ?? 0;
    if (count === 0) lost.slack++;
    else duplicates.slack += count - 1;
  }
  for (let i = 1; i < SENDS; i += 2) {
    const count = platform.arrivals.get(`${label}-${i}`) ?? 0;
    if (count === 0) lost.teams++;
    else duplicates.teams += count - 1;
    if (count > 1 && uncertainTeams.has(`${label}-${i}`)) teamsAfterUnknown += count - 1;
  }
  await a.close();
  await b.close();
  await store.drop();
  await platform.stop();
  return { ms, lost, duplicates, teamsAfterUnknown, failed: failed.length, injected: platform.injected };
}

const floor = await run('floor', NO_FAULTS);
const faults = await run('faults', FAULTS);
const injected = Object.fromEntries([...faults.injected].filter(([k]) => k !== 'none'));
console.log(
  JSON.stringify(
    {
      sends: SENDS,
      dialect: DIALECT,
      sendTimeoutMs: SEND_TIMEOUT_MS,
      unknownMarginMs: MARGIN_MS,
      clockSkewMs: SKEW_MS,
      injected,
      floor: {
        ms: Math.round(floor.ms),
        lost: floor.lost,
        duplicates: floor.duplicates,
        teamsDuplicatesAfterUnknown: floor.teamsAfterUnknown,
      },
      faults: {
        ms: Math.round(faults.ms),
        lost: faults.lost,
        duplicates: faults.duplicates,
        teamsDuplicatesAfterUnknown: faults.teamsAfterUnknown,
        failedForGood: faults.failed,
      },
      timeVsFloor: Number((faults.ms / floor.ms).toFixed(2)),
    },
    null,
    2,
  ),
);
process.exit(0);
