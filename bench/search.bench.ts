/**
 * Search benchmark: p95 latency of `/delmal sök` over the shipped catalog plus 100k synthetic
 * check-in notes (goal < 20 ms), side by side with a naive scan and with the per-note design
 * this one replaced.
 * Run: npm run bench:search
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import MiniSearch from 'minisearch';
import { parseCatalogFile } from '../src/catalog/catalog-file.js';
import { CatalogView } from '../src/catalog/catalog-view.js';
import { SHIPPED_CATALOG } from '../src/paths.js';
import {
  type CheckInNote,
  catalogDocuments,
  defaultAnalyzer,
  type SearchDocument,
  SearchIndex,
} from '../src/search/search-index.js';
import { type IndexedDocument, miniSearchOptions } from '../src/search/search-options.js';
import { heapUsedMb, latencyTable, measure, type Run, slowestQueries, summarize, timed } from './measure.js';
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
const product = productPhase();
const perNote = perNotePhase();
const scan = scanPhase();
const catalogOnly = measure(
  'delmal SearchIndex, catalog only',
  QUERIES,
  MAIN_ROUNDS,
  search(SearchIndex.fromCatalog(view)),
);
const headline = product.headline;
const runs: Run[] = [headline, product.activities, perNote.run, scan, catalogOnly];

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
  `- delmal index (catalog + notes grouped per activity and quarter, ${product.docs} docs): built in ${s(product.ms)}, ${mb(product.heapMb)} heap`,
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

/** delmal's SearchIndex with every note added through `addNotes`, as the bot holds it. */
function productPhase() {
  const built = timed(() => {
    const index = SearchIndex.fromCatalog(view);
    index.addNotes(notes.result.map(toCheckInNote));
    return index;
  });
  const heapMb = heapUsedMb() - heapNotes;
  const index = built.result;
  const matched = new Map(QUERIES.map(({ text }) => [text, index.search(text, { limit: 1_000_000 }).length]));
  const headline = measure(
    '**delmal SearchIndex, catalog + 100k notes**',
    QUERIES,
    MAIN_ROUNDS,
    search(index),
  );
  const activities = measure("↳ kinds: ['activity'] (as activity lookup asks)", QUERIES, MAIN_ROUNDS, (q) =>
    index.search(q, { kinds: ['activity'], limit: 8 }),
  );
  return { headline, activities, matched, ms: built.ms, heapMb, docs: index.size };
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

/** A synthetic note as the check-in flow will hand it to search. */
function toCheckInNote(note: SearchDocument): CheckInNote {
  const at = /\d{4}-\d{2}-\d{2}/.exec(note.where)?.[0] ?? '2026-01-01';
  return { activityId: note.refId, activityName: note.title, text: note.text, at };
}

function describe(docs: readonly SearchDocument[]): string {
  const words = docs.map((doc) => doc.text.split(/\s+/).length);
  const mean = words.reduce((sum, n) => sum + n, 0) / Math.max(1, words.length);
  return `${Math.min(...words)}–${Math.max(...words)} words, mean ${mean.toFixed(1)}`;
}
