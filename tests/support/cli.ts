import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { fixedClock } from '../../src/clock.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `delmal` CLI in-process with exactly `env` (nothing inherited) and captures its output. */
export async function delmal(args: string[], env: Record<string, string>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    clock: fixedClock('2026-11-22T08:00:00Z'),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The built binary, as `npm start` and the package `bin` run it. */
export const DELMAL_BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');

/** Starts `delmal serve` as a child process with `env` on top of a minimal environment. */
export function spawnServe(env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [DELMAL_BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return Object.assign(child, { output: () => output });
}

/** Resolves with the exit code when `child` exits, or rejects after `ms`. */
export function exited(child: ChildProcess, ms = 15_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('process did not exit')), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
