import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Translate } from '../i18n/i18n.js';
import { paintOf, type StatusPaint, withPatterns } from './chart-palette.js';
import type { FollowUpReport } from './report-model.js';
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

/**
 * Charts are drawn at the width of an A4 page's text (16 cm ≈ 600 px at 96 dpi), so they are placed
 * at 100 % and a 12-px label prints at 9 pt.
 */
export const CHART_WIDTH = 600;
const FONT_SIZE = 12;
const FONT = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';

/** The chart as PNG at twice its size (sharp in print), rendered by resvg with the system's fonts. */
export function chartPng(chart: Chart): Uint8Array {
  return new Resvg(chart.svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
  })
    .render()
    .asPng();
}

/** The colour scale in the plan's order (the legend's order), limited to the statuses the chart shows. */
function scaleOf(
  report: FollowUpReport,
  used: ReadonlySet<string>,
): { domain: string[]; range: string[]; paints: StatusPaint[] } {
  const domain: string[] = [];
  const paints: StatusPaint[] = [];
  report.statusOrder.forEach((label, i) => {
    if (!used.has(label)) return;
    domain.push(label);
    paints.push(paintOf(i, report.statusOrder.length));
  });
  return { domain, range: paints.map((p) => p.colour), paints };
}

const numberLocale = (locale: 'sv' | 'en') =>
  locale === 'sv'
    ? { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ' kr'] }
    : { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] };

const baseConfig = (locale: 'sv' | 'en') => ({
  font: FONT,
  locale: { number: numberLocale(locale) },
  axis: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelColor: '#000000', titleColor: '#000000' },
  legend: {
    labelFontSize: FONT_SIZE,
    titleFontSize: FONT_SIZE,
    labelLimit: 200,
    symbolSize: 160,
    symbolStrokeColor: '#000000',
    symbolStrokeWidth: 0.5,
  },
  header: { labelFontSize: FONT_SIZE, labelFontWeight: 'bold' },
  view: { stroke: null },
});

/** Legend labels with each status's total, "Enligt plan (12)": the numbers are read, not decoded. */
function legendOf(report: FollowUpReport, used: ReadonlySet<string>): { labelExpr: string } {
  const totals = Object.fromEntries(
    report.totals.filter((c) => used.has(c.label)).map((c) => [c.label, `${c.label} (${c.count})`]),
  );
  return { labelExpr: `${JSON.stringify(totals)}[datum.label] || datum.label` };
}

/** Wraps a label into lines of at most `width` characters, for multi-line axis labels. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Renders a Vega-Lite spec to SVG with Vega's headless renderer, hatching each status's fill. */
export async function drawChart(
  spec: TopLevelSpec,
  paints: readonly StatusPaint[],
  id: string,
  text: { title: string; caption: string; alt: string },
): Promise<Chart> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = withPatterns(await view.toSVG(), paints, id);
  view.finalize();
  const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? CHART_WIDTH);
  const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 300);
  return { ...text, svg, width, height };
}

/** Stacked bars with the count printed in each part: activities per status per insatsområde. */
export function focusAreaChart(
  report: FollowUpReport,
  t: Translate,
): { spec: TopLevelSpec; paints: StatusPaint[] } {
  const used = new Set(report.focusAreas.flatMap((a) => a.counts.map((c) => c.label)));
  const scale = scaleOf(report, used);
  const max = Math.max(1, ...report.focusAreas.map((a) => a.counts.reduce((n, c) => n + c.count, 0)));
  const plotWidth = 240;
  const values = report.focusAreas.flatMap((area) => {
    let x = 0;
    return [...area.counts]
      .sort((a, b) => scale.domain.indexOf(a.label) - scale.domain.indexOf(b.label))
      .map((c) => {
        const paint = scale.paints[scale.domain.indexOf(c.label)];
        const row = {
          area: `${area.number}. ${area.title}`,
          order: area.number,
          status: c.label,
          count: c.count,
          x0: x,
          x1: x + c.count,
          mid: x + c.count / 2,
          ink: paint?.ink ?? '#000000',
          // A number fits (and reads over the hatching) when its part is at least ~22 px wide.
          shown: (c.count / max) * plotWidth >= 22 ? String(c.count) : '',
        };
        x += c.count;
        return row;
      });
  });
  // Vega has no word wrap: a lookup from each label to its wrapped lines, joined by "|".
  const wrapped = Object.fromEntries(
    report.focusAreas.map((a) => {
      const label = `${a.number}. ${a.title}`;
      return [label, wrap(label, 30).join('|')];
    }),
  );
  const y = {
    field: 'area',
    type: 'nominal',
    title: null,
    sort: { field: 'order', op: 'min' },
    axis: {
      labelExpr: `split(${JSON.stringify(wrapped)}[datum.label] || datum.label, '|')`,
      labelLimit: 0,
      labelPadding: 6,
    },
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: baseConfig(report.locale),
    width: plotWidth,
    height: { step: 50 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          y,
          x: {
            field: 'x0',
            type: 'quantitative',
            title: t('report.chart.activities'),
            axis: { format: 'd', tickMinStep: 1 },
            scale: { domain: [0, max] },
          },
          x2: { field: 'x1' },
          color: {
            field: 'status',
            type: 'nominal',
            title: t('report.chart.status'),
            scale: { domain: scale.domain, range: scale.range },
            sort: scale.domain,
            legend: {
              ...legendOf(report, used),
              orient: 'bottom',
              columns: 1,
              symbolType: 'square',
              labelLimit: 300,
            },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: FONT_SIZE, fontWeight: 'bold' },
        encoding: {
          y,
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'shown' },
          color: { field: 'ink', type: 'nominal', scale: null },
        },
      },
    ],
  };
  return { spec: spec as TopLevelSpec, paints: scale.paints };
}

const MONTHS_SV = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Small multiples: per delmål, activities per status at each month's end. */
export function goalChart(
  report: FollowUpReport,
  t: Translate,
): { spec: TopLevelSpec; paints: StatusPaint[] } {
  const scale = scaleOf(report, new Set(report.goalSeries.map((p) => p.status.label)));
  const names = report.locale === 'sv' ? MONTHS_SV : MONTHS_EN;
  const years = new Set(report.goalSeries.map((p) => p.month.slice(0, 4)));
  const values = report.goalSeries.map((p) => ({
    goal: p.goal,
    month: p.month,
    label: `${names[Number(p.month.slice(5, 7)) - 1] ?? p.month}${years.size > 1 ? ` ${p.month.slice(2, 4)}` : ''}`,
    status: p.status.label,
    rank: scale.domain.indexOf(p.status.label),
    count: p.count,
  }));
  const labelOf = Object.fromEntries(values.map((v) => [v.month, v.label]));
  return {
    paints: scale.paints,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config: baseConfig(report.locale),
      data: { values },
      facet: { field: 'goal', type: 'nominal', title: null, sort: { field: 'goal' } },
      columns: 2,
      spec: {
        width: 235,
        height: 90,
        mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: {
            field: 'month',
            type: 'ordinal',
            title: null,
            axis: {
              labelAngle: 0,
              labelExpr: `${JSON.stringify(labelOf)}[datum.value]`,
              labelOverlap: 'parity',
            },
          },
          y: {
            field: 'count',
            type: 'quantitative',
            title: t('report.chart.activities'),
            axis: { format: 'd', tickMinStep: 1, tickCount: 3 },
          },
          color: {
            field: 'status',
            type: 'nominal',
            title: t('report.chart.status'),
            scale: { domain: scale.domain, range: scale.range },
            sort: scale.domain,
            legend: { orient: 'bottom', columns: 1, symbolType: 'square', labelLimit: 300 },
          },
          order: { field: 'rank', sort: 'ascending' },
        },
      },
    } as TopLevelSpec,
  };
}

/** Both charts of the report, each with a caption and alt text carrying its numbers. */
export async function reportCharts(
  report: FollowUpReport,
  t: Translate,
  planName: string,
): Promise<{ focusAreas: Chart; goals: Chart | undefined }> {
  const areas = focusAreaChart(report, t);
  const focusAreas = await drawChart(areas.spec, areas.paints, 'areas', {
    title: t('report.chart.focusAreas.heading'),
    caption: t('report.chart.focusAreas.caption'),
    alt: t('report.chart.alt.focusAreas', {
      list: report.focusAreas
        .map((a) =>
          t('report.chart.alt.area', { area: `${a.number}. ${a.title}`, counts: countsText(a.counts, t) }),
        )
        .join('; '),
    }),
  });
  if (report.goalSeries.length === 0) return { focusAreas, goals: undefined };
  const goalsSpec = goalChart(report, t);
  const goals = await drawChart(goalsSpec.spec, goalsSpec.paints, 'goals', {
    title: t('report.chart.goals.heading'),
    caption: t('report.chart.goals.caption', { plan: planName }),
    alt: t('report.chart.alt.goals', { list: goalsAtEnd(report) }),
  });
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
