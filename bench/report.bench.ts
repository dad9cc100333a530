/**
 * Report benchmark: the annual follow-up report for one year of a SYNTHETIC history — 1,000
 * activities and 200,000 check-ins in one year — on SQLite and PostgreSQL, per format, plus
 * the check-in CSV export. Data is generated here (report-data.ts), never shipped.
 * Run: npm run bench:report   (PostgreSQL: BENCH_DATABASE_URL, default the local test server)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { readCatalog } from '../db/catalog-read.repository.js';
import { checkInsInPeriod, latestCheckInsBefore } from '../db/check-in-periods.repository.js';
import { type Db, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { parseCatalogFile } from '../src/catalog/catalog-file.js';
import { importCatalog } from '../src/catalog/catalog-import.js';
import { CatalogView } from '../src/catalog/catalog-view.js';
import { fixedClock } from '../src/clock.js';
import { SHIPPED_CATALOG } from '../src/paths.js';
import { writeCheckInsCsv } from '../src/report/checkins-csv.js';
import { compileFollowUpReport, REPORT_FORMATS } from '../src/report/follow-up.js';
import { parsePeriod } from '../src/report/period.js';
import { onPostgres } from './postgres.js';
import { mulberry32 } from './random.js';
import { insertSyntheticCheckIns, syntheticCatalog } from './report-data.js';

const ACTIVITIES = 1000;
const CHECK_INS = 200_000;
// A year of check-ins: nearly all of them fall in the report's period (2025-12-01 – 2026-11-30).
const HISTORY = { from: '2025-11-20T00:00:00Z', to: '2026-11-30T22:00:00Z' };
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SEED = 20_261_201;

const parsed = parsePeriod('2025-12-01', '2026-11-30', 'Europe/Stockholm');
if (!parsed.ok) throw new Error('bench: period');
const period = parsed.period;
const clock = fixedClock('2026-12-01T08:00:00Z');

interface Row {
  readonly dialect: string;
  readonly what: string;
  readonly ms: number[];
  readonly detail: string;
}

async function prepare(db: Db): Promise<{ view: CatalogView; inPeriod: number; loadMs: number }> {
  await migrateToLatest(db);
  const shipped = parseCatalogFile(SHIPPED_CATALOG, readFileSync(SHIPPED_CATALOG, 'utf8')).catalog;
  const catalog = syntheticCatalog(shipped, ACTIVITIES);
  await importCatalog(db, { path: 'synthetic.yaml', text: stringify(catalog) }, { clock });
  const start = performance.now();
  const inPeriod = await insertSyntheticCheckIns(
    db.kysely,
    catalog.activities.map((a) => a.id),
    mulberry32(SEED),
    { count: CHECK_INS, ...HISTORY, periodStart: period.startUtc, periodEnd: period.endUtc },
  );
  const loadMs = performance.now() - start;
  return { view: new CatalogView(await readCatalog(db.kysely)), inPeriod, loadMs };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function bench(dialect: string, db: Db): Promise<Row[]> {
  const { view, inPeriod, loadMs } = await prepare(db);
  console.error(
    `${dialect}: ${CHECK_INS} synthetic check-ins inserted in ${(loadMs / 1000).toFixed(1)} s, ${inPeriod} in the period`,
  );
  const rows: Row[] = [];
  const repeat = async (what: string, detail: () => string, fn: () => Promise<unknown>) => {
    await fn(); // warm-up: JIT, statement caches, the database's pages
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) ms.push(await time(fn));
    rows.push({ dialect, what, ms, detail: detail() });
    console.error(`${dialect} ${what}: ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
  };
  let size = '';
  await repeat(
    'period queries (status at start + check-ins in period)',
    () => `${inPeriod} + ≤ ${ACTIVITIES} rows`,
    () =>
      Promise.all([
        latestCheckInsBefore(db.kysely, period.startUtc),
        checkInsInPeriod(db.kysely, period.startUtc, period.endUtc),
      ]),
  );
  // PDF is the DOCX plus LibreOffice's conversion (its own process, not delmal's time): not timed here.
  for (const format of REPORT_FORMATS.filter((f) => f !== 'pdf'))
    await repeat(
      `report ${format}`,
      () => size,
      async () => {
        const marks: [string, number][] = [];
        const out = await compileFollowUpReport(
          { db, view, clock, locale: 'sv', progress: (step) => marks.push([step, performance.now()]) },
          period,
          format,
        );
        marks.push(['end', performance.now()]);
        // Where the time goes: read · compile · charts · write, in ms.
        const phases = marks.slice(0, -1).map(([, at], i) => ((marks[i + 1]?.[1] ?? at) - at).toFixed(0));
        size = `${(out.content.length / 1024).toFixed(0)} KB; read·compile·charts·write ${phases.join('·')} ms`;
      },
    );
  await repeat(
    'check-in CSV',
    () => `${inPeriod} rows`,
    () => writeCheckInsCsv(db, view, period, 'sv', new Writable({ write: (_c, _e, done) => done() })),
  );
  return rows;
}

const dir = mkdtempSync(join(os.tmpdir(), 'delmal-bench-report-'));
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

const median = (ms: readonly number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0;
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`## Report benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log(`- Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}`);
console.log(
  `- SYNTHETIC data: ${ACTIVITIES} activities (shipped catalog + "Syntetisk aktivitet N"), ${CHECK_INS} check-ins ${HISTORY.from.slice(0, 10)} – ${HISTORY.to.slice(0, 10)}, seed ${SEED}`,
);
console.log(
  `- period ${period.from} – ${period.to} (${period.timezone}); ${RUNS} timed runs after one warm-up`,
);
console.log('');
console.log('| database | what | median ms | min ms | max ms | output |');
console.log('|---|---|---:|---:|---:|---|');
for (const r of results)
  console.log(
    `| ${r.dialect} | ${r.what} | ${median(r.ms).toFixed(0)} | ${Math.min(...r.ms).toFixed(0)} | ${Math.max(...r.ms).toFixed(0)} | ${r.detail} |`,
  );
