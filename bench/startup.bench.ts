/**
 * Start-up benchmark: how soon `/healthz` answers after `delmal serve` is started from the built
 * code, and the resident memory once idle — with both adapters configured (Slack over HTTP against
 * a local fake Web API, Teams in the unauthenticated test profile) and the playground on.
 * Goals: /healthz within 1.5 s; idle RSS < 150 MB.
 * Run: npm run bench:startup
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { FakeSlack } from '../tests/fakes/fake-slack.js';

const RUNS = 5;
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

async function startOnce(
  script: string[],
  env: Record<string, string>,
): Promise<{ healthzMs: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, script, {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  let healthzMs = Number.NaN;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      healthzMs = performance.now() - started;
      break;
    }
    if (child.exitCode !== null) throw new Error(`delmal exited with ${child.exitCode}: ${stderr}`);
    if (performance.now() - started > 30_000) throw new Error('no /healthz within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const rss = rssMb(child.pid ?? 0);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { healthzMs, rss };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const slack = new FakeSlack();
await slack.start();
const dir = mkdtempSync(join(tmpdir(), 'delmal-startup-'));
const env = {
  DATABASE_URL: join(dir, 'startup.sqlite'),
  DELMAL_ENV: 'test',
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: 'bench-signing-secret',
  SLACK_API_URL: slack.apiUrl,
};
try {
  console.log(`node ${process.version}, ${os.cpus().length} cpu, load ${os.loadavg()[0]?.toFixed(2)}`);
  const first = await startOnce(['dist/src/cli/bin.js', 'serve'], env);
  console.log(`first start (empty database: migrate + seed): /healthz ${first.healthzMs.toFixed(0)} ms`);
  for (const [label, script] of [
    ['node dist/src/cli/bin.js serve', ['dist/src/cli/bin.js', 'serve']],
    ['npm start (node scripts/start.js, dist up to date)', ['scripts/start.js']],
  ] as const) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce([...script], env));
    const times = runs.map((r) => r.healthzMs);
    const rss = runs.map((r) => r.rss);
    console.log(
      `${label}: /healthz median ${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)}), ` +
        `idle RSS median ${median(rss).toFixed(1)} MB (max ${Math.max(...rss).toFixed(1)}) over ${RUNS} runs`,
    );
  }
} finally {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
}
