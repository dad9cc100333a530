import { describe, expect, it } from 'vitest';
import { delmal } from '../../support/cli.js';

/** Every help screen an operator can open. */
const SCREENS = [
  [],
  ['ask'],
  ['catalog'],
  ['catalog', 'export'],
  ['report'],
  ['report', 'uppfoljning'],
  ['digest'],
  ['schedule', 'preview'],
  ['checkins', 'run-due'],
  ['audit'],
  ['person', 'delete'],
];

// Words commander writes in English unless told otherwise.
const ENGLISH =
  /Usage:|Options:|Commands:|Arguments:|\[options\]|\[command\]|default:|<(date|file|email|mode|iso|n|network)>|\[network\]/;

describe('delmal --help', () => {
  it.each(SCREENS.map((s) => [s.join(' ') || '(delmal)', s]))('is all Swedish: %s', async (_, args) => {
    const run = await delmal([...args, '--help'], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Användning: delmal/);
    expect(run.stdout).not.toMatch(ENGLISH);
  });

  it('reads naturally in Swedish: usage, options, defaults and values', async () => {
    expect((await delmal(['--help'], {})).stdout).toMatch(/^Användning: delmal \[flaggor\] \[kommando\]\n/);
    const report = (await delmal(['report', 'uppfoljning', '--help'], {})).stdout;
    expect(report).toContain('Flaggor:');
    expect(report).toMatch(/--from <datum> +periodens första dag/);
    expect(report).toContain('format: docx, pdf, md eller html (standard: "docx")');
    expect((await delmal(['audit', '--help'], {})).stdout).toContain('--person <e-post>');
    const erase = (await delmal(['person', 'delete', '--help'], {})).stdout.replace(/\s+/g, ' ');
    expect(erase).toContain('(standard: "pseudonymise")');
    expect(erase.match(/standard/g)).toHaveLength(1);
    // A flag without a value has no default to show.
    expect(erase).not.toContain('--dry-run visa vad som skulle ändras utan att ändra något (standard');
  });

  it('is all English under DELMAL_LOCALE=en', async () => {
    const run = await delmal(['report', 'uppfoljning', '--help'], { DELMAL_LOCALE: 'en' });
    expect(run.stdout).toMatch(/^Usage: delmal report uppfoljning\|follow-up \[options\]\n/);
    expect(run.stdout).toContain('Options:');
    expect(run.stdout).toMatch(/--from <date> +first day of the period/);
    expect(run.stdout).toContain('(default: "docx")');
    expect(run.stdout).not.toMatch(/Användning|Flaggor|standard:/);
  });

  it('still parses the options it now names in Swedish', async () => {
    const run = await delmal(
      ['report', 'uppfoljning', '--from', 'igår', '--to', '2026-12-31', '--out', '/dev/null'],
      {},
    );
    expect(run.stderr).toContain('--from "igår" är inget giltigt datum');
  });
});
