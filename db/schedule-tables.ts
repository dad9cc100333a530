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
