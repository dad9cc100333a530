import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Translate } from '../i18n/i18n.js';
import { type StatusPaint, withPatterns } from './chart-palette.js';
import { focusAreaChart, goalChart } from './chart-specs.js';
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

/** Renders a Vega-Lite spec to SVG with Vega's headless renderer, hatching each status's fill. */
async function drawChart(
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
