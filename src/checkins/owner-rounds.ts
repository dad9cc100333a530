import type { Db } from '../../db/connection.js';
import { openQuestions } from '../../db/round-answers.repository.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Clock } from '../clock.js';
import type { SwedishCalendar } from '../schedule/calendar.js';
import { previewSchedules } from '../schedule/preview.js';

/** What `delmal mina` needs to know about an owner's rounds. */
export interface OwnerRounds {
  /** When the owner is next asked: the first round after now about one of their activities. */
  next(view: CatalogView, email: string): Promise<Date | undefined>;
  /** Their activities asked about in a round still open and not answered yet, soonest deadline first. */
  open(
    view: CatalogView,
    email: string,
  ): Promise<readonly { readonly activityId: string; readonly deadline: string }[]>;
}

/** How far ahead `delmal mina` looks for the next round: a quarter covers every cadence. */
const LOOK_AHEAD_MS = 120 * 86_400_000;

/**
 * Owners' rounds from the stored schedules and rounds: the next one is computed exactly as
 * `delmal schedule preview` computes it (holidays, bridge days and the summer pause skipped), the
 * open questions are read from the rounds the engine opened.
 */
export function databaseOwnerRounds(db: Db, clock: Clock, calendar: SwedishCalendar): OwnerRounds {
  return {
    next: async (view, email) => {
      const now = clock.now();
      const owner = email.toLowerCase();
      const entries = previewSchedules(
        view.catalog,
        now,
        new Date(now.getTime() + LOOK_AHEAD_MS),
        calendar,
        new Map(),
      );
      const next = entries.find(
        (e) => e.kind === 'round' && e.slot.at > now && e.owners.some((o) => o.email === owner),
      );
      return next?.slot.at;
    },
    open: async (view, email) => {
      const owned = view.activitiesOwnedBy(email).map((a) => a.id);
      const rows = await openQuestions(db.kysely, owned, clock.now().toISOString());
      return rows.map((r) => ({ activityId: r.activity_id, deadline: r.deadline_at }));
    },
  };
}
