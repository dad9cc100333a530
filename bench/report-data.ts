/**
 * SYNTHETIC benchmark data for the report benchmark — not plan data. The shipped catalog is
 * extended with numbered "Syntetisk aktivitet" entries up to 1,000 activities, and 200,000
 * synthetic check-ins are spread over four years. Deterministic from a seed (see random.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PLAIN_CHECK_IN } from '../db/check-ins.repository.js';
import type { CheckInRow, Database } from '../db/database.js';
import type { Catalog } from '../db/model/catalog-schema.js';
import type { Random } from './random.js';

/** The shipped catalog plus synthetic activities, spread over its insatsområden, aktivitetsområden and delmål. */
export function syntheticCatalog(shipped: Catalog, activities: number): Catalog {
  const areas = (shipped.followUp?.focusAreas ?? []).flatMap((f) =>
    f.activityAreas.map((a) => ({ focusArea: f.id, activityArea: a.id })),
  );
  const goals = shipped.plans.find((p) => p.current)?.goals.map((g) => g.id) ?? [];
  const owners = shipped.people.map((p) => p.email);
  const extra = Array.from({ length: Math.max(0, activities - shipped.activities.length) }, (_, i) => {
    const area = areas[i % areas.length];
    return {
      id: `syntetisk-${i + 1}`,
      name: `Syntetisk aktivitet ${i + 1}`,
      description: 'Syntetisk aktivitet för prestandamätning (inte verklig).',
      reportedStatus: 'ongoing' as const,
      interventionLevels: [],
      focusAreas: area ? [area.focusArea] : [],
      activityAreas: area ? [area.activityArea] : [],
      goals: goals.length > 0 ? [goals[i % goals.length] as string] : [],
      owners: owners.length > 0 ? [owners[i % owners.length] as string] : [],
    };
  });
  return { ...shipped, activities: [...shipped.activities, ...extra] };
}

const OPENERS = [
  'Arbetet går enligt plan.',
  'Vi har haft möte med kommunerna.',
  'Försenat på grund av personalbrist.',
  'Utbildningen är genomförd i två länsdelar.',
  'Enkäten är skickad och svaren analyseras.',
  'Styrgruppen har fattat beslut om fortsättning.',
  '',
];
const STATUSES = ['on_track', 'at_risk', 'blocked', 'paused', 'finished'];
/** Most check-ins repeat the previous status; this share changes it, as owners' real reports do. */
const CHANGE_RATE = 0.1;

/**
 * Inserts `count` synthetic check-ins between `from` and `to` (UTC ISO) over `activityIds`, in
 * multi-row batches inside one transaction. Each activity's status follows its own history (it
 * changes in about one check-in in ten). Returns how many fall in [periodStart, periodEnd).
 */
export async function insertSyntheticCheckIns(
  db: Kysely<Database>,
  activityIds: readonly string[],
  random: Random,
  options: { count: number; from: string; to: string; periodStart: string; periodEnd: string },
): Promise<number> {
  const start = Date.parse(options.from);
  const span = Date.parse(options.to) - start;
  const times = Array.from({ length: options.count }, () => start + Math.floor(random.next() * span)).sort(
    (a, b) => a - b,
  );
  const current = new Map<string, string>();
  let inPeriod = 0;
  const rows: CheckInRow[] = times.map((time) => {
    const at = new Date(time).toISOString();
    if (at >= options.periodStart && at < options.periodEnd) inPeriod++;
    const activity = random.pick(activityIds);
    const previous = current.get(activity);
    const status = previous === undefined || random.next() < CHANGE_RATE ? random.pick(STATUSES) : previous;
    current.set(activity, status);
    return {
      idempotency_key: null,
      ...PLAIN_CHECK_IN,
      id: randomUUID(),
      activity_id: activity,
      person_id: null,
      author_name: 'Syntetisk ansvarig',
      status_code: status,
      note: random.pick(OPENERS),
      platform: random.pick(['slack', 'teams']),
      created_at: at,
    };
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('check_ins')
        .values(rows.slice(i, i + 1000))
        .execute();
  });
  return inPeriod;
}
