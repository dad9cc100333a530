/**
 * Digest benchmark: one weekly digest for a network following 1,000 activities, over a SYNTHETIC
 * history of 200,000 check-ins (four years) and a round every two weeks — then again with the
 * history doubled (four more, older years), on SQLite and PostgreSQL. The digest reads by period
 * only, so doubling the history must cost (almost) nothing: goal < 50 ms, and < 10 % more.
 * Run: npm run bench:digest   (PostgreSQL: BENCH_DATABASE_URL, default the local test server)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { stringify } from 'yaml';
import { readCatalog } from '../db/catalog-read.repository.js';
import { type Db, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Catalog, Network } from '../db/model/catalog-schema.js';
import { parseCatalogFile } from '../src/catalog/catalog-file.js';
import { importCatalog } from '../src/catalog/catalog-import.js';
import { CatalogView } from '../src/catalog/catalog-view.js';
import { fixedClock } from '../src/clock.js';
import { buildDigest } from '../src/digest/build-digest.js';
import { followedActivities, followedAreas } from '../src/digest/followed.js';
import { renderDigest } from '../src/digest/render-digest.js';
import { translator } from '../src/i18n/i18n.js';
import { SHIPPED_CATALOG } from '../src/paths.js';
import { onPostgres } from './postgres.js';
import { mulberry32, type Random } from './random.js';
import { insertSyntheticCheckIns, syntheticCatalog } from './report-data.js';

const ACTIVITIES = 1000;
const CHECK_INS = 200_000;
const HISTORY = { from: '2022-12-01T00:00:00Z', to: '2026-11-30T07:00:00Z' };
const OLDER = { from: '2018-12-01T00:00:00Z', to: '2022-12-01T00:00:00Z' };
const PERIOD = { from: '2026-11-23T07:00:00.000Z', to: '2026-11-30T07:00:00.000Z' };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SEED = 20_261_130;
const NETWORK = 'syntetiskt-natverk';
const clock = fixedClock('2026-11-30T07:00:00Z');
const sv = translator('sv');

interface Row {
  readonly dialect: string;
  readonly history: string;
  readonly ms: number[];
  /** This process's CPU time per digest (user + system): less sensitive to a busy machine than wall time. */
  readonly cpuMs: number[];
  readonly detail: string;
}

/** A network that follows every delmål of the current plan and every common insatsområde: all 1,000 activities. */
function withNetwork(catalog: Catalog): Catalog {
  const network: Network = {
    id: NETWORK,
    name: 'Syntetiskt nätverk',
    chairs: [],
    members: [],
    goals: catalog.plans.find((p) => p.current)?.goals.map((g) => g.id) ?? [],
    focusAreas: catalog.followUp?.focusAreas.map((f) => f.id) ?? [],
    demo: true,
  };
  return { ...catalog, networks: [...catalog.networks, network] };
}

/** One round every two weeks in [from, to), asking about every activity; about one in ten never answered. */
async function insertRounds(
  db: Db,
  ids: readonly string[],
  random: Random,
  from: string,
  to: string,
): Promise<number> {
  let rows = 0;
  for (let at = Date.parse(from); at < Date.parse(to); at += 14 * 86_400_000) {
    const opened = new Date(at).toISOString();
    const id = `bench:${opened.slice(0, 10)}`;
    await db.kysely
      .insertInto('check_in_rounds')
      .values({
        id,
        schedule_id: 'bench',
        slot: opened.slice(0, 10),
        opened_at: opened,
        deadline_at: new Date(at + 3 * 86_400_000).toISOString(),
        closes_at: new Date(at + 14 * 86_400_000).toISOString(),
        created_at: opened,
      })
      .execute();
    const activities = ids.map((activity) => ({
      round_id: id,
      activity_id: activity,
      skipped_reason: null,
      check_in_id: random.next() < 0.1 ? null : `answered-${activity}`,
      answered_at: null,
    }));
    for (let i = 0; i < activities.length; i += 500)
      await db.kysely
        .insertInto('check_in_round_activities')
        .values(activities.slice(i, i + 500))
        .execute();
    rows += activities.length;
  }
  return rows;
}

async function bench(dialect: string, db: Db): Promise<Row[]> {
  await migrateToLatest(db);
  const shipped = parseCatalogFile(SHIPPED_CATALOG, readFileSync(SHIPPED_CATALOG, 'utf8')).catalog;
  const catalog = withNetwork(syntheticCatalog(shipped, ACTIVITIES));
  await importCatalog(db, { path: 'synthetic.yaml', text: stringify(catalog) }, { clock });
  const view = new CatalogView(await readCatalog(db.kysely));
  const network = view.catalog.networks.find((n) => n.id === NETWORK);
  if (!network) throw new Error('bench: network');
  const followed = followedActivities(followedAreas(view, network)).length;
  const ids = catalog.activities.map((a) => a.id);
  const random = mulberry32(SEED);
  const rows: Row[] = [];
  const measure = async (history: string) => {
    let detail = '';
    const cpu: number[] = [];
    const once = async () => {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const message = await buildDigest(db.kysely, view, network, {
        ...PERIOD,
        timeZone: 'Europe/Stockholm',
        kind: 'weekly',
      });
      renderDigest(message, sv, 'sv');
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      const updates = new Set(
        message.sections.flatMap((s) => s.updates.map((u) => `${u.activityId}/${u.at}`)),
      ).size;
      detail = `${followed} activities followed; ${updates} updates, ${message.exceptions.length} exceptions, ${message.counts.missing} missing`;
      return ms;
    };
    await once(); // warm-up: JIT, statement caches, the database's pages
    cpu.length = 0;
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) ms.push(await once());
    rows.push({ dialect, history, ms, cpuMs: [...cpu], detail });
    console.error(`${dialect} ${history}: median ${median(ms).toFixed(1)} ms`);
  };

  await insertSyntheticCheckIns(db.kysely, ids, random, {
    count: CHECK_INS,
    ...HISTORY,
    periodStart: PERIOD.from,
    periodEnd: PERIOD.to,
  });
  const rounds = await insertRounds(db, ids, random, HISTORY.from, PERIOD.to);
  // A database in service has planner statistics (PostgreSQL's autovacuum analyses after bulk
  // changes); right after a bulk load it has none, and the first query plans would measure that.
  await sql`analyze`.execute(db.kysely);
  await measure(`${CHECK_INS / 1000}k check-ins, ${rounds / 1000}k round rows`);
  await insertSyntheticCheckIns(db.kysely, ids, random, {
    count: CHECK_INS,
    ...OLDER,
    periodStart: PERIOD.from,
    periodEnd: PERIOD.to,
  });
  const older = await insertRounds(db, ids, random, OLDER.from, OLDER.to);
  await sql`analyze`.execute(db.kysely);
  await measure(`${(2 * CHECK_INS) / 1000}k check-ins, ${(rounds + older) / 1000}k round rows`);
  return rows;
}

function pct(before: number, after: number): string {
  return `${(((after - before) / before) * 100).toFixed(1)} %`;
}

function median(ms: readonly number[]): number {
  return [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0;
}

const dir = mkdtempSync(join(os.tmpdir(), 'delmal-bench-digest-'));
const sqlite = openDatabase({ dialect: 'sqlite', file: join(dir, 'bench.sqlite') });
const results: Row[] = [];
try {
  results.push(...(await bench('SQLite', sqlite)));
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}
if (process.env.BENCH_SQLITE_ONLY !== '1')
  results.push(...((await onPostgres((db) => bench('PostgreSQL', db))) ?? []));

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`## Digest benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log(
  `- Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}; load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
console.log(
  `- SYNTHETIC data: ${ACTIVITIES} activities, a network following all of them; ${CHECK_INS} check-ins ${HISTORY.from.slice(0, 10)} – ${HISTORY.to.slice(0, 10)} and a round every two weeks, then ${CHECK_INS} more ${OLDER.from.slice(0, 10)} – ${OLDER.to.slice(0, 10)}; seed ${SEED}`,
);
console.log(
  `- one digest (read + compose + render) for ${PERIOD.from.slice(0, 10)} – ${PERIOD.to.slice(0, 10)}; ${RUNS} timed runs after one warm-up`,
);
console.log('');
console.log('| database | history | median ms | min ms | max ms | median CPU ms (this process) | digest |');
console.log('|---|---|---:|---:|---:|---:|---|');
for (const r of results)
  console.log(
    `| ${r.dialect} | ${r.history} | ${median(r.ms).toFixed(1)} | ${Math.min(...r.ms).toFixed(1)} | ${Math.max(...r.ms).toFixed(1)} | ${median(r.cpuMs).toFixed(1)} | ${r.detail} |`,
  );
for (const dialect of new Set(results.map((r) => r.dialect))) {
  const [base, doubled] = results.filter((r) => r.dialect === dialect);
  if (base && doubled)
    console.log(
      `\n${dialect}: doubling the history changed the median by ${pct(median(base.ms), median(doubled.ms))} (wall), ${pct(median(base.cpuMs), median(doubled.cpuMs))} (CPU).`,
    );
}
