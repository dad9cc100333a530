import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Tone } from '../chat/reply.js';
import type { Translate } from '../i18n/i18n.js';
import type { FollowUpReport, ReportStatus } from './report-model.js';
import { countsText } from './report-text.js';

/** A chart drawn once as SVG (HTML, Markdown), with its size in CSS pixels; {@link chartPng} for DOCX. */
export interface Chart {
  readonly title: string;
  readonly caption: string;
  /** Alternative text: what the chart shows, with its numbers. */
  readonly alt: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** The chart as PNG at twice its size (sharp in print), rendered by resvg with the system's fonts. */
export function chartPng(chart: Chart): Uint8Array {
  return new Resvg(chart.svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
  })
    .render()
    .asPng();
}

/** Shades per tone: the plan's colours, with a second and third shade when two statuses share a tone. */
const SHADES: Readonly<Record<Tone, readonly string[]>> = {
  green: ['#2e7d32', '#66bb6a'],
  yellow: ['#f9a825', '#fdd835'],
  red: ['#c62828', '#ef5350'],
  grey: ['#9e9e9e', '#cfcfcf', '#6d6d6d'],
  blue: ['#1565c0', '#64b5f6'],
};
const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** Colour scale for the statuses a report uses: one colour per label, from its tone. */
export function statusScale(statuses: readonly ReportStatus[]): { domain: string[]; range: string[] } {
  const domain: string[] = [];
  const range: string[] = [];
  const used: Partial<Record<Tone, number>> = {};
  for (const s of statuses) {
    if (domain.includes(s.label)) continue;
    const n = used[s.tone] ?? 0;
    used[s.tone] = n + 1;
    const shades = SHADES[s.tone];
    domain.push(s.label);
    range.push(shades[n % shades.length] ?? '#9e9e9e');
  }
  return { domain, range };
}

/** Swedish or English number formatting for axes (Vega's locale config). */
const numberLocale = (locale: 'sv' | 'en') =>
  locale === 'sv'
    ? { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ' kr'] }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] };

const baseConfig = (locale: 'sv' | 'en') => ({
  font: FONT,
  locale: { number: numberLocale(locale) },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 240 },
  view: { stroke: null },
});

/** Renders a Vega-Lite spec to SVG with Vega's headless renderer. */
export async function drawChart(
  spec: TopLevelSpec,
  title: string,
  caption: string,
  alt: string,
): Promise<Chart> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 300);
  return { title, caption, alt, svg, width, height };
}

/** Stacked bars: how many activities of each insatsområde end the period in each status. */
export function focusAreaChartSpec(report: FollowUpReport, t: Translate): TopLevelSpec {
  // The legend and the stacks follow the report's totals: worst first, so risks sit at the axis.
  const scale = statusScale([...report.totals, ...report.focusAreas.flatMap((a) => a.counts)]);
  const values = report.focusAreas.flatMap((area) =>
    area.counts.map((c) => ({
      area: `${area.number}. ${area.title}`,
      order: area.number,
      status: c.label,
      rank: scale.domain.indexOf(c.label),
      count: c.count,
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: baseConfig(report.locale),
    width: 260,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: {
        field: 'area',
        type: 'nominal',
        title: null,
        sort: { field: 'order', op: 'min' },
        axis: { labelLimit: 0 },
      },
      x: {
        field: 'count',
        type: 'quantitative',
        title: t('report.chart.activities'),
        axis: { format: 'd', tickMinStep: 1 },
      },
      color: {
        field: 'status',
        type: 'nominal',
        title: t('report.chart.status'),
        scale,
        sort: scale.domain,
        legend: { orient: 'bottom', columns: 2 },
      },
      order: { field: 'rank', sort: 'ascending' },
    },
  } as TopLevelSpec;
}

/** Small multiples: per delmål, activities per status at each month's end. */
export function goalChartSpec(report: FollowUpReport, t: Translate): TopLevelSpec {
  const scale = statusScale([...report.totals, ...report.goalSeries.map((p) => p.status)]);
  const values = report.goalSeries.map((p) => ({
    goal: p.goal,
    month: p.month,
    status: p.status.label,
    rank: scale.domain.indexOf(p.status.label),
    count: p.count,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: baseConfig(report.locale),
    data: { values },
    facet: { field: 'goal', type: 'nominal', title: null, sort: { field: 'goal' } },
    columns: 2,
    spec: {
      width: 220,
      height: 100,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'month', type: 'ordinal', title: null, axis: { labelAngle: -45 } },
        y: {
          field: 'count',
          type: 'quantitative',
          title: t('report.chart.activities'),
          axis: { format: 'd', tickMinStep: 1 },
        },
        color: {
          field: 'status',
          type: 'nominal',
          title: t('report.chart.status'),
          scale,
          sort: scale.domain,
          legend: { orient: 'bottom', columns: 2 },
        },
        order: { field: 'rank', sort: 'ascending' },
      },
    },
  } as TopLevelSpec;
}

/** Both charts of the report. */
export async function reportCharts(
  report: FollowUpReport,
  t: Translate,
  planName: string,
): Promise<{ focusAreas: Chart; goals: Chart | undefined }> {
  const focusAreas = await drawChart(
    focusAreaChartSpec(report, t),
    t('report.chart.focusAreas.heading'),
    t('report.chart.focusAreas.caption'),
    t('report.chart.alt.focusAreas', {
      list: report.focusAreas
        .map((a) =>
          t('report.chart.alt.area', { area: `${a.number}. ${a.title}`, counts: countsText(a.counts, t) }),
        )
        .join('; '),
    }),
  );
  const goals =
    report.goalSeries.length === 0
      ? undefined
      : await drawChart(
          goalChartSpec(report, t),
          t('report.chart.goals.heading'),
          t('report.chart.goals.caption', { plan: planName }),
          t('report.chart.alt.goals', { list: goalsAtEnd(report) }),
        );
  return { focusAreas, goals };
}

/** "Delmål 1: 2 Enligt plan, 1 Avslutad; Delmål 2: …" at the last month of the series. */
function goalsAtEnd(report: FollowUpReport): string {
  const last = report.goalSeries.at(-1)?.month;
  const byGoal = new Map<string, string[]>();
  for (const p of report.goalSeries) {
    if (p.month !== last) continue;
    const list = byGoal.get(p.goal) ?? [];
    list.push(`${p.count} ${p.status.label}`);
    byGoal.set(p.goal, list);
  }
  return [...byGoal].map(([goal, counts]) => `${goal}: ${counts.join(', ')}`).join('; ');
}
