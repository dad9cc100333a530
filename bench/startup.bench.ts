/**
 * Start-up benchmark: how soon `/healthz` answers after `delmal serve` is started from the built
 * code, how soon `/readyz` says ready (the search warm-up done), and the resident memory once idle —
 * with both adapters configured (Slack over HTTP against a local fake Web API, Teams in the
 * unauthenticated test profile) and the playground on.
 * Goals: /healthz within 1.5 s; idle RSS < 150 MB.
 * Run: npm run bench:startup (BENCH_RUNS=n for another number of runs per row; default 5)
 * Side by side with another built checkout (runs interleaved, so both see the same load):
 *   BENCH_BASELINE=/path/to/other/checkout npm run bench:startup
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { FakeSlack } from '../tests/fakes/fake-slack.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_MS = 5000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Resident set size of a process, in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Polls `url` every 10 ms until it answers 200; the time since `started`. */
async function firstOk(url: string, started: number, child: ChildProcess, stderr: () => string) {
  for (;;) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return performance.now() - started;
    if (child.exitCode !== null) throw new Error(`delmal exited with ${child.exitCode}: ${stderr()}`);
    if (performance.now() - started > 60_000) throw new Error(`no 200 from ${url} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Start {
  readonly healthzMs: number;
  readonly readyzMs: number;
  readonly rss: number;
}

async function startOnce(
  cwd: string,
  script: string[],
  env: Record<string, string>,
  idleMs = IDLE_MS,
): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, script, {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const base = `http://127.0.0.1:${port}`;
  const healthzMs = await firstOk(`${base}/healthz`, started, child, () => stderr);
  const readyzMs = await firstOk(`${base}/readyz`, started, child, () => stderr);
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  const rss = rssMb(child.pid ?? 0);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { healthzMs, readyzMs, rss };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const slack = new FakeSlack();
await slack.start();
const dir = mkdtempSync(join(tmpdir(), 'delmal-startup-'));
const env = {
  DELMAL_ENV: 'test',
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: 'bench-signing-secret',
  SLACK_API_URL: slack.apiUrl,
};
const checkouts: [string, string][] = [['this checkout', PACKAGE_ROOT]];
if (process.env.BENCH_BASELINE) checkouts.push(['baseline', process.env.BENCH_BASELINE]);
const row = (label: string, runs: readonly Start[]) => {
  const ms = (pick: (s: Start) => number) =>
    `median ${median(runs.map(pick)).toFixed(0)} ms (max ${Math.max(...runs.map(pick)).toFixed(0)})`;
  const rss = runs.map((r) => r.rss);
  console.log(
    `${label}: /healthz ${ms((r) => r.healthzMs)}, /readyz ${ms((r) => r.readyzMs)}, ` +
      `idle RSS median ${median(rss).toFixed(1)} MB (max ${Math.max(...rss).toFixed(1)}) over ${runs.length} runs`,
  );
};
try {
  console.log(
    `node ${process.version}, ${os.cpus().length} cpu, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [name, cwd] of checkouts) {
    const first = await startOnce(cwd, ['dist/src/cli/bin.js', 'serve'], {
      ...env,
      DATABASE_URL: join(dir, `${name}.sqlite`),
    });
    console.log(
      `${name}, first start (empty database: migrate + seed): /healthz ${first.healthzMs.toFixed(0)} ms`,
    );
  }
  for (const [label, script] of [
    ['node dist/src/cli/bin.js serve', ['dist/src/cli/bin.js', 'serve']],
    ['npm start (node scripts/start.js, dist up to date)', ['scripts/start.js']],
  ] as const) {
    const runs = new Map<string, Start[]>(checkouts.map(([name]) => [name, []]));
    // Interleaved: each checkout sees the same machine load.
    for (let i = 0; i < RUNS; i++)
      for (const [name, cwd] of checkouts)
        runs
          .get(name)
          ?.push(await startOnce(cwd, [...script], { ...env, DATABASE_URL: join(dir, `${name}.sqlite`) }));
    for (const [name] of checkouts) row(`${name}, ${label}`, runs.get(name) ?? []);
  }
  // The minute ticker's first run (at the next full minute) loads what the jobs need (the holiday
  // calendar): one start per checkout idles 65 s, past a tick, so that memory is not missed.
  for (const [name, cwd] of checkouts) {
    const env_ = { ...env, DATABASE_URL: join(dir, `${name}.sqlite`) };
    const late = await startOnce(cwd, ['dist/src/cli/bin.js', 'serve'], env_, 65_000);
    console.log(
      `${name}, idle RSS 65 s after ready, past the first ticker minute (one run): ${late.rss.toFixed(1)} MB`,
    );
  }
  console.log(
    `load at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
}
