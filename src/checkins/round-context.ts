import type { awayPeriodsBetween } from '../../db/away.repository.js';
import type { Db } from '../../db/connection.js';
import type { Catalog } from '../../db/model/catalog-schema.js';
import type { ScheduleEntry } from '../../db/model/schedule-schema.js';
import type { Platform } from '../chat/inbound.js';
import type { Logger } from '../logger.js';
import type { SwedishCalendar } from '../schedule/calendar.js';
import { dueSlots, type Slot } from '../schedule/slots.js';
import type { PromptCatalog } from './prompt-data.js';
import type { BulkDeliveries } from './prompt-sender.js';

/*
 * What the round engine (round-engine.ts) and its steps (reminders.ts, catch-up.ts) share: their
 * dependencies, one tick's context and the slot helpers. Kept apart so the steps depend on it and
 * the engine on them, with no cycle between the engine and its steps.
 */

export interface EngineDeps {
  readonly db: Db;
  /** The outbox, as the engine uses it: prompts are enqueued in bulk on its bulk lane. */
  readonly deliveries: BulkDeliveries;
  readonly calendar: SwedishCalendar;
  readonly logger: Logger;
  /** This process's name in `schedule_runs.claimed_by`. */
  readonly worker: string;
  /** The deployment's time zone (catch-ups and absences are counted in its days). */
  readonly timeZone: string;
  /** How late a missed slot may still run (default 24 h); older ones are recorded as skipped. */
  readonly toleranceMs?: number;
  /** The catalog as it is now (default: read from the database on each tick). */
  readonly catalog?: () => Promise<Catalog>;
  /** The platforms prompts can go out on (configured ports): owners' stored DMs there are used directly. */
  readonly platforms?: ReadonlySet<Platform>;
  /** Progress of long rounds (`delmal checkins run-due` on a terminal). */
  readonly progress?: (text: string) => void;
  /**
   * How long a claim on a round must have gone unrenewed, on the database's clock, before another
   * process resumes it (default 60 s; the claimant renews every third of it while sending).
   */
  readonly resumeAfterMs?: number;
}

/** What every step of one tick shares: the catalog and the people's state at `now`. */
export interface TickContext {
  readonly now: Date;
  readonly catalog: Catalog;
  readonly prompts: PromptCatalog;
  readonly updates: ReadonlyMap<string, string>;
  readonly away: Awaited<ReturnType<typeof awayPeriodsBetween>>;
  readonly people: ReadonlyMap<string, string>;
}

/** The slot named `slot` (its nominal date) as the schedule runs it, moved off days off. */
export function slotOf(schedule: ScheduleEntry, slot: string, calendar: SwedishCalendar): Slot | undefined {
  const from = new Date(Date.parse(`${slot}T00:00:00Z`) - 2 * 86_400_000);
  const to = new Date(Date.parse(`${slot}T00:00:00Z`) + 40 * 86_400_000);
  return dueSlots(schedule, from, to, calendar).find((s) => s.slot === slot);
}

/** The send options that route prompts to owners' stored DMs on the deployment's platforms. */
export function platformsOf(deps: EngineDeps): { platforms?: ReadonlySet<Platform> } {
  return deps.platforms ? { platforms: deps.platforms } : {};
}
