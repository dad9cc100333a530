import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { delmal } from '../support/cli.js';

const fixture = (name: string) => join(PACKAGE_ROOT, 'tests', 'fixtures', name);
const DEFAULT = 'social-valfard-varannan-tisdag';

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'delmal-schedule-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Every test gets its own database, seeded from the shipped catalog on first use: no test sees another's imports.
beforeEach(() => {
  env = { DATABASE_URL: join(mkdtempSync(join(dir, 'db-')), 'delmal.sqlite') };
});

const preview = async (from: string, weeks: number, extra: Record<string, string> = {}) => {
  const run = await delmal(['schedule', 'preview', '--from', from, '--weeks', String(weeks)], {
    ...env,
    ...extra,
  });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

describe('delmal schedule preview', () => {
  it('lists the rounds of the shipped plan default with who is asked, reminders, and a round moved past trettondedag jul', async () => {
    const out = await preview('2026-12-14', 6);
    expect(out).toContain('Avstämningar 2026-12-14 – 2027-01-24');
    expect(out).toContain(
      `tis 2026-12-15 kl. 09:00 (Europe/Stockholm) · schema ${DEFAULT} · 19 personer tillfrågas`,
    );
    expect(out).toMatch(/\n {2}Maria Sandberg <maria\.sandberg@example\.org>: CROSS, CHERRIES, /);
    // Reminder two workdays after 29 December: past nyårsafton, nyårsdagen and the weekend.
    expect(out).toContain(`tis 2026-12-29 kl. 09:00 (Europe/Stockholm) · schema ${DEFAULT}`);
    expect(out).toContain('  påminnelse mån 2027-01-04 kl. 09:00 till den som inte har svarat');
    expect(out).toContain(
      'tors 2027-01-07 kl. 10:00 (Europe/Stockholm) · schema demo-familjecentraler-kvartal',
    );
    expect(out).toContain('  flyttad från ons 2027-01-06: trettondedag jul');
    expect(out).not.toContain('2026-12-22 kl.');
    expect(out).toMatch(/4 avstämningar, \d+ frågor, 0 överhoppade$/);
  });

  it('shows the summer pause as skipped days with their reason', async () => {
    const out = await preview('2027-06-20', 8);
    expect(out).toContain(`tis 2027-07-13 · schema ${DEFAULT} · hoppas över: sommaruppehåll (vecka 28–31)`);
    expect(out).toContain(`tis 2027-07-27 · schema ${DEFAULT} · hoppas över: sommaruppehåll (vecka 28–31)`);
    expect(out).toContain(`tis 2027-08-10 kl. 09:00 (Europe/Stockholm) · schema ${DEFAULT}`);
  });

  it('per-activity overrides from a catalog file: Kristi himmelsfärd and its bridge day move the round to Monday', async () => {
    const imported = await delmal(['catalog', 'import', fixture('schedule-overrides.yaml')], env);
    expect(imported.stdout).toContain('+ ny schema cross-torsdagar');
    const out = await preview('2027-05-03', 2);
    expect(out).toContain(
      'mån 2027-05-10 kl. 08:30 (Europe/Stockholm) · schema cross-torsdagar · 2 personer tillfrågas',
    );
    expect(out).toContain('  flyttad från tors 2027-05-06: Kristi himmelsfärdsdag');
    expect(out).toContain('tors 2027-05-13 kl. 08:30 (Europe/Stockholm) · schema cross-torsdagar');
    // CROSS is asked about on its own schedule, no longer in the plan default's round.
    const lines = out.split('\n');
    const start = lines.findIndex((l) => l.startsWith('tis 2027-05-04 kl. 09:00'));
    const end = lines.findIndex((l, i) => i > start && !l.startsWith('  '));
    expect(start).toBeGreaterThan(-1);
    const maria = lines.slice(start + 1, end).find((l) => l.includes('<maria.sandberg@example.org>'));
    expect(maria).toContain('CHERRIES');
    expect(maria).not.toContain('CROSS');
    const exported = await delmal(['catalog', 'export'], env);
    expect(exported.stdout).toContain(
      '  - id: cross-torsdagar\n    activity: cross\n    cadence: weekly\n    weekday: thursday',
    );
    expect((await delmal(['catalog', 'import', fixture('schedule-overrides.yaml')], env)).stdout).toMatch(
      /inga ändringar/,
    );
  });

  it('leaves an owner who is away out of the round, saying until when', async () => {
    const away = await delmal(
      ['ask', '--as', 'ali.hassan@example.org', 'delmal borta 2027-01-20 föräldraledig'],
      env,
    );
    expect(away.stdout).toContain('Du är borta till och med 20 januari 2027.');
    const out = await preview('2027-01-11', 3);
    expect(out).toContain(
      '  Ali Hassan <ali.hassan@example.org>: ingen fråga – borta till och med 2027-01-20 (CHERRIES, Projekt förbättrade möjligheter till egen försörjning)',
    );
    expect(out).toMatch(/\n {2}Ali Hassan <ali\.hassan@example\.org>: CHERRIES, Projekt/);
  });

  it('speaks English with DELMAL_LOCALE=en, holiday names included', async () => {
    const out = await preview('2027-01-04', 1, { DELMAL_LOCALE: 'en' });
    expect(out).toContain('Check-ins 2027-01-04 – 2027-01-10');
    expect(out).toContain('  moved from Wed 2027-01-06: Epiphany');
  });

  it('refuses a bad --from or --weeks with a Swedish explanation', async () => {
    const weeks = await delmal(['schedule', 'preview', '--weeks', '0'], env);
    expect(weeks.code).toBe(64);
    expect(weeks.stderr).toContain('--weeks "0" måste vara ett heltal mellan 1 och 104.');
    const from = await delmal(['schedule', 'preview', '--from', '2027-02-30'], env);
    expect(from.code).toBe(64);
    expect(from.stderr).toContain('--from "2027-02-30" är inget datum.');
  });
});

describe('schedules in the catalog file', () => {
  it('rejects broken schedules with file, line, field and how to fix, and saves nothing', async () => {
    const run = await delmal(['catalog', 'import', fixture('schedule-broken.yaml')], env);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain(
      'schedule-broken.yaml:6 schedules[0].time: förväntade ett klockslag som "09:00"',
    );
    expect(run.stderr).toContain('schedule-broken.yaml:3 schedules[0].weekday: värdet saknas men krävs här.');
    expect(run.stderr).toContain(
      'schedule-broken.yaml:10 schedules[1].nth: förväntade vilken veckodag i månaden',
    );
    expect(run.stderr).toContain(
      'schedule-broken.yaml:14 schedules[2].activity: ett schema gäller precis ett av plan, network eller activity',
    );
    expect(run.stderr).toContain(
      'schedule-broken.yaml:18 schedules[2].weekday: fältet används inte av den här intervallen.',
    );
    const exported = await delmal(['catalog', 'export'], env);
    expect(exported.stdout).not.toContain('utan-veckodag');
  });

  it('refuses a second active schedule for the same plan and a schedule for an unknown activity', async () => {
    const run = await delmal(['catalog', 'import', fixture('schedule-conflicts.yaml')], env);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain(
      'schedule-conflicts.yaml:4 schedules[0].plan: "social-valfard-2019-2022" har redan ett aktivt schema (social-valfard-varannan-tisdag).',
    );
    expect(run.stderr).toContain('schedule-conflicts.yaml:8 schedules[1].activity: "finns-inte" finns inte.');
    const out = await preview('2027-01-11', 1);
    expect(out).not.toContain('en-till-for-planen');
  });
});
