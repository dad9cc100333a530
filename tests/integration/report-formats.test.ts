import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../src/catalog/catalog-view.js';
import { fixedClock } from '../../src/clock.js';
import { CHECK_IN_CSV_COLUMNS, writeCheckInsCsv } from '../../src/report/checkins-csv.js';
import { compileFollowUpReport, type ReportFormat } from '../../src/report/follow-up.js';
import { parsePeriod, type ReportPeriod } from '../../src/report/period.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/databases.js';
import { recordTestYear, TEST_YEAR_IN_PERIOD } from '../support/report-year.js';

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

describe('the HTML report', () => {
  it('is one self-contained, accessible page with the DOCX’s content', async () => {
    const html = (await compile('html')).content.toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv-SE">/);
    expect(html).toContain(
      '<title>Uppföljning av handlingsplaner och insatsområden 2026-01-01 – 2026-12-31</title>',
    );
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(?:script|link|img)\b/);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    // Each chart has a text alternative with its numbers.
    expect(html).toMatch(
      /<div role="img" aria-label="Liggande staplade staplar[^"]*2\. Psykisk hälsa: 1 Enligt plan/,
    );
    // The same structure as the DOCX: table of contents, editor sections, summary, appendix with header cells.
    expect(html).toContain('<a href="#sammanfattning">Sammanfattning</a>');
    expect(html).toContain('<p class="editor"><strong>Skrivs av redaktören:</strong>');
    expect(html).toContain('<h2 id="nagra-utvecklingsomraden">Några utvecklingsområden</h2>');
    expect(html).toContain('<th scope="col">Senaste avstämning</th>');
    expect(html).toContain('<th scope="row">CROSS</th><td>Enligt plan</td><td>2026-06-20</td>');
    expect(html).toContain('<h4>CROSS</h4>');
    expect(html).toContain(
      '<li>Revidering av handlingsplan för e-hälsa – Avslutad (enligt uppföljningen 2023: reviderad)</li>',
    );
    // Owners' text is escaped, never markup.
    expect(html).toContain(
      'Pausad under omorganisationen &lt;b&gt;tills vidare&lt;/b&gt; &amp; &quot;utredning&quot;.',
    );
    expect(html).not.toContain('<b>tills vidare</b>');
  });
});

describe('the Markdown report', () => {
  it('links its charts as SVG files beside it, with alt text, and keeps the structure', async () => {
    const { content, assets } = await compile('md');
    const md = content.toString('utf8');
    expect(assets.map((a) => a.name)).toEqual([
      'uppfoljning-status-per-insatsomrade.svg',
      'uppfoljning-status-over-tid-per-delmal.svg',
    ]);
    expect(md).toMatch(/!\[Liggande staplade staplar[^\]]*\]\(uppfoljning-status-per-insatsomrade\.svg\)/);
    expect(md).toContain('## Insatsområde ”Psykisk hälsa” – aktivitetsområden och aktiviteter');
    expect(md).toContain('## Några utvecklingsområden\n\n> **Skrivs av redaktören:**');
    expect(md).toContain('#### CHERRIES');
    expect(md).toContain('- **2026-06-15, Linnéa Axelsson:** Enkäten skickad. Svaren analyseras i höst.');
    expect(md).toContain('| Aktivitet | Status vid periodens slut | Senaste avstämning | Ansvarig |');
    expect(md).toContain('Pausad under omorganisationen \\<b\\>tills vidare\\</b\\> & "utredning".');
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
