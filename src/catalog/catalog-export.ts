import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { stringify as stringifyYaml } from 'yaml';
import { readCatalog } from '../../db/catalog-read.repository.js';
import type { Db } from '../../db/connection.js';
import type { Catalog } from '../../db/model/catalog-schema.js';
import { ACTIVITY_CSV_COLUMNS } from './catalog-file.js';
import type { ExportFormat } from './export-formats.js';

/** Serialises a catalog as YAML (everything) or CSV (activities, one row each). */
function serialiseCatalog(catalog: Catalog, format: ExportFormat): string {
  if (format === 'yaml') return stringifyYaml(catalog, { lineWidth: 0, blockQuote: 'literal' });
  const rows = catalog.activities.map((a) => ({
    ...a,
    interventionLevels: a.interventionLevels.join('; '),
    focusAreas: a.focusAreas.join('; '),
    activityAreas: a.activityAreas.join('; '),
    goals: a.goals.join('; '),
    owners: a.owners.join('; '),
    sourceDocument: a.source?.document ?? '',
    sourceSection: a.source?.section ?? '',
  }));
  return stringifyCsv(rows, { header: true, columns: [...ACTIVITY_CSV_COLUMNS] });
}

/** Reads the database's catalog and serialises it; `catalog import` of the result changes nothing. */
export async function exportCatalog(db: Db, format: ExportFormat): Promise<string> {
  return serialiseCatalog(await readCatalog(db.kysely), format);
}
