import type { Db } from '../../db/connection.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Clock } from '../clock.js';
import { type Locale, translator } from '../i18n/i18n.js';
import { buildFollowUpReport } from './build-report.js';
import { type Chart, reportCharts } from './charts.js';
import { comparePeriods } from './compare.js';
import type { ReportPeriod } from './period.js';
import { renderDocx } from './render-docx.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { loadPeriodCheckIns } from './report-data.js';
import type { ReportFormat } from './report-formats.js';
import type { FollowUpReport } from './report-model.js';
import { slug } from './report-text.js';
import { docxToPdf } from './to-pdf.js';

export { REPORT_FORMATS, type ReportFormat } from './report-formats.js';

/** Told about each step of a long report, e.g. to draw a progress line on a terminal. */
export type ReportProgress = (
  step: 'read' | 'compile' | 'charts' | 'write',
  index: number,
  total: number,
) => void;

export interface ReportDeps {
  readonly db: Db;
  readonly view: CatalogView;
  readonly clock: Clock;
  readonly locale: Locale;
  readonly progress?: ReportProgress;
  /** LibreOffice's command, for `pdf`. */
  readonly libreOffice?: string;
}

/** What else a report is asked for: a comparison with an earlier period. */
export interface ReportOptions {
  readonly compareWith?: { readonly period: ReportPeriod; readonly label: string };
}

/** A rendered report: the main file's content and any files it refers to (Markdown's chart SVGs). */
export interface RenderedReport {
  readonly report: FollowUpReport;
  readonly content: Buffer;
  readonly assets: readonly { readonly name: string; readonly content: Buffer }[];
}

/**
 * Reads the period's check-ins, compiles the report, draws its charts and renders it in `format`.
 * `baseName` names Markdown's chart files (`<baseName>-<chart>.svg`), which sit beside the report.
 */
export async function compileFollowUpReport(
  deps: ReportDeps,
  period: ReportPeriod,
  format: ReportFormat,
  baseName = 'uppfoljning',
  options: ReportOptions = {},
): Promise<RenderedReport> {
  const t = translator(deps.locale);
  const progress = deps.progress ?? (() => {});
  progress('read', 1, 4);
  const data = await loadPeriodCheckIns(deps.db, period);
  progress('compile', 2, 4);
  const built = buildFollowUpReport({
    view: deps.view,
    data,
    period,
    locale: deps.locale,
    t,
    generatedAt: deps.clock.now().toISOString(),
  });
  const report = options.compareWith
    ? {
        ...built,
        comparison: await comparePeriods(
          deps.db,
          { view: deps.view, locale: deps.locale, t },
          built,
          options.compareWith.period,
          options.compareWith.label,
        ),
      }
    : built;
  progress('charts', 3, 4);
  const drawn = await reportCharts(report, t, deps.view.currentPlan?.name ?? '');
  const charts: Chart[] = [drawn.focusAreas, ...(drawn.goals ? [drawn.goals] : [])];
  progress('write', 4, 4);
  if (format === 'docx') return { report, content: await renderDocx(report, charts, t), assets: [] };
  if (format === 'pdf') {
    if (!deps.libreOffice) throw new Error('PDF needs LibreOffice: the caller checks for it first');
    return {
      report,
      content: await docxToPdf(deps.libreOffice, await renderDocx(report, charts, t)),
      assets: [],
    };
  }
  if (format === 'html') return { report, content: Buffer.from(renderHtml(report, charts, t)), assets: [] };
  const linked = charts.map((chart) => ({ chart, file: `${baseName}-${slug(chart.title)}.svg` }));
  return {
    report,
    content: Buffer.from(renderMarkdown(report, linked, t)),
    assets: linked.map(({ chart, file }) => ({ name: file, content: Buffer.from(chart.svg) })),
  };
}
