import type { BenchQuery } from './queries.js';

/** Latencies of one contender over the whole query set, in milliseconds. */
export interface Run {
  readonly label: string;
  readonly samples: readonly number[];
  /** Per query text: its own samples, to find the queries that set the tail. */
  readonly byQuery: ReadonlyMap<string, readonly number[]>;
  /** Mean number of hits returned, so a fast row that finds nothing is visible as such. */
  readonly meanHits: number;
}

export interface Summary {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * Times `search` on every query, `rounds` times over, after `warmUp` untimed rounds (JIT, caches).
 * Rounds walk the whole query set in order, so slow and fast queries interleave as they would live.
 */
export function measure(
  label: string,
  queries: readonly BenchQuery[],
  rounds: number,
  search: (query: string) => readonly unknown[],
  warmUp = 1,
): Run {
  for (let i = 0; i < warmUp; i++) for (const { text } of queries) search(text);
  const samples: number[] = [];
  const byQuery = new Map<string, number[]>();
  let hits = 0;
  for (let round = 0; round < rounds; round++)
    for (const { text } of queries) {
      const start = process.hrtime.bigint();
      const found = search(text);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      samples.push(ms);
      hits += found.length;
      const own = byQuery.get(text);
      if (own) own.push(ms);
      else byQuery.set(text, [ms]);
    }
  return { label, samples, byQuery, meanHits: hits / Math.max(1, samples.length) };
}

/** {@link measure} for a search that answers asynchronously (through the database-backed store). */
export async function measureAsync(
  label: string,
  queries: readonly BenchQuery[],
  rounds: number,
  search: (query: string) => Promise<readonly unknown[]>,
  warmUp = 1,
): Promise<Run> {
  for (let i = 0; i < warmUp; i++) for (const { text } of queries) await search(text);
  const samples: number[] = [];
  const byQuery = new Map<string, number[]>();
  let hits = 0;
  for (let round = 0; round < rounds; round++)
    for (const { text } of queries) {
      const start = process.hrtime.bigint();
      const found = await search(text);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      samples.push(ms);
      hits += found.length;
      const own = byQuery.get(text);
      if (own) own.push(ms);
      else byQuery.set(text, [ms]);
    }
  return { label, samples, byQuery, meanHits: hits / Math.max(1, samples.length) };
}

/** Nearest-rank percentiles (no interpolation: every figure is a latency that really happened). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const sum = sorted.reduce((total, ms) => total + ms, 0);
  return { p50: at(50), p95: at(95), p99: at(99), max: at(100), mean: sum / Math.max(1, sorted.length) };
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** The side-by-side table: one row per contender. */
export function latencyTable(runs: readonly Run[]): string {
  const lines = [
    '| contender | searches | p50 ms | p95 ms | p99 ms | max ms | mean hits |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const run of runs) {
    const s = summarize(run.samples);
    lines.push(
      `| ${run.label} | ${run.samples.length} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${run.meanHits.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The `count` queries with the highest p95 in `run`, with their group and how many documents each
 * matched before the cut to 8 hits: where the tail comes from.
 */
export function slowestQueries(
  run: Run,
  queries: readonly BenchQuery[],
  count: number,
  matched: ReadonlyMap<string, number>,
): string {
  const groups = new Map(queries.map((query) => [query.text, query.group]));
  const rows = [...run.byQuery]
    .map(([text, samples]) => ({ text, summary: summarize(samples) }))
    .sort((a, b) => b.summary.p95 - a.summary.p95)
    .slice(0, count);
  const lines = [
    `Slowest queries in "${run.label}":`,
    '',
    '| query | group | matched docs | p50 ms | p95 ms |',
    '|---|---|---:|---:|---:|',
  ];
  for (const row of rows)
    lines.push(
      `| ${row.text} | ${groups.get(row.text) ?? ''} | ${matched.get(row.text) ?? '?'} | ${ms(row.summary.p50)} | ${ms(row.summary.p95)} |`,
    );
  return lines.join('\n');
}

/** Heap in use after a full collection when `--expose-gc` is given (else as it happens to be). */
export function heapUsedMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Wall time of `work` in milliseconds, and its result. */
export function timed<T>(work: () => T): { result: T; ms: number } {
  const start = process.hrtime.bigint();
  const result = work();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
