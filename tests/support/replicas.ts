import { createServer } from 'node:net';
import { spawnServe } from './cli.js';
import { until } from './wait.js';

/** A port nobody listens on right now (a child process cannot report one chosen by the OS). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** One `delmal serve` process (the built binary) on its own port. */
export interface Replica {
  readonly child: ReturnType<typeof spawnServe>;
  readonly port: number;
  readonly base: string;
  /** Everything it wrote on stdout and stderr. */
  output(): string;
  /** Its JSON log lines, parsed (other lines skipped). */
  logs(): Record<string, unknown>[];
}

/** Starts `delmal serve` on a free port with `env`; resolves once it listens (not yet ready). */
export async function startReplica(env: Record<string, string>, timeoutMs = 30_000): Promise<Replica> {
  const port = await freePort();
  const child = spawnServe({ PORT: String(port), ...env });
  await until(
    () => child.output().includes('delmal listening') || child.exitCode !== null || child.signalCode !== null,
    `replica on port ${port} to listen`,
    timeoutMs,
  );
  if (child.exitCode !== null) throw new Error(`replica exited ${child.exitCode}:\n${child.output()}`);
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => child.output(),
    logs: () =>
      child
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Resolves once `GET /readyz` answers 200 (the search index is built, the catalog loaded). */
export async function readyz(base: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${base}/readyz`).catch(() => undefined);
    if (response?.status === 200) return (await response.json()) as Record<string, unknown>;
    await response?.body?.cancel();
    if (performance.now() - started > timeoutMs) throw new Error(`${base} not ready in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
