import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { delmal } from '../support/cli.js';

const ROUND = 'social-valfard-varannan-tisdag:2026-12-15';
let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'delmal-checkins-'));
  env = { DATABASE_URL: join(dir, 'delmal.sqlite') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('delmal checkins run-due', () => {
  it('opens the round due at --now once, says what it skipped, and leaves the prompts to the outbox', async () => {
    // Tuesday 2026-12-15 09:00:30 in Stockholm.
    const first = await delmal(['checkins', 'run-due', '--now', '2026-12-15T08:00:30Z'], env);
    expect(first.code, first.stderr).toBe(0);
    // The time as everyone in the region reads it, with its offset: not 08:00:30 UTC.
    expect(first.stdout).toContain('Avstämningar som är dags 2026-12-15 09:00:30 +01:00');
    expect(first.stdout).toContain(`Avstämning ${ROUND}: frågor i utkorgen`);
    expect(first.stdout).toContain('1 avstämning, 19 frågor, 0 påminnelser');
    // The round two weeks earlier was never run: recorded as missed, not sent a fortnight late.
    expect(first.stdout).toContain(
      '2026-12-01 · schema social-valfard-varannan-tisdag · hoppas över: missad',
    );
    expect(first.stdout).toContain('Frågorna skickas av delmal serve');
    const again = await delmal(['checkins', 'run-due', '--now', '2026-12-15T08:10:00Z'], env);
    expect(again.stdout).toContain('Inget var dags.');
    const db = openDatabase({ dialect: 'sqlite', file: env.DATABASE_URL ?? '' });
    try {
      const items = await db.kysely.selectFrom('outbox_items').select(['lane', 'dedupe_key']).execute();
      // 19 prompts; the owners with more activities than one message carries get theirs in parts.
      const prompts = new Set(items.map((i) => String(i.dedupe_key).replace(/:part\d+$/, '')));
      expect(prompts.size).toBe(19);
      expect(items.length).toBeGreaterThan(19);
      expect(new Set(items.map((i) => i.lane))).toEqual(new Set(['bulk']));
    } finally {
      await db.close();
    }
  });

  it('answers a --now that is no time with how to write one', async () => {
    const run = await delmal(['checkins', 'run-due', '--now', 'i morgon'], env);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain(
      '--now "i morgon" är ingen tidpunkt. Skriv t.ex. --now 2027-01-12T09:00:00+01:00.',
    );
  });
});
