import { readFileSync } from 'node:fs';
import { exited } from '../tests/support/cli.js';
import { type Replica, readyz, startReplica } from '../tests/support/replicas.js';

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** One started replica and how long it took: spawn → "delmal listening" logged, spawn → /readyz 200. */
export interface TimedReplica extends Replica {
  readonly listeningMs: number;
  readonly readyMs: number;
}

/** Replicas started together (`delmal serve`, the built binary), each timed, all ready. */
export interface ReplicaSet {
  readonly replicas: readonly TimedReplica[];
  /** Idle RSS of each, in MB, read `idleMs` after the last one became ready. */
  idleRss(idleMs: number): Promise<number[]>;
  /** SIGTERM to every replica; resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Starts `count` replicas at once with `env` (plus LOG_LEVEL=info: the "delmal listening" line is
 * what marks listening) and waits until every one is ready.
 */
export async function startReplicas(
  count: number,
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<ReplicaSet> {
  const starts = await Promise.allSettled(
    Array.from({ length: count }, async (): Promise<TimedReplica> => {
      const started = performance.now();
      const replica = await startReplica({ LOG_LEVEL: 'info', ...env }, timeoutMs);
      const listeningMs = performance.now() - started;
      try {
        await readyz(replica.base, timeoutMs);
      } catch (error) {
        replica.child.kill('SIGKILL');
        throw error;
      }
      return Object.assign(replica, { listeningMs, readyMs: performance.now() - started });
    }),
  );
  const replicas = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = starts.find((s) => s.status === 'rejected');
  if (failed) {
    for (const r of replicas) r.child.kill('SIGKILL');
    throw failed.reason;
  }
  return {
    replicas,
    idleRss: async (idleMs) => {
      await new Promise((resolve) => setTimeout(resolve, idleMs));
      return replicas.map((r) => rssMb(r.child.pid ?? 0));
    },
    stop: async () => {
      const running = replicas.filter((r) => r.child.exitCode === null && r.child.signalCode === null);
      for (const r of running) r.child.kill('SIGTERM');
      await Promise.all(running.map((r) => exited(r.child, 30_000)));
    },
  };
}
