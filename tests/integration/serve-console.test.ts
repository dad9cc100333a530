import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnServe } from '../support/cli.js';
import { freePort } from '../support/replicas.js';
import { until } from '../support/wait.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'delmal-console-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts `delmal serve` with `env`, waits until it has printed `last` (the last line it prints on
 * start: the log line and the console notice are written by different streams), stops it and
 * returns what it printed.
 */
async function consoleOf(env: Record<string, string>, last: string): Promise<string[]> {
  const child = spawnServe({
    DATABASE_URL: join(dir, `${env.DELMAL_ENV ?? 'default'}.sqlite`),
    PORT: String(await freePort()),
    LOG_LEVEL: 'info',
    ...env,
  });
  await until(() => child.output().includes(last) || child.exitCode !== null, 'serve to listen', 30_000);
  child.kill('SIGTERM');
  await exited(child);
  return child.output().trimEnd().split('\n');
}

describe('what npm start prints', () => {
  it('prints readable lines in local mode: Stockholm time with offset, no JSON between them', async () => {
    const lines = await consoleOf({ DELMAL_ENV: 'local' }, 'delmal kör lokalt');
    expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00\] INFO: delmal listening/),
    );
    expect(lines).toContainEqual(expect.stringContaining('Ingen Slack- eller Teams-konfiguration'));
  });

  it('keeps JSON lines where a machine reads the log (not a terminal, not local)', async () => {
    const lines = await consoleOf({ DELMAL_ENV: 'test' }, 'delmal listening');
    const listening = lines.find((l) => l.includes('delmal listening')) ?? '';
    expect(JSON.parse(listening)).toMatchObject({ msg: 'delmal listening', level: 30 });
  });
});
