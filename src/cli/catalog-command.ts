import { readFile } from 'node:fs/promises';
import type { CatalogChange } from '../catalog/catalog-diff.js';
import { exportCatalog } from '../catalog/catalog-export.js';
import { importCatalog } from '../catalog/catalog-import.js';
import { CatalogImportError } from '../catalog/catalog-issues.js';
import type { ExportFormat } from '../catalog/export-formats.js';
import type { MessageKey, Translate } from '../i18n/i18n.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';
import { describeIssue } from './describe-issue.js';
import { operatorActor } from './operator.js';

/** `delmal catalog import <file> [--dry-run]` */
export async function catalogImport(
  ctx: CliContext,
  path: string,
  options: { dryRun?: boolean },
): Promise<void> {
  const { config, t } = configFor(ctx, false);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    ctx.err(t('cli.catalog.unreadable', { file: path, detail: (error as Error).message }));
    throw new CliExit(66);
  }
  await withReadyDatabase(ctx, config, t, async (db) => {
    try {
      const outcome = await importCatalog(
        db,
        { path, text },
        {
          dryRun: options.dryRun,
          clock: ctx.clock,
          actor: operatorActor(ctx),
        },
      );
      const { changes, unchanged, keptOnlyInDatabase } = outcome.diff;
      if (changes.length === 0) ctx.out(t('cli.catalog.noChanges', { file: outcome.file, unchanged }));
      else {
        ctx.out(
          t(options.dryRun ? 'cli.catalog.wouldChange' : 'cli.catalog.changed', {
            file: outcome.file,
            count: changes.length,
          }),
        );
        for (const change of changes) ctx.out(`  ${describeChange(t, change)}`);
        ctx.out(t('cli.catalog.summary', { unchanged, kept: keptOnlyInDatabase }));
        if (options.dryRun) ctx.out(t('cli.catalog.dryRunHint'));
      }
    } catch (error) {
      if (!(error instanceof CatalogImportError)) throw error;
      ctx.err(t('cli.catalog.rejected', { count: error.issues.length }));
      for (const issue of error.issues) ctx.err(`  ${describeIssue(t, issue)}`);
      throw new CliExit(65);
    }
  });
}

/** `delmal catalog export [--format yaml|csv]` */
export async function catalogExport(ctx: CliContext, format: ExportFormat): Promise<void> {
  const { config, t } = configFor(ctx, false);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const text = await exportCatalog(db, format);
    ctx.out(text.endsWith('\n') ? text.slice(0, -1) : text);
  });
}

function describeChange(t: Translate, change: CatalogChange): string {
  const kind = t(`catalog.kind.${change.kind}` as MessageKey);
  return `${change.change === 'added' ? '+' : '~'} ${t(change.change === 'added' ? 'cli.catalog.added' : 'cli.catalog.updated', { kind, id: change.id, label: change.label })}`;
}
