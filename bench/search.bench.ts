/**
 * Search benchmark: p95 latency of `/delmal sök` over the shipped catalog plus 100k synthetic
 * check-in notes (goal < 20 ms), side by side with a naive scan and with the per-note design
 * this one replaced. The headline row takes the path a question takes in production: the notes are
 * check-ins stored in SQLite (through the check-in repository), the `CatalogStore` reads the
 * catalog and the notes from the database into its index, and every question asks the store first.
 * Run: npm run bench:search
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { insertCheckIn } from '../db/check-ins.repository.js';
import { openDatabase } from '../db/connection.js';
import { parseCatalogFile } from '../src/catalog/catalog-file.js';
import { ensureDatabaseReady } from '../src/catalog/catalog-seed.js';
import { CatalogView } from '../src/catalog/catalog-view.js';
import { databaseCheckIns } from '../src/checkins/check-in-service.js';
import { systemClock } from '../src/clock.js';
import { SHIPPED_CATALOG } from '../src/paths.js';
import { CatalogStore } from '../src/search/catalog-store.js';
import {
  catalogDocuments,
  defaultAnalyzer,
  type SearchDocument,
  SearchIndex,
} from '../src/search/search-index.js';
import { type IndexedDocument, miniSearchOptions } from '../src/search/search-options.js';
import {
  heapUsedMb,
  latencyTable,
  measure,
  measureAsync,
  type Run,
  slowestQueries,
  summarize,
  timed,
} from './measure.js';
import { NaiveScan } from './naive-scan.js';
import { QUERIES } from './queries.js';
import { mulberry32 } from './random.js';
import { DEFAULT_NOTE_OPTIONS, syntheticNotes } from './synthetic-notes.js';

const GOAL_P95_MS = 20;
const SEED = 20_260_304;
// Rounds over the queries: the headline row gets ~2,000 searches; the slow comparison rows fewer,
// so the run stays within a couple of minutes on two cores.
const MAIN_ROUNDS = 48;
const SLOW_ROUNDS = 5;

const catalog = parseCatalogFile(SHIPPED_CATALOG, readFileSync(SHIPPED_CATALOG, 'utf8')).catalog;
const view = new CatalogView(catalog);
const catalogDocs = catalogDocuments(view);
const search = (index: SearchIndex) => (query: string) => index.search(query, { limit: 8 });

const heapStart = heapUsedMb();
const notes = timed(() => syntheticNotes(catalog.activities, mulberry32(SEED), DEFAULT_NOTE_OPTIONS));
const heapNotes = heapUsedMb();

// Each phase builds what it measures and lets it go, so one contender's heap does not slow the
// next one's garbage collection. The headline row runs first, on the least crowded heap.
const product = await productPhase();
const perNote = perNotePhase();
const scan = scanPhase();
const catalogOnly = measure(
  'delmal SearchIndex, catalog only',
  QUERIES,
  MAIN_ROUNDS,
  search(SearchIndex.fromCatalog(view)),
);
const headline = product.headline;
const runs: Run[] = [headline, product.activities, product.arriving, perNote.run, scan, catalogOnly];

const mb = (value: number) => `${value.toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const p95 = summarize(headline.samples).p95;
console.log(`## Search benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log(`- Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}`);
console.log(
  `- gc exposed: ${'gc' in globalThis ? 'yes (heap figures after full GC)' : 'no (heap figures are rough)'}`,
);
console.log(
  `- queries: ${QUERIES.length}, seed ${SEED}, ${notes.result.length} notes (${describe(notes.result)})`,
);
console.log(`- notes generated in ${s(notes.ms)}, ${mb(heapNotes - heapStart)} heap`);
console.log(
  `- ${notes.result.length} check-ins stored in SQLite through \`insertCheckIn\` (one transaction each) in ${s(product.storeMs)}`,
);
console.log(
  `- delmal index read from the database by \`CatalogStore.warmUp\` (catalog + notes grouped per activity and quarter, ${product.docs} docs): built in ${s(product.ms)}, ${mb(product.heapMb)} heap`,
);
console.log(`- per-note index (${perNote.docs} docs): built in ${s(perNote.ms)}`);
console.log('');
console.log(latencyTable(runs));
console.log('');
console.log(
  `Goal p95 < ${GOAL_P95_MS} ms over catalog + 100k notes: ${p95 < GOAL_P95_MS ? 'MET' : 'NOT MET'} (p95 ${p95.toFixed(1)} ms).`,
);
console.log('');
console.log(slowestQueries(headline, QUERIES, 10, product.matched));

/**
 * delmal's search as a question reaches it: check-ins stored in SQLite, the `CatalogStore` indexing
 * the catalog and their notes from the database, and each question asking the store (revision
 * check, at most every 250 ms) before searching its index.
 */
async function productPhase() {
  const dir = mkdtempSync(join(tmpdir(), 'delmal-search-bench-'));
  const db = openDatabase({ dialect: 'sqlite', file: join(dir, 'search.sqlite') });
  try {
    await ensureDatabaseReady(db, systemClock);
    const stored = performance.now();
    for (const note of notes.result) await insertCheckIn(db.kysely, toCheckIn(note), dateOf(note));
    const storeMs = performance.now() - stored;
    const heapBefore = heapUsedMb();
    const store = new CatalogStore(db);
    const built = performance.now();
    await store.warmUp();
    const ms = performance.now() - built;
    const heapMb = heapUsedMb() - heapBefore;
    const { search: index, view: storedView } = await store.get();
    const matched = new Map(
      QUERIES.map(({ text }) => [text, index.search(text, { limit: 1_000_000 }).length]),
    );
    const ask = async (query: string) => (await store.get()).search.search(query, { limit: 8 });
    const headline = await measureAsync(
      '**delmal CatalogStore (SQLite), catalog + 100k notes**',
      QUERIES,
      MAIN_ROUNDS,
      ask,
    );
    const activities = await measureAsync(
      "↳ kinds: ['activity'] (as activity lookup asks)",
      QUERIES,
      MAIN_ROUNDS,
      async (q) => (await store.get()).search.search(q, { kinds: ['activity'], limit: 8 }),
    );
    // A check-in recorded through the service, then the next question: it reads the new note from
    // the database into the index before searching.
    const checkIns = databaseCheckIns(db, systemClock);
    const owned = storedView.catalog.activities.filter((a) => a.owners.length > 0);
    let next = 0;
    const arriving = await measureAsync(
      '↳ a check-in recorded through the service, then the next question (note read from the database)',
      QUERIES.slice(0, 20),
      SLOW_ROUNDS,
      async (q) => {
        const activity = owned[next++ % owned.length];
        if (!activity) throw new Error('no activity with an owner in the shipped catalog');
        // Timed together: the check-in's write (its transaction, the revision bump) and the question
        // that then reads the new note from the database into the index before searching.
        const result = await checkIns.record(
          storedView,
          { email: activity.owners[0] },
          { activityId: activity.id, statusCode: 'on_track', note: `Ny avstämning ${next}: ${q}` },
          'bench',
        );
        if (!result.ok) throw new Error(`check-in refused: ${JSON.stringify(result)}`);
        return ask(q);
      },
      0,
    );
    return { headline, activities, arriving, matched, ms, storeMs, heapMb, docs: index.size };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The design this replaced: the same MiniSearch settings, one document per note. */
function perNotePhase() {
  const built = timed(() => {
    const mini = new MiniSearch<IndexedDocument>(miniSearchOptions(defaultAnalyzer()));
    mini.addAll([...catalogDocs, ...notes.result]);
    return mini;
  });
  const run = measure('previous design: one document per note', QUERIES, SLOW_ROUNDS, (q) =>
    built.result.search(q).slice(0, 8),
  );
  return { run, ms: built.ms, docs: built.result.documentCount };
}

function scanPhase(): Run {
  const scan = new NaiveScan([...catalogDocs, ...notes.result]);
  return measure('naive linear scan, catalog + 100k notes', QUERIES, SLOW_ROUNDS, (q) => scan.search(q));
}

/** A synthetic note as a check-in row (status "enligt plan", no person: an imported history). */
function toCheckIn(note: SearchDocument) {
  return {
    activityId: note.refId,
    personId: null,
    authorName: 'Bench',
    statusCode: 'on_track',
    note: note.text,
    platform: 'bench',
  };
}

/** The note's date as the check-in's time. */
function dateOf(note: SearchDocument): string {
  return `${/\d{4}-\d{2}-\d{2}/.exec(note.where)?.[0] ?? '2026-01-01'}T09:00:00.000Z`;
}

function describe(docs: readonly SearchDocument[]): string {
  const words = docs.map((doc) => doc.text.split(/\s+/).length);
  const mean = words.reduce((sum, n) => sum + n, 0) / Math.max(1, words.length);
  return `${Math.min(...words)}–${Math.max(...words)} words, mean ${mean.toFixed(1)}`;
}
