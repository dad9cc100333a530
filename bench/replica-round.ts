import { SLACK_RATE_LIMITS } from '../adapters/slack/slack-rate-limits.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { addDays, type LocalDate } from '../db/model/local-date.js';
import { toLocal, toUtc } from '../db/model/zoned-time.js';
import { importCatalog } from '../src/catalog/catalog-import.js';
import { systemClock } from '../src/clock.js';
import { SwedishCalendar } from '../src/schedule/calendar.js';
import { RateLimitedSlack } from '../tests/fakes/rate-limited-slack.js';
import { delmal } from '../tests/support/cli.js';
import { throwawayPostgres } from './postgres.js';
import { floorMs } from './rate-floor.js';
import { startReplicas, type TimedReplica } from './replica-set.js';
import { type BenchSchedule, benchCatalog, scheduleLine, seedSlackIdentities } from './round-data.js';

const ZONE = 'Europe/Stockholm';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** What the fake enforces: Slack's per-channel limit and the chat.postMessage tier delmal declares. */
export const ROUND_LIMITS = {
  perChannel: SLACK_RATE_LIMITS.perChannel,
  tier: SLACK_RATE_LIMITS.postMessage,
};
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RoundResult {
  /** `ticker`: the replicas' own minute ticker opened the round; `run-due`: `delmal checkins run-due`. */
  readonly mechanism: 'ticker' | 'run-due';
  readonly replicas: readonly TimedReplica[];
  readonly idleRss: readonly number[];
  /** Which replica (index) claimed the slot and enqueued the prompts. */
  readonly openedBy: number;
  readonly prompts: number;
  readonly delivered: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** conversations.history calls: sends whose outcome was unknown, looked up before a retry. */
  readonly lookups: number;
  /** Round opened → all prompts enqueued (as seen by polling), and → last prompt at the fake. */
  readonly enqueuedMs: number;
  readonly tookMs: number;
  readonly floorMs: number;
}

/** The latest workday whose `time` in Stockholm has passed (the kill test's slot rule). */
function lastSlotDay(at: Date, time: string, calendar: SwedishCalendar): LocalDate {
  let day = toLocal(at, ZONE).date;
  while (!calendar.isWorkday(day) || toUtc(day, time, ZONE) > at) day = addDays(day, -1);
  return day;
}

const weekdayOf = (day: LocalDate) => WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()] ?? 'monday';

/**
 * One check-in round for `owners` owners of `activities` activities, on a fresh PostgreSQL database,
 * run by `count` `delmal serve` replicas against a fake Slack that enforces the documented limits.
 * The schedule is switched on (a catalog import, as an administrator would) just after a minute
 * began, for the current minute: the replicas' own ticker opens the round at the next minute. On a
 * day that is no workday in Sweden no slot can run today: then `delmal checkins run-due --now` opens
 * the last workday's slot, as the kill test does, and the replicas deliver it.
 */
export async function replicaRound(
  options: {
    owners: number;
    activities: number;
    count: number;
    idleMs: number;
    /** Force how the round opens (default: the ticker on a Swedish workday, else run-due). */
    open?: 'ticker' | 'run-due';
  },
  log: (line: string) => void,
): Promise<RoundResult | undefined> {
  const pg = await throwawayPostgres('round');
  if (!pg) return undefined;
  const fake = new RateLimitedSlack({ ...ROUND_LIMITS, tier3: { limit: 50, perMs: 60_000 } });
  await fake.start();
  const db = openDatabase({ dialect: 'postgres', url: pg.url });
  let stop = async () => {};
  try {
    await migrateToLatest(db);
    const schedule = (weekday: string, time: string, active: boolean): BenchSchedule => ({
      weekday,
      time,
      active,
      extra: 'reminderAfterWorkdays: 0, quietHours: false',
    });
    let t = now();
    await importCatalog(
      db,
      {
        path: 'bench.yaml',
        text: benchCatalog({
          owners: options.owners,
          activities: options.activities,
          current: true,
          schedule: schedule('monday', '09:00', false),
        }),
      },
      { clock: systemClock },
    );
    await seedSlackIdentities(db, options.owners);
    log(
      `round: catalog (${options.activities} activities, ${options.owners} owners) imported in ${((now() - t) / 1000).toFixed(1)} s`,
    );
    const env = {
      DATABASE_URL: pg.url,
      DELMAL_ENV: 'test',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
      SLACK_API_URL: fake.apiUrl,
    };
    const set = await startReplicas(options.count, env);
    stop = () => set.stop();
    const idleRss = await set.idleRss(options.idleMs);
    log(`round: ${options.count} replicas ready; waiting for a minute to begin`);

    // Not in a minute's last seconds: the switch and the caches it refreshes are done before the next one.
    while (new Date().getUTCSeconds() < 1 || new Date().getUTCSeconds() > 40) await sleep(250);
    const calendar = new SwedishCalendar('sv');
    const at = new Date();
    const mechanism = options.open ?? (calendar.isWorkday(toLocal(at, ZONE).date) ? 'ticker' : 'run-due');
    const day = mechanism === 'ticker' ? toLocal(at, ZONE).date : lastSlotDay(at, '00:05', calendar);
    const time = mechanism === 'ticker' ? toLocal(at, ZONE).time.slice(0, 5) : '00:05';
    await importCatalog(
      db,
      // Only the schedule, as an administrator switching it on would import it (imports merge).
      {
        path: 'schedule.yaml',
        text: `format: 1\nschedules:\n${scheduleLine(schedule(weekdayOf(day), time, true))}\n`,
      },
      { clock: systemClock },
    );
    t = now();
    if (mechanism === 'run-due') {
      const runAt = toUtc(day, '00:06', ZONE).toISOString();
      const run = await delmal(['checkins', 'run-due', '--now', runAt], env);
      if (run.code !== 0) throw new Error(`run-due failed: ${run.stderr}`);
    }
    log(`round: schedule on for ${day} ${time} (${mechanism}); waiting for the round to open`);

    const slot = `bench-weekly:${day}`;
    let opened: { opened_at: string } | undefined;
    const openBy = now() + 150_000;
    for (;;) {
      const run = await db.kysely
        .selectFrom('schedule_runs')
        .select('status')
        .where('schedule_id', '=', 'bench-weekly')
        .where('slot', '=', day)
        .executeTakeFirst();
      opened = await db.kysely
        .selectFrom('check_in_rounds')
        .select('opened_at')
        .where('id', '=', slot)
        .executeTakeFirst();
      if (run?.status === 'done' && opened) break;
      if (now() > openBy) throw new Error(`round not opened within 150 s (run: ${run?.status ?? 'none'})`);
      await sleep(100);
    }
    const start = mechanism === 'ticker' ? Date.parse(opened.opened_at) : t;
    const enqueuedMs = now() - start;
    const keys = (
      await db.kysely
        .selectFrom('check_in_prompts')
        .select('outbox_item_id')
        .where('round_id', '=', slot)
        .execute()
    ).flatMap((r) => (r.outbox_item_id ? [r.outbox_item_id] : []));
    const floor = floorMs(keys.length, 1, ROUND_LIMITS);
    log(
      `round: opened, ${keys.length} prompts enqueued ${(enqueuedMs / 1000).toFixed(1)} s after; floor ${(floor / 1000).toFixed(1)} s`,
    );

    const deadline = now() + floor * 3 + 120_000;
    let last = now();
    for (;;) {
      const arrived = keys.filter((k) => fake.accepted.has(k)).length;
      if (arrived === keys.length || now() > deadline) break;
      if (now() - last > 10_000) {
        log(
          `round: ${((now() - start) / 1000).toFixed(0)} s: ${arrived}/${keys.length} prompts at the fake, 429s ${fake.rejected}`,
        );
        last = now();
      }
      await sleep(200);
    }
    // Every prompt's outbox row settled, so no retry can still add a copy before counting.
    const settleBy = now() + 30_000;
    while (now() < settleBy) {
      const open = await db.kysely
        .selectFrom('outbox_items')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('message_type', '=', 'checkin-prompt')
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      if (Number(open.n) === 0) break;
      await sleep(200);
    }
    const openedBy = set.replicas.findIndex((r) => r.logs().some((l) => l.msg === 'check-in round opened'));
    const counts = keys.map((k) => fake.accepted.get(k) ?? 0);
    return {
      mechanism,
      replicas: set.replicas,
      idleRss,
      openedBy,
      prompts: keys.length,
      delivered: counts.filter((n) => n > 0).length,
      lost: counts.filter((n) => n === 0).length,
      duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      rejected: fake.rejected,
      lookups: fake.methodCalls.get('conversations.history')?.calls ?? 0,
      enqueuedMs,
      tookMs: Math.max(...keys.map((k) => fake.firstArrival.get(k) ?? 0)) - start,
      floorMs: floor,
    };
  } finally {
    await stop();
    await db.close();
    await fake.stop();
    await pg.drop();
  }
}
