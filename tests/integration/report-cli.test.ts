import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { fixedClock } from '../../src/clock.js';
import { delmal } from '../support/cli.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/databases.js';
import { recordTestYear, TEST_YEAR_IN_PERIOD } from '../support/report-year.js';

let db: TestDatabase;
let dir: string;
let env: Record<string, string>;
const year = ['--from', '2026-01-01', '--to', '2026-12-31'];

beforeAll(async () => {
  db = await createSeededTestDatabase('sqlite');
  await recordTestYear(db);
  dir = mkdtempSync(join(tmpdir(), 'delmal-report-cli-'));
  env = { DATABASE_URL: db.url };
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('delmal report uppfoljning', () => {
  it('writes the Markdown report with its chart files beside it and says what it wrote', async () => {
    const out = join(dir, 'uppfoljning-2026.md');
    const run = await delmal(
      ['report', 'uppfoljning', ...year, '--format', 'md', '--out', out, '--quiet'],
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Rapporten är skriven: ${out} \\(65 aktiviteter, ${TEST_YEAR_IN_PERIOD} avstämningar använda, \\d+,\\d s\\)\\.$`,
      ),
    );
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# Uppföljning av handlingsplaner och insatsområden');
    expect(md).toContain('## Insatsområde ”God och nära vård” – aktivitetsområden och aktiviteter');
    expect(readdirSync(dir).sort()).toEqual([
      'uppfoljning-2026-status-over-tid-per-delmal.svg',
      'uppfoljning-2026-status-per-insatsomrade.svg',
      'uppfoljning-2026.md',
    ]);
  });

  it('writes HTML and DOCX (a zip holding word/document.xml)', async () => {
    const html = join(dir, 'r.html');
    expect(
      (await delmal(['report', 'uppfoljning', ...year, '--format', 'html', '--out', html], env)).code,
    ).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
    const docx = join(dir, 'r.docx');
    // docx is the default format.
    expect((await delmal(['report', 'uppfoljning', ...year, '--out', docx], env)).code).toBe(0);
    const bytes = readFileSync(docx);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it.each([
    [
      ['--from', '2026-13-01', '--to', '2026-12-31'],
      '--from "2026-13-01" är inget giltigt datum. Skriv det som ÅÅÅÅ-MM-DD',
    ],
    [['--from', '2026-01-01', '--to', '31/12/2026'], '--to "31/12/2026" är inget giltigt datum.'],
    [
      ['--from', '2026-12-31', '--to', '2026-01-01'],
      '--from (2026-12-31) ligger efter --to (2026-01-01). Byt plats på datumen.',
    ],
  ])('refuses the period %j with a Swedish explanation and writes nothing', async (period, message) => {
    const out = join(dir, 'fel.docx');
    const run = await delmal(['report', 'uppfoljning', ...period, '--out', out], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing option and an unknown format', async () => {
    const missing = await delmal(['report', 'uppfoljning', ...year], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Flaggan --out <fil> behövs.');
    const odt = await delmal(
      ['report', 'uppfoljning', ...year, '--format', 'odt', '--out', join(dir, 'x')],
      env,
    );
    expect(odt.code).toBe(2);
    expect(odt.stderr).toContain('välj ett av: docx, pdf, md, html');
  });

  it('leaves nothing half-written when the file cannot be written', async () => {
    const out = join(dir, 'saknas', 'r.docx');
    const run = await delmal(['report', 'uppfoljning', ...year, '--out', out], env);
    expect(run.code).toBe(73);
    expect(run.stderr).toContain(`${out} gick inte att skriva`);
    expect(existsSync(join(dir, 'saknas'))).toBe(false);
  });

  it('draws a progress line only where there is a terminal', async () => {
    const lines: string[] = [];
    const code = await runCli(
      ['report', 'uppfoljning', ...year, '--format', 'html', '--out', join(dir, 'p.html')],
      {
        env,
        out: () => {},
        err: () => {},
        clock: fixedClock('2027-01-15T08:00:00Z'),
        progress: (text) => lines.push(text),
      },
    );
    expect(code).toBe(0);
    expect(lines).toEqual([
      '[1/4] Läser avstämningar …',
      '[2/4] Sammanställer …',
      '[3/4] Ritar diagram …',
      '[4/4] Skriver HTML …',
      '',
    ]);
  });

  it('without a terminal prints no progress, only the one-line summary on stdout', async () => {
    const out = join(dir, 'logg.html');
    const run = await delmal(['report', 'uppfoljning', ...year, '--format', 'html', '--out', out], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      new RegExp(
        `^Rapporten är skriven: ${out} \\(65 aktiviteter, ${TEST_YEAR_IN_PERIOD} avstämningar använda, \\d+,\\d s\\)\\.$`,
      ),
    );
  });

  it('says in Swedish what to do when a PDF is asked for and LibreOffice is missing', async () => {
    const out = join(dir, 'r.pdf');
    const run = await delmal(['report', 'uppfoljning', ...year, '--format', 'pdf', '--out', out], {
      ...env,
      PATH: join(dir, 'no-such-dir'),
    });
    expect(run.code).toBe(69);
    expect(run.stderr).toContain(
      'PDF kräver LibreOffice (kommandot soffice), som inte finns på den här datorn.',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('compares with an earlier year and refuses one that is not earlier', async () => {
    const out = join(dir, 'jamforelse.md');
    const run = await delmal(
      ['report', 'uppfoljning', ...year, '--format', 'md', '--compare-with', '2025', '--out', out, '--quiet'],
      env,
    );
    expect(run.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('### Jämfört med 2025');
    // CROSS was on track at the end of 2025 and still is; CHERRIES went from the 2023 follow-up's status to finished.
    expect(md).toMatch(/- CHERRIES: [^\n]*→ Avslutad \(avstämning 2026-09-30\)/);
    expect(md).toContain(
      '- CHERRIES: Pågår (enligt uppföljningen 2023: inne på sitt tredje och sista år) → Avslutad (avstämning 2026-09-30)',
    );
    expect(md).not.toContain('- MHFA – Första hjälpen psykisk hälsa: ');
    expect(md).not.toContain('- CROSS:');
    const bad = await delmal(
      ['report', 'uppfoljning', ...year, '--compare-with', '2026', '--out', join(dir, 'x.md')],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--compare-with "2026" är inget år. Skriv ett år före perioden');
  });

  it('prints no progress at all with --quiet, on a terminal or not', async () => {
    const lines: string[] = [];
    const err: string[] = [];
    const out: string[] = [];
    const code = await runCli(
      ['report', 'uppfoljning', ...year, '--format', 'html', '--out', join(dir, 'q.html'), '--quiet'],
      {
        env,
        out: (text) => out.push(text),
        err: (text) => err.push(text),
        clock: fixedClock('2027-01-15T08:00:00Z'),
        progress: (text) => lines.push(text),
      },
    );
    expect(code).toBe(0);
    expect(lines).toEqual([]);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
  });
});

describe('delmal report checkins', () => {
  it('exports the period’s check-ins as CSV', async () => {
    const out = join(dir, 'avstamningar.csv');
    const run = await delmal(['report', 'checkins', ...year, '--out', out], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${TEST_YEAR_IN_PERIOD} avstämningar 2026-01-01 – 2026-12-31 skrivna till ${out}.`,
    );
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    expect(header).toBe(
      'id,createdAt,localDate,activityId,activityName,statusCode,statusLabel,author,platform,note',
    );
    // One note spans two lines inside its quotes.
    expect(rows).toHaveLength(TEST_YEAR_IN_PERIOD + 1);
  });
});
