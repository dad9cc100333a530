import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { compileFollowUpReport } from '../../src/report/follow-up.js';
import { parsePeriod } from '../../src/report/period.js';
import { docxToPdf, findLibreOffice } from '../../src/report/to-pdf.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/databases.js';
import { recordTestYear } from '../support/report-year.js';

const run = promisify(execFile);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const soffice = await findLibreOffice(process.env);

/** Share of a greyscale page's pixels that are not (near) white. */
function inkShare(pgm: Buffer): number {
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 200) ink++;
  return ink / pixels.length;
}

// LibreOffice is a system package: without it locally, skip; in CI (.ci/run installs it) it must run.
describe.skipIf(soffice === undefined && !inCi)('the follow-up report opened in LibreOffice', () => {
  let db: TestDatabase;
  let dir: string;
  let pdf: string;
  let text: string;

  // One conversion for the whole file: LibreOffice takes seconds to start.
  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed; CI must install it (.ci/run).');
    dir = mkdtempSync(join(tmpdir(), 'delmal-report-pdf-'));
    db = await createSeededTestDatabase('sqlite');
    const view = await recordTestYear(db);
    const parsed = parsePeriod('2026-01-01', '2026-12-31', 'Europe/Stockholm');
    if (!parsed.ok) throw new Error('period');
    const { content } = await compileFollowUpReport(
      { db: db.db, view, clock: fixedClock('2027-01-15T08:00:00Z'), locale: 'sv' },
      parsed.period,
      'docx',
    );
    pdf = join(dir, 'uppfoljning.pdf');
    writeFileSync(pdf, await docxToPdf(soffice, content));
    text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
  }, 240_000);
  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts without repair into pages that are none of them blank', async () => {
    const { stdout } = await run('pdfinfo', [pdf]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    expect(pages).toBeGreaterThan(5);
    await run('pdftoppm', ['-gray', '-r', '20', pdf, join(dir, 'page')]);
    const images = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.pgm'));
    expect(images).toHaveLength(pages);
    for (const image of images) expect(inkShare(readFileSync(join(dir, image)))).toBeGreaterThan(0.004);
  });

  it('shows the title page, then a table of contents with page numbers', () => {
    const pages = text.split('\f');
    expect(pages[0]).toContain('Region Örebro län – Område Välfärd och folkhälsa');
    expect(pages[0]).not.toContain('Sida 1');
    expect(pages[1]).toContain('Innehåll');
    expect(pages[1]).toMatch(/Sammanfattning\s*\.{3,}\s*\d+/);
    expect(pages[1]).toMatch(/Bilaga: Alla aktiviteter\s*\.{3,}\s*\d+/);
  });

  it('numbers the pages in the footer and repeats the report’s title in the header', () => {
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages[1]).toMatch(/Sida 2 av \d+/);
    expect(pages.at(-1)).toMatch(new RegExp(`Sida ${pages.length} av ${pages.length}`));
    expect(pages[2]).toContain('Uppföljning av handlingsplaner och insatsområden 2026-01-01 – 2026-12-31');
  });

  it('reads like the region’s report with the data filled in', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Skrivs av redaktören:',
      'Insatsområde ”Psykisk hälsa” – aktivitetsområden och aktiviteter',
      'Status vid periodens slut: Enligt plan (avstämning 2026-06-20)',
      'Revidering av handlingsplan för e-hälsa – Avslutad (enligt uppföljningen 2023: reviderad)',
      'Några utvecklingsområden',
    ])
      expect(flat).toContain(expected);
  });

  it('keeps each chart on the page of its heading', async () => {
    const pages = text.split('\f');
    const { stdout } = await run('pdfimages', ['-list', pdf]);
    const imagePages = stdout
      .split('\n')
      .map((line) => /^\s*(\d+)\s+\d+\s+image\b/.exec(line)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(Number);
    expect(new Set(imagePages).size).toBe(2);
    for (const [heading, index] of [
      ['Status per insatsområde', 0],
      ['Status över tid per delmål', 1],
    ] as const) {
      const page = imagePages.filter((p, i, all) => all.indexOf(p) === i)[index] ?? 0;
      expect(pages[page - 1]).toContain(heading);
    }
  });
});
