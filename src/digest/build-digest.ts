import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Network } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import { SwedishCalendar } from '../schedule/calendar.js';
import { composeDigest } from './compose-digest.js';
import { readDigestData } from './digest-data.js';
import type { DigestMessage } from './digest-message.js';

let calendar: SwedishCalendar | undefined;
/** One Swedish calendar per process: its holiday tables are built once per year asked for. */
export function digestCalendar(): SwedishCalendar {
  calendar ??= new SwedishCalendar('sv');
  return calendar;
}

/** Reads one period of a network's follow-up and composes its digest. */
export async function buildDigest(
  db: Kysely<Database>,
  view: CatalogView,
  network: Network,
  period: { from: string; to: string; timeZone: string; kind: DigestMessage['kind'] },
): Promise<DigestMessage> {
  const data = await readDigestData(db, view, network, period, digestCalendar());
  return composeDigest(view, network, period, data);
}
