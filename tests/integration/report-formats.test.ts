import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../src/catalog/catalog-view.js';
import { fixedClock } from '../../src/clock.js';
import { CHECK_IN_CSV_COLUMNS, writeCheckInsCsv } from '../../src/report/checkins-csv.js';
import { compileFollowUpReport, type ReportFormat } from '../../src/report/follow-up.js';
import { parsePeriod, type ReportPeriod } from '../../src/report/period.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/databases.js';
import { recordTestYear, TEST_YEAR_IN_PERIOD } from '../support/report-year.js';

const run = promisify(execFile);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const hasLibreOffice = ['/usr/bin/libreoffice', '/usr/bin/soffice'].some((p) => existsSync(p));
const hasPdfToText = existsSync('/usr/bin/pdftotext');

let db: TestDatabase;
let view: CatalogView;
let dir: string;
const period = (): ReportPeriod => {
  const parsed = parsePeriod('2026-01-01', '2026-12-31', 'Europe/Stockholm');
  if (!parsed.ok) throw new Error('period');
  return parsed.period;
};
const compile = (format: ReportFormat) =>
  compileFollowUpReport(
    { db: db.db, view, clock: fixedClock('2027-01-15T08:00:00Z'), locale: 'sv' },
    period(),
    format,
  );

beforeAll(async () => {
  db = await createSeededTestDatabase('sqlite');
  view = await recordTestYear(db);
  dir = mkdtempSync(join(tmpdir(), 'delmal-report-'));
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

// LibreOffice is a system package (CI installs it in .ci/run); without it here, say so and skip.
describe.skipIf(!(hasLibreOffice && hasPdfToText) && !inCi)('the DOCX report', () => {
  it('opens in LibreOffice and reads like the region’s report: headings, activities, statuses', async () => {
    const { content } = await compile('docx');
    const file = join(dir, 'uppfoljning.docx');
    writeFileSync(file, content);
    // A private profile: parallel runs and a user's own LibreOffice do not collide.
    const profile = `file://${join(dir, 'lo-profile')}`;
    await run(
      'libreoffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { timeout: 120_000 },
    );
    const pdf = join(dir, 'uppfoljning.pdf');
    expect(existsSync(pdf)).toBe(true);
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    for (const expected of [
      'Uppföljning av handlingsplaner och insatsområden',
      'Period: 2026-01-01 – 2026-12-31',
      'Status per insatsområde',
      'Status över tid per delmål',
      'Insatsområde ”Psykisk hälsa” – aktivitetsområden och aktiviteter',
      'Insatsområde ”Kompetensförsörjning” – aktivitetsområden och aktiviteter',
      '[Inledning – skrivs av redaktören]',
      'Ett mer hälsofrämjande samhälle och levnadssätt',
      'CHERRIES',
      'Första kontakten',
      'Enligt plan (avstämning 2026-06-20)',
      'Hinder / avvikelse (avstämning 2026-12-31)',
      'Pausade eller avslutade under perioden',
      'CHERRIES: Avslutad 2026-09-30 (Maria Sandberg)',
      'rapporterad status ur uppföljningsrapporten',
      'Enkäten skickad.',
      // The timeline: one line per status change, date first.
      'Statusändringar under perioden',
      '2026-03-02 Enligt plan → Risk för avvikelse (Maria Sandberg)',
    ])
      expect(text).toContain(expected);
    // Two charts, embedded as PNG pictures.
    const { stdout: images } = await run('pdfimages', ['-list', pdf]);
    expect(images.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l)).length).toBeGreaterThanOrEqual(
      2,
    );
  }, 180_000);
});

describe('the HTML report', () => {
  it('is one self-contained page with both charts as inline SVG, in Swedish with the plan’s colours', async () => {
    const html = (await compile('html')).content.toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(?:script|link|img)\b/);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    const [areas = '', goals = ''] = html.split('<h3>Status över tid per delmål</h3>');
    // The bar chart names insatsområden, the legend the statuses, in the plan's colours.
    expect(areas).toContain('2. Psykisk hälsa');
    expect(areas).toContain('Antal aktiviteter');
    expect(areas).toMatch(/fill="#c62828"/); // Hinder / avvikelse: red
    expect(areas).toMatch(/fill="#2e7d32"/); // Enligt plan: green
    expect(goals).toContain('Delmål 5');
    expect(goals).toContain('2026-03');
    expect(html).toContain('<p class="editor">[Inledning – skrivs av redaktören]</p>');
    // Owners' text is escaped, never markup.
    expect(html).toContain(
      '<blockquote>Pausad under omorganisationen &lt;b&gt;tills vidare&lt;/b&gt; &amp; &quot;utredning&quot;.</blockquote>',
    );
    expect(html).not.toContain('<b>tills vidare</b>');
  });
});

describe('the Markdown report', () => {
  it('links its charts as SVG files beside it and keeps the structure', async () => {
    const { content, assets } = await compile('md');
    const md = content.toString('utf8');
    expect(assets.map((a) => a.name)).toEqual([
      'uppfoljning-status-per-insatsomrade.svg',
      'uppfoljning-status-over-tid-per-delmal.svg',
    ]);
    expect(md).toContain('![Status per insatsområde](uppfoljning-status-per-insatsomrade.svg)');
    expect(md).toContain('## Insatsområde ”Psykisk hälsa” – aktivitetsområden och aktiviteter');
    expect(md).toContain('#### CHERRIES');
    expect(md).toContain('| 2026-03-02 | Enligt plan | Risk för avvikelse | Maria Sandberg |');
    expect(md).toContain('> Enkäten skickad.\n> Svaren analyseras i höst.');
    expect(md).toContain('> Pausad under omorganisationen \\<b\\>tills vidare\\</b\\> & "utredning".');
  });
});

describe('the check-in CSV', () => {
  it('holds every check-in of the period, oldest first, with the documented columns', async () => {
    const file = join(dir, 'avstamningar.csv');
    const { createWriteStream } = await import('node:fs');
    const stream = createWriteStream(file);
    const count = await writeCheckInsCsv(db.db, view, period(), 'sv', stream);
    await new Promise((resolve) => stream.end(resolve));
    expect(count).toBe(TEST_YEAR_IN_PERIOD);
    const rows: string[][] = parse(readFileSync(file, 'utf8'));
    expect(rows[0]).toEqual([...CHECK_IN_CSV_COLUMNS]);
    expect(rows).toHaveLength(TEST_YEAR_IN_PERIOD + 1);
    expect(rows[1]?.slice(1, 7)).toEqual([
      '2025-12-31T23:30:00.000Z',
      '2026-01-01',
      'forsta-kontakten',
      'Första kontakten',
      'on_track',
      'Enligt plan',
    ]);
    const june = rows.find((r) => r[1] === '2026-06-15T12:00:00.000Z');
    expect(june?.slice(7)).toEqual([
      'Linnéa Axelsson',
      'slack',
      'Enkäten skickad.\nSvaren analyseras i höst.',
    ]);
    expect(rows.map((r) => r[9])).toContain('Enkäten är försenad, "svar saknas", Laxå.');
  });
});
