import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Logger } from '../logger.js';

/**
 * Gives back the memory start-up used, once. Loading the SDKs and building the search index leave
 * ~20 MB of garbage in the old generation and a young generation grown to 32 MB for the burst;
 * V8's own memory reducer steps in only after a minute or more of idling (its allocation-rate
 * window still remembers the burst), so an idle bot sat at ~170 MB resident instead of ~135 MB
 * (bench/RESULTS.md, start-up, 2026-12-02). A "last resort" collection is the one that also shrinks
 * the young generation and returns freed pages to the system; it stops the event loop while it
 * runs (logged as `ms`; a few hundred ms on a loaded machine), which is why only `delmal serve`
 * calls this, once, right after the warm-up — before any real traffic is likely.
 */
export function collectStartUpGarbage(logger: Logger): void {
  const started = performance.now();
  const before = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  // V8's own collector entry point. `--expose-gc` set at run time applies to contexts made after
  // it, so `gc` is taken from a fresh context instead of requiring a command-line flag.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as NodeJS.GCFunction;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  logger.info(
    {
      rssBeforeMb: mb(before),
      rssAfterMb: mb(process.memoryUsage().rss),
      ms: Math.round(performance.now() - started),
      cpuMs: Math.round(process.cpuUsage(cpu).user / 1000),
    },
    'start-up garbage collected',
  );
}
