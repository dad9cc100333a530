import { afterEach, beforeEach } from 'vitest';
import { PLAIN_CHECK_IN } from '../../db/check-ins.repository.js';
import type { Db } from '../../db/connection.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import type { CheckInPromptMessage } from '../../src/checkins/prompt-message.js';
import type { EngineDeps } from '../../src/checkins/round-context.js';
import { CheckInEngine } from '../../src/checkins/round-engine.js';
import { fixedClock } from '../../src/clock.js';
import type { OutboxItem } from '../../src/delivery/deliveries.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/logger.js';
import { SwedishCalendar } from '../../src/schedule/calendar.js';
import { createTestDatabase, type Dialect, type TestDatabase } from './databases.js';
import { RecordingDeliverer } from './recording-deliverer.js';

/**
 * A small catalog for round tests: plan `p` (current, its own status words), four activities,
 * owners anna (a1, a2), bo (a2, a3), cilla (a4) and one activity without owner; schedule
 * `weekly` every Monday 09:00 Stockholm, defaults otherwise (summer pause weeks 28–31, skip if
 * updated within 7 days, reminder after 2 workdays, quiet 17–08).
 */
export function roundCatalog(schedule = WEEKLY): string {
  return `format: 1
plans:
  - id: p
    name: Plan P
    kind: action_plan
    periodStart: 2026
    current: true
    statuses:
      - { code: bra, label: Går bra, labelEn: Going well, colour: green, severity: 0 }
      - { code: svart, label: Svårt, labelEn: Hard, colour: red, severity: 3 }
    focusAreas:
      - { id: fa, number: 1, title: Område ett }
    goals:
      - { id: g1, number: 1, title: Mål ett, focusArea: fa }
      - { id: g2, number: 2, title: Mål två, focusArea: fa }
activities:
  - { id: a1, name: Aktivitet ett, reportedStatus: ongoing, goals: [g1], owners: [anna@example.se] }
  - { id: a2, name: Aktivitet två, reportedStatus: ongoing, goals: [g1, g2], owners: [anna@example.se, bo@example.se] }
  - { id: a3, name: Aktivitet tre, reportedStatus: ongoing, goals: [g2], owners: [bo@example.se] }
  - { id: a4, name: Aktivitet fyra, reportedStatus: ongoing, goals: [g2], owners: [cilla@example.se] }
  - { id: a5, name: Ingen äger mig, reportedStatus: ongoing, goals: [g2] }
people:
  - { email: anna@example.se, name: Anna }
  - { email: bo@example.se, name: Bo }
  - { email: cilla@example.se, name: Cilla }
schedules:
${schedule}
`;
}

export const WEEKLY = `  - { id: weekly, plan: p, cadence: weekly, weekday: monday, time: "09:00" }`;

export interface RoundHarness {
  readonly db: Db;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly deliverer: RecordingDeliverer;
  readonly outbox: Outbox;
  engine(worker?: string, deps?: Partial<EngineDeps>): CheckInEngine;
  /** One tick at `iso` (the clock moves there), then the outbox delivers what is due. */
  tick(iso: string, worker?: string): ReturnType<CheckInEngine['tick']>;
  /** Delivered prompts as people see them: `kind e-mail: activity ids`. */
  seen(): string[];
  /** Records a check-in by hand (not answering a round). */
  checkIn(activityId: string, at: string): Promise<void>;
}

/** An engine over a migrated test database holding `catalog`, delivering through the real outbox. */
export async function roundHarness(db: Db, catalog = roundCatalog()): Promise<RoundHarness> {
  const clock = fixedClock('2026-11-01T00:00:00Z');
  await importCatalog(db, { path: 'rounds.yaml', text: catalog }, { clock });
  const logger = createLogger('silent');
  const deliverer = new RecordingDeliverer();
  const outbox = new Outbox(db, clock, logger, deliverer, { random: () => 0 });
  const calendar = new SwedishCalendar('sv');
  const engine = (worker = 'w1', deps: Partial<EngineDeps> = {}) =>
    new CheckInEngine({
      db,
      deliveries: outbox,
      calendar,
      logger,
      worker,
      timeZone: 'Europe/Stockholm',
      ...deps,
    });
  return {
    db,
    clock,
    deliverer,
    outbox,
    engine,
    tick: async (iso, worker) => {
      clock.set(iso);
      const summary = await engine(worker).tick(new Date(iso));
      await outbox.drain();
      return summary;
    },
    seen: () => deliverer.calls.map(describe),
    checkIn: async (activityId, at) => {
      await db.kysely
        .insertInto('check_ins')
        .values({
          id: `c-${activityId}-${at}`,
          activity_id: activityId,
          status_code: 'bra',
          note: '',
          person_id: null,
          author_name: 'Test',
          platform: 'local',
          created_at: at,
          idempotency_key: null,
          ...PLAIN_CHECK_IN,
        })
        .execute();
    },
  };
}

/**
 * A {@link roundHarness} over a fresh `dialect` database for each test of the calling block (dropped
 * after it). Read it inside tests only: it stands for the current test's harness.
 */
export function roundHarnessEach(dialect: Dialect): RoundHarness & { readonly test: TestDatabase } {
  let test: TestDatabase | undefined;
  let h: RoundHarness | undefined;
  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    h = await roundHarness(test.db);
  });
  afterEach(() => test?.drop());
  const current = () => {
    if (!h || !test) throw new Error('the round harness is there only while a test runs');
    return { h, test };
  };
  return {
    get test() {
      return current().test;
    },
    get db() {
      return current().h.db;
    },
    get clock() {
      return current().h.clock;
    },
    get deliverer() {
      return current().h.deliverer;
    },
    get outbox() {
      return current().h.outbox;
    },
    engine: (worker, deps) => current().h.engine(worker, deps),
    tick: (iso, worker) => current().h.tick(iso, worker),
    seen: () => current().h.seen(),
    checkIn: (activityId, at) => current().h.checkIn(activityId, at),
  };
}

function describe(item: OutboxItem): string {
  const m = item.message as CheckInPromptMessage;
  const to = item.to.kind === 'person' ? item.to.email : item.to.kind;
  return `${m.kind} ${to}: ${m.activities.map((a) => a.activityId).join(',')}`;
}
