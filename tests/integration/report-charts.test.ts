import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { translator } from '../../src/i18n/i18n.js';
import { buildFollowUpReport } from '../../src/report/build-report.js';
import { CHART_WIDTH, type Chart, reportCharts } from '../../src/report/charts.js';
import { parsePeriod } from '../../src/report/period.js';
import { loadPeriodCheckIns } from '../../src/report/report-data.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/databases.js';
import { recordTestYear } from '../support/report-year.js';

let db: TestDatabase;
let areas: Chart;
let goals: Chart | undefined;
const t = translator('sv');

beforeAll(async () => {
  db = await createSeededTestDatabase('sqlite');
  const view = await recordTestYear(db);
  const parsed = parsePeriod('2026-01-01', '2026-12-31', 'Europe/Stockholm');
  if (!parsed.ok) throw new Error('period');
  const report = buildFollowUpReport({
    view,
    data: await loadPeriodCheckIns(db.db, parsed.period),
    period: parsed.period,
    locale: 'sv',
    t,
    generatedAt: fixedClock('2027-01-15T08:00:00Z').now().toISOString(),
  });
  ({ focusAreas: areas, goals } = await reportCharts(report, t, 'Handlingsplan Social välfärd'));
});
afterAll(() => db.drop());

const legend = (svg: string) =>
  [...svg.matchAll(/role-legend-label[\s\S]*?<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');

it('draws both charts at most an A4 text width wide, so they print at full size with 9-pt labels', () => {
  for (const chart of [areas, goals]) {
    expect(chart?.width).toBeLessThanOrEqual(CHART_WIDTH);
    const sizes = [...(chart?.svg ?? '').matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    // 12 CSS px at 100 % is 9 pt.
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  }
});

it('gives every status its own colour and hatching, with the legend in the plan’s order and its totals', () => {
  expect(legend(areas.svg)).toEqual([
    'Enligt plan (1)',
    'Risk för avvikelse (1)',
    'Hinder / avvikelse (1)',
    'Pausad (1)',
    'Avslutad (1)',
    'Ingen avstämning (60)',
  ]);
  const patterns = [...areas.svg.matchAll(/<pattern id="([^"]+)"[^>]*><rect [^>]*fill="(#[0-9a-f]{6})"/g)];
  // Risk, hinder, pausad and avslutad are hatched, each differently, over distinct colours.
  expect(patterns).toHaveLength(4);
  expect(new Set(patterns.map((p) => p[2])).size).toBe(4);
  const paths = [...areas.svg.matchAll(/<pattern [\s\S]*?<\/pattern>/g)].map((m) =>
    m[0].replace(/id="[^"]+"|fill="#[0-9a-f]{6}"/g, ''),
  );
  expect(new Set(paths).size).toBe(4);
  // The two plain fills (on track, no check-in) differ strongly in lightness.
  expect(areas.svg).toContain('fill="#117733"');
  expect(areas.svg).toContain('fill="#dddddd"');
});

it('prints the counts on the bars and says in the alt text what the chart shows, with the numbers', () => {
  expect(areas.svg).toMatch(/<text[^>]*>19<\/text>/);
  expect(areas.alt).toContain('3. Förstärka insatserna för måluppfyllelse i skolan: 19 Ingen avstämning');
  expect(goals?.alt).toMatch(/Delmål 2: 1 Enligt plan, 1 Avslutad/);
});
