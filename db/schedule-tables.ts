/** Table types of check-in schedules: schedules, their claimed runs, and people's away periods. */

export interface ScheduleTable {
  id: string;
  scope: string;
  scope_id: string;
  cadence: string;
  weekday: string | null;
  interval_weeks: number | null;
  anchor_date: string | null;
  /** '1'–'4' or 'last'. */
  nth: string | null;
  month_in_quarter: number | null;
  day_of_month: number | null;
  local_time: string;
  time_zone: string;
  is_active: number;
  summer_from_week: number | null;
  summer_to_week: number | null;
  skip_if_updated_days: number;
  reminder_after_workdays: number;
  quiet_from: string | null;
  quiet_until: string | null;
  position: number;
}

export interface ScheduleRunTable {
  schedule_id: string;
  /** The slot's nominal local date (see src/schedule/slots.ts). */
  slot: string;
  status: 'claimed' | 'done' | 'skipped';
  reason: string | null;
  claimed_at: string;
  claimed_by: string;
  finished_at: string | null;
}

export interface AwayPeriodTable {
  id: string;
  person_id: string;
  /** Local dates, inclusive. */
  from_date: string;
  until_date: string;
  note: string | null;
  created_at: string;
  /** Set by `delmal tillbaka` when someone returns before `until_date`. */
  ended_at: string | null;
  /** Set when the one catch-up prompt after the absence has been sent. */
  caught_up_at: string | null;
}

/** One claimed slot of one schedule that prompted owners: id `<schedule_id>:<slot>`. */
export interface CheckInRoundTable {
  id: string;
  schedule_id: string;
  slot: string;
  /** When the round's prompts went out (UTC ISO). */
  opened_at: string;
  /** After this an unanswered activity is "saknar rapport" and answers are late (UTC ISO). */
  deadline_at: string;
  /** The next slot of the schedule: answers are editable until then (UTC ISO); null: open-ended. */
  closes_at: string | null;
  created_at: string;
}

/** One activity asked about in a round, and whether (and by which check-in) it was answered. */
export interface CheckInRoundActivityTable {
  round_id: string;
  activity_id: string;
  /** Not prompted, and why (e.g. `recently_updated`, `owner_away`, `no_reachable_owner`). */
  skipped_reason: string | null;
  /** The first answer counts for the round. */
  check_in_id: string | null;
  answered_at: string | null;
}

/** One DM to one owner in one round: the prompt, its one reminder, or the catch-up after an absence. */
export interface CheckInPromptTable {
  id: string;
  round_id: string;
  person_id: string;
  kind: 'prompt' | 'reminder' | 'catch_up';
  /** JSON array of activity ids listed in the message. */
  activity_ids: string;
  /** The outbox item that carries it (its `sent_ref` is where to update it in place). */
  outbox_item_id: string | null;
  /** Why the owner could not be reached, reported to admins. */
  unreachable_reason: string | null;
  created_at: string;
}
