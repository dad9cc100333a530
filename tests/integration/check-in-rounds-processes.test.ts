import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { roundHarness } from '../support/check-in-rounds.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

// Three Mondays, each ticked several times around 09:00 Stockholm, plus the reminder Wednesdays.
const TICKS = [
  '2026-11-09T08:00:10Z',
  '2026-11-09T08:00:40Z',
  '2026-11-09T08:01:10Z',
  '2026-11-11T08:00:10Z',
  '2026-11-11T08:01:10Z',
  '2026-11-16T08:00:10Z',
  '2026-11-16T08:00:20Z',
  '2026-11-18T08:00:10Z',
  '2026-11-23T08:00:10Z',
  '2026-11-23T08:02:10Z',
];

/**
 * The replicas tick weeks of virtual time as fast as they can, not in step: one may reach a later
 * Monday while a slower one is still opening an earlier round, whose claim then looks weeks old
 * and would be resumed (rightly, and nobody asked twice — but counted as a round again). This test
 * is about replicas ticking the same minutes; resuming a crashed round is tested on its own.
 */
const RESUME_NEVER_MS = 365 * 24 * 3600 * 1000;

/** A separate `node` process running the built engine's tick at each time, as a replica would. */
function ticksInChildProcess(url: string, worker: string): Promise<string> {
  const dist = (file: string) => JSON.stringify(join(PACKAGE_ROOT, 'dist', file));
  const target = url.startsWith('postgres') ? { dialect: 'postgres', url } : { dialect: 'sqlite', file: url };
  const script = `
    const { openDatabase } = await import(${dist('db/connection.js')});
    const { CheckInEngine } = await import(${dist('src/checkins/round-engine.js')});
    const { Outbox } = await import(${dist('src/delivery/outbox.js')});
    const { SwedishCalendar } = await import(${dist('src/schedule/calendar.js')});
    const { createLogger } = await import(${dist('src/logger.js')});
    const db = openDatabase(${JSON.stringify(target)});
    const logger = createLogger('silent');
    const clock = { now: () => new Date() };
    const outbox = new Outbox(db, clock, logger, { buckets: () => [], deliver: async () => ({ ok: true }) });
    const RESUME_NEVER_MS = ${RESUME_NEVER_MS};
    const engine = new CheckInEngine({ db, deliveries: outbox, calendar: new SwedishCalendar('sv'), logger, worker: ${JSON.stringify(worker)}, timeZone: 'Europe/Stockholm', resumeAfterMs: RESUME_NEVER_MS });
    let rounds = 0;
    // Each replica also delivers what it queued: reminders follow delivered prompts only.
    for (const at of ${JSON.stringify(TICKS)}) {
      rounds += (await engine.tick(new Date(at))).rounds.length;
      await outbox.drain();
    }
    process.stdout.write(String(rounds));
    await db.close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += String(c);
    });
    child.stderr.on('data', (c) => {
      err += String(c);
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
  });
}

describeEachDialect('check-in rounds in several processes at once', (dialect) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    await roundHarness(test.db);
  });
  afterEach(() => test.drop());

  it('three replicas ticking the same minutes: each slot runs once, each owner is asked once per round', {
    timeout: 60_000,
  }, async () => {
    const opened = await Promise.all(['a', 'b', 'c'].map((w) => ticksInChildProcess(test.url, w)));
    expect(opened.reduce((n, s) => n + Number(s), 0)).toBe(3);
    const runs = await test.db.kysely
      .selectFrom('schedule_runs')
      .select(['slot', 'status'])
      .where('status', '=', 'done')
      .orderBy('slot')
      .execute();
    expect(runs.map((r) => r.slot)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    const items = await test.db.kysely.selectFrom('outbox_items').select('dedupe_key').execute();
    const keys = items.map((i) => i.dedupe_key ?? '');
    expect(new Set(keys).size).toBe(keys.length);
    // 3 owners × 3 rounds, and a reminder to each owner of the first two rounds (nobody answered).
    expect(keys.filter((k) => k.startsWith('checkin:prompt:'))).toHaveLength(9);
    expect(keys.filter((k) => k.startsWith('checkin:reminder:'))).toHaveLength(6);
    const prompts = await test.db.kysely.selectFrom('check_in_prompts').select(['outbox_item_id']).execute();
    expect(prompts).toHaveLength(15);
    expect(prompts.every((p) => p.outbox_item_id !== null)).toBe(true);
  });
});
