import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/**
 * Something `delmal serve` does on the minute: open due check-in rounds, send reminders, warm up
 * identities, post digests. `run` gets the tick's time from the injected clock and must be safe
 * to run in several processes at once (claims in the database decide who does what).
 */
export interface TickJob {
  readonly name: string;
  run(now: Date): Promise<unknown>;
}

export interface Ticker {
  /** Runs every job once now, in order (what one minute's tick does); a failing job does not stop the rest. */
  tick(): Promise<void>;
  /** Stops the minute timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * The ticker: node-cron fires every minute and nothing else — WHAT is due is computed by the jobs
 * from the schedules and the runs recorded in the database, so a missed minute (a restart, the
 * hour that does not exist on the spring-forward day) is caught up by the next one. A tick still
 * running when the next minute comes is not overlapped.
 */
export function startTicker(jobs: readonly TickJob[], deps: { clock: Clock; logger: Logger }): Ticker {
  let running: Promise<void> | undefined;
  const tick = () => runJobs(jobs, deps);
  const guarded = () => {
    running ??= tick().finally(() => {
      running = undefined;
    });
    return running;
  };
  const task: ScheduledTask = cron.schedule('* * * * *', guarded, {
    name: 'delmal-ticker',
    noOverlap: true,
    // A minute skipped while the process was busy is not a fault: the next tick covers it.
    suppressMissedWarning: true,
  });
  return {
    tick: guarded,
    stop: async () => {
      await task.destroy();
      await running;
    },
  };
}

/**
 * One tick: every job once, in order, each at the clock's time when it starts; a failing job is
 * logged and the rest still run. What the minute timer calls, and the playground's clock control.
 */
export async function runJobs(
  jobs: readonly TickJob[],
  deps: { clock: Clock; logger: Logger },
): Promise<void> {
  for (const job of jobs) {
    const now = deps.clock.now();
    try {
      await job.run(now);
    } catch (error) {
      deps.logger.error({ err: error, job: job.name }, 'ticker: job failed; the next minute retries');
    }
  }
}

/** A last ticker job that calls `then` once, after the first run of the others. */
export function afterFirstRun(then: () => void): TickJob {
  let done = false;
  return {
    name: 'after-first-tick',
    run: async () => {
      if (done) return;
      done = true;
      then();
    },
  };
}
