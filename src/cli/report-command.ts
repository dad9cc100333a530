import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { readCatalog } from '../../db/catalog-read.repository.js';
import type { Db } from '../../db/connection.js';
import { CatalogView } from '../catalog/catalog-view.js';
import type { Translate } from '../i18n/i18n.js';
import { writeCheckInsCsv } from '../report/checkins-csv.js';
import { compileFollowUpReport, type ReportFormat, type ReportProgress } from '../report/follow-up.js';
import { parsePeriod, type ReportPeriod } from '../report/period.js';
import { activityCount } from '../report/report-text.js';
import { findLibreOffice, PdfConversionError } from '../report/to-pdf.js';
import { type CliContext, CliExit, configFor, describeError, withReadyDatabase } from './context.js';

export interface PeriodOptions {
  readonly from: string;
  readonly to: string;
  readonly out: string;
}

/** `delmal report uppfoljning --from --to --format docx|md|html --out <file>` */
export async function reportFollowUp(
  ctx: CliContext,
  options: PeriodOptions & {
    readonly format: ReportFormat;
    readonly compareWith?: string;
    readonly quiet?: boolean;
  },
): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const period = periodOrExit(ctx, t, options, config.timezone);
  const compareWith =
    options.compareWith === undefined ? undefined : earlierOrExit(ctx, t, options.compareWith, period);
  // Checked before any work: a PDF without LibreOffice would fail after minutes of compiling.
  const libreOffice = options.format === 'pdf' ? await findLibreOffice(ctx.env) : undefined;
  if (options.format === 'pdf' && !libreOffice) {
    ctx.err(t('cli.report.pdfMissing'));
    throw new CliExit(69);
  }
  const started = performance.now();
  const progress = options.quiet ? undefined : reportProgress(ctx, t, options.format);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const view = await viewOf(db);
    const rendered = await compileOrExit(ctx, t, () =>
      compileFollowUpReport(
        {
          db,
          view,
          clock: ctx.clock,
          locale: config.locale,
          ...(progress ? { progress: progress.step } : {}),
          ...(libreOffice ? { libreOffice } : {}),
        },
        period,
        options.format,
        basename(options.out, extname(options.out)),
        compareWith ? { compareWith } : {},
      ),
    );
    progress?.clear();
    await writeAtomically(ctx, t, options.out, (tmp) => writeFile(tmp, rendered.content));
    for (const asset of rendered.assets)
      await writeAtomically(ctx, t, join(dirname(options.out), asset.name), (tmp) =>
        writeFile(tmp, asset.content),
      );
    const seconds = ((performance.now() - started) / 1000).toLocaleString(config.locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const pages = options.format === 'pdf' ? pdfPageCount(rendered.content) : undefined;
    ctx.out(
      t('cli.report.summary', {
        file: options.out,
        pages: pages === undefined ? '' : t('cli.report.pages', { pages }),
        activities: activityCount(rendered.report),
        checkIns: rendered.report.checkInCount,
        seconds,
      }),
    );
  });
}

/** `delmal report checkins --from --to --out <file.csv>` */
export async function reportCheckIns(ctx: CliContext, options: PeriodOptions): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const period = periodOrExit(ctx, t, options, config.timezone);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const view = await viewOf(db);
    let count = 0;
    await writeAtomically(ctx, t, options.out, async (tmp) => {
      const stream = createWriteStream(tmp);
      count = await writeCheckInsCsv(db, view, period, config.locale, stream);
      stream.end();
      await finished(stream);
    });
    ctx.out(t('cli.report.csvWritten', { count, from: period.from, to: period.to, file: options.out }));
  });
}

/** The pages of a PDF: its page objects (LibreOffice writes one `/Type /Page` each). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** `--compare-with 2025`: that calendar year, which must end before the report's period does. */
function earlierOrExit(
  ctx: CliContext,
  t: Translate,
  value: string,
  period: ReportPeriod,
): { period: ReportPeriod; label: string } {
  const year = /^\d{4}$/.test(value) ? value : undefined;
  const parsed = year ? parsePeriod(`${year}-01-01`, `${year}-12-31`, period.timezone) : undefined;
  if (!parsed?.ok || parsed.period.to >= period.to) {
    ctx.err(t('cli.report.badCompare', { value }));
    throw new CliExit(2);
  }
  return { period: parsed.period, label: value };
}

/** A failed PDF conversion is told in Swedish, with LibreOffice's own words as the detail. */
async function compileOrExit<T>(ctx: CliContext, t: Translate, compile: () => Promise<T>): Promise<T> {
  try {
    return await compile();
  } catch (error) {
    if (!(error instanceof PdfConversionError)) throw error;
    ctx.err(t('cli.report.pdfFailed', { detail: describeError(error) }));
    throw new CliExit(70);
  }
}

async function viewOf(db: Db): Promise<CatalogView> {
  return new CatalogView(await readCatalog(db.kysely));
}

function periodOrExit(ctx: CliContext, t: Translate, options: PeriodOptions, timezone: string): ReportPeriod {
  const parsed = parsePeriod(options.from, options.to, timezone);
  if (parsed.ok) return parsed.period;
  if (parsed.problem === 'from') ctx.err(t('cli.report.badFrom', { value: options.from }));
  else if (parsed.problem === 'to') ctx.err(t('cli.report.badTo', { value: options.to }));
  else ctx.err(t('cli.report.order', { from: options.from, to: options.to }));
  throw new CliExit(2);
}

/** Writes beside the target and renames into place: a failed run leaves no half-written report. */
async function writeAtomically(
  ctx: CliContext,
  t: Translate,
  file: string,
  write: (tmp: string) => Promise<unknown>,
): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    ctx.err(t('cli.report.unwritable', { file, detail: describeError(error) }));
    throw new CliExit(73);
  }
}

interface ProgressOutput {
  readonly step: ReportProgress;
  /** Clears a terminal's progress line before the report's own output. */
  readonly clear: () => void;
}

/**
 * Where the report tells how far it has come: one redrawn line on stderr, only on a terminal — a
 * log or a pipe gets the one-line summary on stdout and nothing else.
 */
function reportProgress(ctx: CliContext, t: Translate, format: ReportFormat): ProgressOutput | undefined {
  const draw = ctx.progress;
  if (!draw) return undefined;
  const words = {
    read: t('report.progress.read'),
    compile: t('report.progress.compile'),
    charts: t('report.progress.charts'),
    write: t('report.progress.write', { format: format.toUpperCase() }),
  };
  return {
    step: (step, index, total) => draw(`[${index}/${total}] ${words[step]} …`),
    clear: () => draw(''),
  };
}
