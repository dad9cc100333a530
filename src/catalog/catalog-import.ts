import { type AuditActor, appendAudit } from '../../db/audit-log.repository.js';
import { readCatalog } from '../../db/catalog-read.repository.js';
import { writeCatalog } from '../../db/catalog-write.repository.js';
import type { Db } from '../../db/connection.js';
import { entityKey } from '../../db/model/catalog-entity.js';
import type { Clock } from '../clock.js';
import { type CatalogDiff, diffCatalog } from './catalog-diff.js';
import { parseCatalogFile } from './catalog-file.js';
import { CatalogImportError } from './catalog-issues.js';
import { mergeCatalog } from './catalog-merge.js';
import { checkReferences } from './catalog-references.js';

export interface ImportOutcome {
  readonly file: string;
  readonly diff: CatalogDiff;
  /** False for a dry run and when nothing changed. */
  readonly applied: boolean;
}

/**
 * Imports a catalog file (YAML or CSV) into the database: validate everything first, then write
 * every change in one transaction. Importing the same file twice changes nothing; a dry run
 * reports what would change and writes nothing. Throws `CatalogImportError` for any problem.
 */
export async function importCatalog(
  db: Db,
  file: { readonly path: string; readonly text: string },
  options: {
    readonly dryRun?: boolean;
    readonly clock: Clock;
    /** Who imports (the CLI's operator); the start-up seed is the system's. Audited with the write. */
    readonly actor?: AuditActor;
  },
): Promise<ImportOutcome> {
  const parsed = parseCatalogFile(file.path, file.text);
  const current = await readCatalog(db.kysely);
  const merged = mergeCatalog(current, parsed.catalog);
  const problems = checkReferences(parsed.catalog, merged);
  if (problems.length > 0) throw new CatalogImportError(parsed.locate(problems));

  const diff = diffCatalog(current, merged, parsed.catalog);
  if (options.dryRun || diff.changes.length === 0) return { file: parsed.name, diff, applied: false };
  const changed = new Set(diff.changes.map((c) => entityKey(c.kind, c.id)));
  const now = options.clock.now().toISOString();
  const actor = options.actor ?? { kind: 'system', platform: 'system' };
  // Which kinds of entry changed and how many, never their content.
  const counts = new Map<string, number>();
  for (const c of diff.changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  await db.kysely.transaction().execute(async (trx) => {
    await writeCatalog(trx, merged, changed, now);
    await appendAudit(
      trx,
      actor,
      {
        action: 'catalog.import',
        subjectKind: 'catalog',
        fields: [...counts].map(([kind, n]) => `${kind}:${n}`),
      },
      now,
    );
  });
  return { file: parsed.name, diff, applied: true };
}
