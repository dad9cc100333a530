/** Exponential backoff with jitter for the `attempt`-th failure: ~1 s, 2 s, 4 s … capped at 5 minutes, ±50 %. */
export function retryBackoffMs(attempt: number, random: () => number): number {
  const base = Math.min(1000 * 2 ** (attempt - 1), 5 * 60_000);
  return Math.round(base * (0.5 + random()));
}
