import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { checkInPagesInPeriod } from '../../db/check-in-periods.repository.js';
import type { Db } from '../../db/connection.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Locale } from '../i18n/i18n.js';
import { localDate, type ReportPeriod } from './period.js';

/** The columns of `delmal report checkins`, in order. */
export const CHECK_IN_CSV_COLUMNS = [
  'id',
  'createdAt',
  'localDate',
  'activityId',
  'activityName',
  'statusCode',
  'statusLabel',
  'author',
  'platform',
  'note',
] as const;

/**
 * Writes every check-in of a period as CSV (header first, oldest first), page by page, so a long
 * period never sits in memory at once. Returns how many rows were written.
 */
export async function writeCheckInsCsv(
  db: Db,
  view: CatalogView,
  period: ReportPeriod,
  locale: Locale,
  out: Writable,
): Promise<number> {
  const labels = new Map(view.vocabulary().map((s) => [s.code, locale === 'en' ? s.labelEn : s.label]));
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(stringify([[...CHECK_IN_CSV_COLUMNS]]));
  let count = 0;
  for await (const page of checkInPagesInPeriod(db.kysely, period.startUtc, period.endUtc)) {
    count += page.length;
    await write(
      stringify(
        page.map((r) => [
          r.id,
          r.created_at,
          localDate(r.created_at, period.timezone),
          r.activity_id,
          view.activities.get(r.activity_id)?.name ?? '',
          r.status_code,
          labels.get(r.status_code) ?? r.status_code,
          r.author_name,
          r.platform,
          r.note,
        ]),
      ),
    );
  }
  return count;
}
