import os from 'node:os';
import type { LoadResult } from './load.js';
import { summarize } from './measure.js';

/** The concurrency levels the answer-path benchmarks run at. */
export const LEVELS = [1, 10, 50] as const;

/** One contender: a label for the table and how to put one round of load on it. */
export interface Contender {
  readonly label: string;
  run(durationMs: number, concurrency: number): Promise<LoadResult>;
}

export interface Measured {
  readonly label: string;
  readonly requests: number;
  readonly seconds: number;
  readonly samples: number[];
  readonly errors: number;
}

/**
 * Alternates the contenders round by round at `concurrency` (after a warm-up of each), so drift
 * (GC, neighbours on a shared machine) hits all alike; `between` runs after each round (let an
 * outbox finish its sends before the next contender's round).
 */
export async function alternate(
  contenders: readonly Contender[],
  concurrency: number,
  options: { rounds: number; roundMs: number; warmUpMs: number; between?: () => Promise<void> },
): Promise<Measured[]> {
  const results = contenders.map((c) => ({
    label: c.label,
    requests: 0,
    seconds: 0,
    samples: [] as number[],
    errors: 0,
  }));
  for (const c of contenders) {
    await c.run(options.warmUpMs, concurrency);
    await options.between?.();
  }
  for (let round = 0; round < options.rounds; round++)
    for (const [i, c] of contenders.entries()) {
      const r = await c.run(options.roundMs, concurrency);
      const into = results[i];
      if (!into) continue;
      into.samples.push(...r.samples);
      into.requests += r.samples.length;
      into.errors += r.errors;
      into.seconds += options.roundMs / 1000;
      await options.between?.();
    }
  return results;
}

/** The table of one level: req/s and latency percentiles per contender. */
export function table(results: readonly Measured[]): string[] {
  const lines = [
    '| contender | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const s = summarize(r.samples);
    lines.push(
      `| ${r.label} | ${(r.requests / r.seconds).toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.max.toFixed(1)} | ${r.errors} |`,
    );
  }
  return lines;
}

/** delmal's req/s over a floor's, and its p99 against the floor's. */
export function ratio(delmal: Measured, floor: Measured): { ratio: number; p99: number; floorP99: number } {
  return {
    ratio: delmal.requests / delmal.seconds / Math.max(1e-9, floor.requests / floor.seconds),
    p99: summarize(delmal.samples).p99,
    floorP99: summarize(floor.samples).p99,
  };
}

/** The machine and its load, for the record (the benchmarks run on a shared machine). */
export function machine(): string {
  const [one, five] = os.loadavg();
  return `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}; load average ${one?.toFixed(1)} (1 min), ${five?.toFixed(1)} (5 min) at the end`;
}
