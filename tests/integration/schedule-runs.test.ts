import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { claimSlot, finishSlot, recordSkippedSlot, runsSince } from '../../db/schedule-runs.repository.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const SCHEDULE = 'social-valfard-varannan-tisdag';
const SLOTS = Array.from({ length: 120 }, (_, i) =>
  new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
);

/** A separate `node` process that claims every slot as `worker` and prints the ones it won. */
function claimInChildProcess(url: string, worker: string): Promise<string[]> {
  const dist = (file: string) => join(PACKAGE_ROOT, 'dist', 'db', file);
  const target = url.startsWith('postgres') ? { dialect: 'postgres', url } : { dialect: 'sqlite', file: url };
  const script = `
    const { openDatabase } = await import(${JSON.stringify(dist('connection.js'))});
    const { claimSlot } = await import(${JSON.stringify(dist('schedule-runs.repository.js'))});
    const db = openDatabase(${JSON.stringify(target)});
    const slots = ${JSON.stringify(SLOTS)};
    const won = await Promise.all(slots.map((s) => claimSlot(db.kysely, ${JSON.stringify(SCHEDULE)}, s, ${JSON.stringify(worker)}, new Date().toISOString())));
    process.stdout.write(JSON.stringify(slots.filter((_, i) => won[i])));
    await db.close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
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
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(err))));
  });
}

describeEachDialect('schedule runs: each slot claimed exactly once', (dialect) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
  });
  afterEach(() => db.drop());

  it('the first claim wins; the same or another worker cannot claim it again, even after a restart', async () => {
    const at = '2027-01-12T08:00:00.000Z';
    expect(await claimSlot(db.db.kysely, SCHEDULE, '2027-01-12', 'worker-a', at)).toBe(true);
    expect(await claimSlot(db.db.kysely, SCHEDULE, '2027-01-12', 'worker-b', at)).toBe(false);
    expect(await claimSlot(db.db.kysely, SCHEDULE, '2027-01-12', 'worker-a', at)).toBe(false);
    expect(await finishSlot(db.db.kysely, SCHEDULE, '2027-01-12', 'worker-b', at)).toBe(false);
    expect(await finishSlot(db.db.kysely, SCHEDULE, '2027-01-12', 'worker-a', at)).toBe(true);
    expect(await recordSkippedSlot(db.db.kysely, SCHEDULE, '2027-07-06', 'summer', 'worker-a', at)).toBe(
      true,
    );
    expect(await recordSkippedSlot(db.db.kysely, SCHEDULE, '2027-07-06', 'summer', 'worker-b', at)).toBe(
      false,
    );
    expect(await claimSlot(db.db.kysely, SCHEDULE, '2027-07-06', 'worker-b', at)).toBe(false);
    // A new connection, as after a restart, sees the same runs.
    const again = openDatabase(dialect === 'sqlite' ? { dialect, file: db.url } : { dialect, url: db.url });
    try {
      expect(await claimSlot(again.kysely, SCHEDULE, '2027-01-12', 'worker-c', at)).toBe(false);
      expect(
        (await runsSince(again.kysely, SCHEDULE, '2027-01-01')).map((r) => [
          r.slot,
          r.status,
          r.reason,
          r.claimed_by,
        ]),
      ).toEqual([
        ['2027-01-12', 'done', null, 'worker-a'],
        ['2027-07-06', 'skipped', 'summer', 'worker-a'],
      ]);
    } finally {
      await again.close();
    }
  });

  it('two connections racing for the same slots: every slot is won by exactly one', async () => {
    const second = openDatabase(dialect === 'sqlite' ? { dialect, file: db.url } : { dialect, url: db.url });
    try {
      const now = '2027-01-01T00:00:00.000Z';
      const [a, b] = await Promise.all([
        Promise.all(SLOTS.map((s) => claimSlot(db.db.kysely, SCHEDULE, s, 'a', now))),
        Promise.all(SLOTS.map((s) => claimSlot(second.kysely, SCHEDULE, s, 'b', now))),
      ]);
      SLOTS.forEach((_, i) => {
        expect(Number(a[i]) + Number(b[i])).toBe(1);
      });
    } finally {
      await second.close();
    }
  });

  it('two processes racing for the same slots: every slot is won by exactly one', async () => {
    const [a, b] = await Promise.all([
      claimInChildProcess(db.url, 'process-a'),
      claimInChildProcess(db.url, 'process-b'),
    ]);
    expect([...a, ...b].sort()).toEqual(SLOTS);
    expect(a.filter((s) => b.includes(s))).toEqual([]);
    const rows = await runsSince(db.db.kysely, SCHEDULE, '2027-01-01');
    expect(rows).toHaveLength(SLOTS.length);
    expect(rows.filter((r) => r.claimed_by === 'process-a').map((r) => r.slot)).toEqual([...a].sort());
    expect(rows.filter((r) => r.claimed_by === 'process-b').map((r) => r.slot)).toEqual([...b].sort());
  });
});
