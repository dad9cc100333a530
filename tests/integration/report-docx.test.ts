import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { compileFollowUpReport } from '../../src/report/follow-up.js';
import { parsePeriod } from '../../src/report/period.js';
import type { FollowUpReport } from '../../src/report/report-model.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/databases.js';
import { type DocxParagraph, type DocxParts, readDocx } from '../support/docx-reader.js';
import { recordTestYear } from '../support/report-year.js';

/**
 * The DOCX as Word, LibreOffice and a screen reader get it: unzipped and read part by part.
 * One report for the whole file (compiling it is the slow part).
 */
let db: TestDatabase;
let docx: DocxParts;
let report: FollowUpReport;
const texts = (style?: string) =>
  docx.paragraphs.filter((p) => style === undefined || p.style === style).map((p) => p.text);
const allText = () => texts().join('\n');

beforeAll(async () => {
  db = await createSeededTestDatabase('sqlite');
  const view = await recordTestYear(db);
  const parsed = parsePeriod('2026-01-01', '2026-12-31', 'Europe/Stockholm');
  if (!parsed.ok) throw new Error('period');
  const rendered = await compileFollowUpReport(
    { db: db.db, view, clock: fixedClock('2027-01-15T08:00:00Z'), locale: 'sv' },
    parsed.period,
    'docx',
  );
  report = rendered.report;
  docx = await readDocx(rendered.content);
});
afterAll(() => db.drop());

describe('the DOCX follow-up report: structure of the region’s report', () => {
  it('opens with a title page: title, plan, period, the region’s area and the date', () => {
    const start = texts().slice(0, 6);
    expect(docx.paragraphs[0]).toEqual({
      style: 'Title',
      text: 'Uppföljning av handlingsplaner och insatsområden',
    });
    expect(start).toContain('Handlingsplan Social välfärd');
    expect(start).toContain('Uppföljning för perioden 2026-01-01 – 2026-12-31');
    expect(start).toContain('Region Örebro län – Område Välfärd och folkhälsa');
    expect(start).toContain('Datum: 2027-01-15');
  });

  it('has a real table of contents field, filled in and updated when Word opens the document', async () => {
    const body = await docx.read('word/document.xml');
    expect(body).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    expect(await docx.read('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
    const entries = docx.paragraphs.filter((p) => p.style === 'TOC1').map((p) => p.text);
    expect(entries.some((e) => e.startsWith('Sammanfattning'))).toBe(true);
    expect(entries.some((e) => e.startsWith('Insatsområde ”Kompetensförsörjning”'))).toBe(true);
    // With page numbers already written (LibreOffice and PDF show them as they are).
    expect(entries.every((e) => /\d+\s*$/.test(e))).toBe(true);
  });

  it('puts the editor’s sections where the region’s report has its prose, clearly marked', () => {
    const h1 = texts('Heading1');
    expect(h1.slice(0, 3)).toEqual(['Inledning', 'Årets sammanhang', 'Sammanfattning']);
    expect(h1.slice(-3)).toEqual([
      'Några utvecklingsområden',
      'Bilaga: Alla aktiviteter',
      'Om sammanställningen',
    ]);
    const marked = texts().filter((p) => p.startsWith('Skrivs av redaktören:'));
    expect(marked).toHaveLength(3);
    const next = (heading: string) => texts()[texts().indexOf(heading) + 1];
    expect(next('Inledning')).toMatch(/^Skrivs av redaktören:/);
    expect(next('Årets sammanhang')).toMatch(/^Skrivs av redaktören:/);
    expect(next('Några utvecklingsområden')).toMatch(/^Skrivs av redaktören:/);
  });

  it('summarises the period from the data in plain Swedish', () => {
    const text = allText();
    expect(text).toContain(
      'Uppföljningen omfattar 65 aktiviteter i 8 gemensamma insatsområden. Under perioden stämdes 4 av dem av, med sammanlagt 8 avstämningar.',
    );
    expect(text).toContain(
      'Status vid periodens slut: 1 Enligt plan, 1 Risk för avvikelse, 1 Hinder / avvikelse,',
    );
    expect(text).toContain('CHERRIES (Avslutad 2026-09-30)');
    expect(text).toMatch(
      /Behöver stöd eller har risk eller hinder vid periodens slut: Första kontakten \(Hinder \/ avvikelse\), MHFA/,
    );
    // CROSS last checked in in June: silent. CHERRIES finished: its silence is not news.
    expect(text).toMatch(/Har tystnat[^\n]*CROSS \(2026-06-20\)/);
    expect(text).not.toMatch(/Har tystnat[^\n]*CHERRIES/);
    expect(text).toContain('61 aktiviteter har ingen avstämning under perioden.');
  });

  it('gives each insatsområde its data, its aktivitetsområden and compact entries, newest note first', () => {
    const h1 = texts('Heading1');
    expect(h1.filter((h) => h.startsWith('Insatsområde ”'))).toHaveLength(8);
    const all = texts();
    const cross = all.indexOf('CROSS');
    expect(docx.paragraphs[cross]?.style).toBe('Heading3');
    expect(all.slice(cross + 1, cross + 7)).toEqual([
      'Status vid periodens slut: Enligt plan (avstämning 2026-06-20)',
      'Det här hände:',
      '2026-06-15, Linnéa Axelsson: Enkäten skickad. Svaren analyseras i höst.',
      '2026-03-02, Maria Sandberg: Enkäten är försenad, "svar saknas", Laxå.',
      'Statusändringar: 2026-03-02 Risk för avvikelse · 2026-06-15 Enligt plan',
      'Rapporterat av: Maria Sandberg, Linnéa Axelsson (3 avstämningar)',
    ]);
    expect(all).toContain(
      'Aktivitetsområden: Omställningen till en nära vård, E-hälsa och digitalisering, Kompetensförsörjning för Nära vård.',
    );
  });

  it('groups the activities with nothing reported in one short list per insatsområde, not empty blocks', () => {
    // Only the activities that checked in get an entry of their own (CROSS, CHERRIES ×2 areas, YAM, Första kontakten).
    const entries = new Set(texts('Heading3'));
    expect([...entries].sort()).toEqual([
      'CHERRIES',
      'CROSS',
      'Första kontakten',
      'YAM (Youth Aware of Mental health)',
    ]);
    expect(texts('Heading2').filter((h) => h === 'Inget rapporterat under perioden')).toHaveLength(8);
    expect(texts('ListParagraph')).toContain(
      'Revidering av handlingsplan för e-hälsa – Avslutad (enligt uppföljningen 2023: reviderad)',
    );
    expect(texts('ListParagraph')).toContain(
      'MHFA – Första hjälpen psykisk hälsa – Risk för avvikelse (avstämning 2025-05-05)',
    );
    expect(allText()).not.toContain('Ingen lägesbeskrivning');
  });

  it('ends with an appendix table of all activities: status, last report, owner', async () => {
    const body = await docx.read('word/document.xml');
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const appendix = tables.at(-1) ?? '';
    const rows = appendix.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(report.activities.length + 1);
    const cells = (row: string) => [...row.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(cells(rows[0] ?? '')).toEqual([
      'Aktivitet',
      'Status vid periodens slut',
      'Senaste avstämning',
      'Ansvarig',
    ]);
    const cross = rows.map(cells).find((c) => c[0] === 'CROSS');
    expect(cross?.slice(1, 3)).toEqual(['Enligt plan', '2026-06-20']);
    const eHealth = rows.map(cells).find((c) => c[0] === 'Revidering av handlingsplan för e-hälsa');
    expect(eHealth?.slice(1, 3)).toEqual(['Avslutad (enligt uppföljningen 2023)', 'ingen']);
  });
});

describe('the DOCX follow-up report: accessible and well-formed', () => {
  it('uses Word’s heading styles, defined in the styles part, for every heading', async () => {
    const styles = await docx.read('word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3'])
      expect(styles).toMatch(new RegExp(`<w:style [^>]*w:styleId="${id}"`));
    // No fake headings: no bold-only short paragraph stands in for one.
    const body = await docx.read('word/document.xml');
    expect(body).not.toMatch(/<w:p><w:pPr><w:rPr><w:b\/>/);
  });

  it('sets the document language to Swedish in the default run properties', async () => {
    const styles = await docx.read('word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:lang w:val="sv-SE"/);
  });

  it('has its title, subject, creator and creation time in the core properties', async () => {
    const core = await docx.read('docProps/core.xml');
    expect(core).toContain(
      '<dc:title>Uppföljning av handlingsplaner och insatsområden 2026-01-01 – 2026-12-31</dc:title>',
    );
    expect(core).toContain('<dc:subject>Uppföljning för perioden 2026-01-01 – 2026-12-31</dc:subject>');
    expect(core).toContain('<dc:creator>delmal</dc:creator>');
    expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">\d{4}-\d{2}-\d{2}T/);
  });

  it('has a running header and page numbers on every page but the title page', async () => {
    const headers = docx.files.filter((f) => /^word\/header\d+\.xml$/.test(f));
    const footers = docx.files.filter((f) => /^word\/footer\d+\.xml$/.test(f));
    const headerTexts = await Promise.all(headers.map((f) => docx.read(f)));
    const footerTexts = await Promise.all(footers.map((f) => docx.read(f)));
    expect(
      headerTexts.some((x) =>
        x.includes('Uppföljning av handlingsplaner och insatsområden 2026-01-01 – 2026-12-31'),
      ),
    ).toBe(true);
    expect(footerTexts.some((x) => /PAGE/.test(x) && /NUMPAGES/.test(x) && x.includes('Sida'))).toBe(true);
    expect(await docx.read('word/document.xml')).toContain('<w:titlePg/>');
  });

  it('repeats every table’s header row on each page', async () => {
    const body = await docx.read('word/document.xml');
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const firstRow = /<w:tr[ >][\s\S]*?<\/w:tr>/.exec(table)?.[0] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
    }
  });

  it('gives every picture alternative text that says what it shows, with the numbers', async () => {
    const body = await docx.read('word/document.xml');
    const pictures = [...body.matchAll(/<wp:docPr ([^>]*)>/g)].map((m) => m[1] ?? '');
    const media = docx.files.filter((f) => f.startsWith('word/media/'));
    expect(pictures).toHaveLength(media.length);
    expect(pictures.length).toBe(2);
    for (const attributes of pictures) expect(attributes).toMatch(/descr="[^"]{40,}"/);
    expect(pictures[0]).toContain(
      '2. Psykisk hälsa: 1 Enligt plan, 1 Risk för avvikelse, 1 Hinder / avvikelse',
    );
  });

  it('keeps each chart with its heading', () => {
    const chartHeading = docx.paragraphs.findIndex(
      (p: DocxParagraph) => p.text === 'Status per insatsområde' && p.style === 'Heading2',
    );
    expect(chartHeading).toBeGreaterThan(0);
  });
});
