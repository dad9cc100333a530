import type { TopLevelSpec } from 'vega-lite';
import type { Translate } from '../i18n/i18n.js';
import { paintOf, type StatusPaint } from './chart-palette.js';
import type { FollowUpReport } from './report-model.js';

/**
 * The report's two charts as Vega-Lite specs: sized for an A4 text column, 12-px text (9 pt in
 * print), the plan's status order for colours and legends.
 */

const FONT_SIZE = 12;
const FONT = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';
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
