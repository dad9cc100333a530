import type { CatalogView } from '../../src/catalog/catalog-view.js';
import { recordCheckIn } from '../../src/checkins/record-check-in.js';
import { fixedClock } from '../../src/clock.js';
import { CatalogStore } from '../../src/search/catalog-store.js';
import type { TestDatabase } from './databases.js';

/**
 * A test year of check-ins (2026, Europe/Stockholm), recorded through the real check-in path with
 * an injected clock: some before the year, some on its edges, one after it.
 */
const TEST_YEAR: readonly {
  readonly at: string;
  readonly activity: string;
  readonly status: string;
  readonly note: string;
  /** Which of the activity's owners writes it (default the first). */
  readonly owner?: number;
}[] = [
  // Before the period: CROSS starts the year on track; MHFA's only check-in is from 2025.
  { at: '2025-11-10T09:00:00Z', activity: 'cross', status: 'on_track', note: 'Uppstart med tre kommuner.' },
  {
    at: '2025-05-05T09:00:00Z',
    activity: 'mhfa-forsta-hjalpen-psykisk-halsa',
    status: 'at_risk',
    note: 'Få instruktörer.',
  },
  // 2025-12-31 23:30 UTC is 2026-01-01 00:30 in Stockholm: inside the period.
  { at: '2025-12-31T23:30:00Z', activity: 'forsta-kontakten', status: 'on_track', note: 'Nyårsrapport.' },
  { at: '2026-02-01T08:00:00Z', activity: 'cherries', status: 'on_track', note: 'Tredje året har börjat.' },
  {
    at: '2026-03-02T10:15:00Z',
    activity: 'cross',
    status: 'at_risk',
    note: 'Enkäten är försenad, "svar saknas", Laxå.',
  },
  {
    at: '2026-04-01T07:00:00Z',
    activity: 'yam',
    status: 'paused',
    note: 'Pausad under omorganisationen <b>tills vidare</b> & "utredning".',
  },
  {
    at: '2026-06-15T12:00:00Z',
    activity: 'cross',
    status: 'on_track',
    note: 'Enkäten skickad.\nSvaren analyseras i höst.',
    owner: 1,
  },
  { at: '2026-06-20T12:00:00Z', activity: 'cross', status: 'on_track', note: '' },
  {
    at: '2026-09-30T14:00:00Z',
    activity: 'cherries',
    status: 'finished',
    note: 'Projektet är avslutat och utvärderat.',
  },
  // 2026-12-31 22:30 UTC is 23:30 on the last day in Stockholm: inside.
  {
    at: '2026-12-31T22:30:00Z',
    activity: 'forsta-kontakten',
    status: 'blocked',
    note: 'Lokalen är uppsagd.',
  },
  // 2026-12-31 23:30 UTC is already 2027 in Stockholm: outside.
  { at: '2026-12-31T23:30:00Z', activity: 'cross', status: 'blocked', note: 'Efter perioden.' },
  { at: '2027-01-10T09:00:00Z', activity: 'cherries', status: 'on_track', note: 'Efter perioden.' },
];

/** How many of {@link TEST_YEAR} fall in 2026 local time. */
export const TEST_YEAR_IN_PERIOD = 8;

/** Records {@link TEST_YEAR} into a seeded test database, each check-in by the activity's first owner. */
export async function recordTestYear(db: TestDatabase): Promise<CatalogView> {
  const view = (await new CatalogStore(db.db).get()).view;
  const clock = fixedClock('2025-01-01T00:00:00Z');
  for (const c of TEST_YEAR) {
    clock.set(c.at);
    const owner = view.activities.get(c.activity)?.owners[c.owner ?? 0];
    const result = await recordCheckIn(
      { db: db.db, clock },
      view,
      { email: owner },
      { activityId: c.activity, statusCode: c.status, note: c.note },
      'slack',
    );
    if (!result.ok) throw new Error(`test year: check-in on ${c.activity} refused`);
  }
  return view;
}
