import { Worker } from 'node:worker_threads';

/**
 * The load every HTTP benchmark applies: 50 clients, 2 s warm-up, alternating 6 s rounds.
 * BENCH_WARM_UP_MS / BENCH_ROUND_MS shorten them for a quick look on a busy machine.
 */
const CONCURRENCY = 50;
export const WARM_UP_MS = Math.max(0, Number(process.env.BENCH_WARM_UP_MS ?? 2_000) || 2_000);
export const ROUND_MS = Math.max(500, Number(process.env.BENCH_ROUND_MS ?? 6_000) || 6_000);
/** Alternating rounds per contender and level; BENCH_ROUNDS=4 (or more) for steadier ratios. */
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2) || 2);

export interface LoadResult {
  samples: number[];
  errors: number;
}

/** What load-worker.ts sends (see there): Slack slash commands or Teams activities. */
export interface LoadTarget {
  readonly kind: 'slack' | 'teams';
  readonly url: string;
  readonly secret: string;
  readonly text: string;
  readonly responseUrl: string;
  /** When set, every answer must be exactly this body or empty (else it counts as an error). */
  readonly expect?: string;
}

/** Runs the load generator in its own thread against `target` for `durationMs`. */
export function runLoad(
  target: LoadTarget,
  durationMs: number,
  concurrency = CONCURRENCY,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), {
      workerData: { ...target, concurrency, durationMs },
    });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}
