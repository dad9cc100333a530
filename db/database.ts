import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types, one interface per table. Columns are portable across SQLite and PostgreSQL:
 * booleans are 0/1 integers, times ISO-8601 UTC strings.
 */
interface Sourced {
  source_document: string | null;
  source_section: string | null;
}

export interface CatalogMetaTable {
  key: string;
  value: string;
}

export interface RusTable {
  id: string;
  name: string;
  period_start: number;
  period_end: number | null;
}

export interface RusOverallGoalTable {
  id: string;
  rus_id: string;
  title: string;
  description: string | null;
  position: number;
}

export interface RusEffectGoalTable extends Sourced {
  id: string;
  rus_id: string;
  title: string;
  description: string | null;
  overall_goal_id: string | null;
  position: number;
}

export interface InterventionLevelTable extends Sourced {
  id: string;
  title: string;
  description: string | null;
  position: number;
}

export interface PlanTable extends Sourced {
  id: string;
  name: string;
  kind: string;
  period_start: number;
  period_end: number | null;
  decided_by: string | null;
  is_current: number;
  goal_term: string;
  summary: string | null;
  position: number;
}

export interface PlanStatusTable {
  plan_id: string;
  code: string;
  label: string;
  label_en: string;
  colour: string;
  severity: number;
  is_active: number;
  position: number;
}

export interface FollowUpTable extends Sourced {
  id: string;
  title: string;
  year: number | null;
}

export interface FocusAreaTable extends Sourced {
  id: string;
  plan_id: string | null;
  follow_up_id: string | null;
  number: number;
  title: string;
  description: string | null;
  common_focus_area_id: string | null;
  position: number;
}

export interface GoalTable extends Sourced {
  id: string;
  plan_id: string;
  number: number;
  title: string;
  focus_area_id: string | null;
  text: string;
  position: number;
}

export interface ActivityAreaTable {
  id: string;
  focus_area_id: string;
  title: string;
  description: string | null;
  position: number;
}

export interface ActivityTable extends Sourced {
  id: string;
  name: string;
  description: string;
  reported_status: string;
  reported_status_text: string | null;
  period_start: string | null;
  period_end: string | null;
  position: number;
}

export interface PersonTable {
  id: string;
  email: string;
  name: string;
  organisation: string | null;
  locale: string | null;
  is_demo: number;
  is_admin: Generated<number>;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface NetworkTable {
  id: string;
  name: string;
  description: string | null;
  is_demo: number;
  position: number;
}

export interface OutboxTable {
  id: string;
  platform: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** One delivery of the second outbox (see migration 0006); JSON columns hold neutral values. */
export interface OutboxItemTable {
  id: string;
  lane: 'interactive' | 'bulk';
  priority: number;
  to_address: string;
  message: string;
  message_type: string;
  replaces: string | null;
  locale: string | null;
  dedupe_key: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  claim_token: string | null;
  claimed_until: string | null;
  uncertain: number;
  last_error: string | null;
  failure_reason: string | null;
  recipient: string;
  sent_ref: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** Shared rate-limit state (GCRA, microseconds since the epoch). PostgreSQL returns bigint as text. */
export interface RateBucketTable {
  key: string;
  tat: number | string;
  interval_us: number | string;
  tolerance_us: number | string;
  paused_until: number | string;
  granted: number;
}

export interface InboundReceiptTable {
  key: string;
  received_at: string;
}

export interface ChatIdentityTable {
  platform: string;
  tenant_id: string;
  user_id: string;
  person_id: string | null;
  email: string | null;
  display_name: string | null;
  locale: string | null;
  updated_at: string;
  /** The user's DM with delmal once opened (Slack D…), for messages delmal starts. */
  conversation_id: string | null;
}

export interface CheckInTable {
  id: string;
  activity_id: string;
  person_id: string | null;
  author_name: string;
  status_code: string;
  note: string;
  platform: string;
  created_at: string;
  /** The submission's own key (platform ids), unique: the same submission twice is one check-in. */
  idempotency_key: string | null;
}

/** A message delmal wrote in the playground, kept until a browser showed it. */
export interface LocalMessageTable {
  id: string;
  /** `dm:<email>` or `network:<id>`. */
  conversation_id: string;
  /** JSON: what the page renders (summary, card, form token). */
  body: string;
  created_at: string;
  seen_at: string | null;
}

export interface TeamsConversationTable {
  conversation_id: string;
  service_url: string;
  tenant_id: string | null;
  conversation_type: string;
  user_aad_object_id: string | null;
  team_id: string | null;
  updated_at: string;
}

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

/** A many-to-many link; `position` keeps the order the catalog gave. */
export type LinkTable<Owner extends string, Target extends string> = Record<Owner | Target, string> & {
  position: number;
};

export interface Database {
  catalog_meta: CatalogMetaTable;
  rus: RusTable;
  rus_overall_goals: RusOverallGoalTable;
  rus_effect_goals: RusEffectGoalTable;
  intervention_levels: InterventionLevelTable;
  plans: PlanTable;
  plan_statuses: PlanStatusTable;
  plan_effect_goals: LinkTable<'plan_id', 'effect_goal_id'>;
  follow_ups: FollowUpTable;
  focus_areas: FocusAreaTable;
  goals: GoalTable;
  activity_areas: ActivityAreaTable;
  activities: ActivityTable;
  activity_focus_areas: LinkTable<'activity_id', 'focus_area_id'>;
  activity_activity_areas: LinkTable<'activity_id', 'activity_area_id'>;
  activity_goals: LinkTable<'activity_id', 'goal_id'>;
  activity_intervention_levels: LinkTable<'activity_id', 'level_id'>;
  activity_owners: LinkTable<'activity_id', 'person_id'>;
  people: PersonTable;
  networks: NetworkTable;
  network_chairs: LinkTable<'network_id', 'person_id'>;
  network_members: LinkTable<'network_id', 'person_id'>;
  network_goals: LinkTable<'network_id', 'goal_id'>;
  network_focus_areas: LinkTable<'network_id', 'focus_area_id'>;
  outbox: OutboxTable;
  inbound_receipts: InboundReceiptTable;
  outbox_items: OutboxItemTable;
  rate_buckets: RateBucketTable;
  chat_identities: ChatIdentityTable;
  check_ins: CheckInTable;
  teams_conversations: TeamsConversationTable;
  local_messages: LocalMessageTable;
  schedules: ScheduleTable;
  schedule_runs: ScheduleRunTable;
  away_periods: AwayPeriodTable;
}

export type PlanRow = Selectable<PlanTable>;
export type GoalRow = Selectable<GoalTable>;
export type FocusAreaRow = Selectable<FocusAreaTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type OutboxItemRow = Selectable<OutboxItemTable>;
export type ChatIdentityRow = Selectable<ChatIdentityTable>;
export type CheckInRow = Selectable<CheckInTable>;
export type TeamsConversationRow = Selectable<TeamsConversationTable>;
export type ScheduleRunRow = Selectable<ScheduleRunTable>;
export type AwayPeriodRow = Selectable<AwayPeriodTable>;
