import type { Generated, Selectable } from 'kysely';
import type { AuditLogTable } from './audit-tables.js';
import type {
  ChatIdentityTable,
  CheckInTable,
  CheckInVersionTable,
  InboundReceiptTable,
  LocalMessageTable,
  OutboxItemTable,
  RateBucketTable,
  TeamsConversationTable,
} from './delivery-tables.js';
import type { NetworkChannelTable, NetworkDigestTable } from './network-tables.js';
import type {
  AwayPeriodTable,
  CheckInPromptTable,
  CheckInRoundActivityTable,
  CheckInRoundTable,
  ScheduleRunTable,
  ScheduleTable,
} from './schedule-tables.js';

/**
 * Table types, one interface per table. Columns are portable across SQLite and PostgreSQL:
 * booleans are 0/1 integers, times ISO-8601 UTC strings.
 */
interface Sourced {
  source_document: string | null;
  source_section: string | null;
}

interface CatalogMetaTable {
  key: string;
  value: string;
}

interface RusTable {
  id: string;
  name: string;
  period_start: number;
  period_end: number | null;
}

interface RusOverallGoalTable {
  id: string;
  rus_id: string;
  title: string;
  description: string | null;
  position: number;
}

interface RusEffectGoalTable extends Sourced {
  id: string;
  rus_id: string;
  title: string;
  description: string | null;
  overall_goal_id: string | null;
  position: number;
}

interface InterventionLevelTable extends Sourced {
  id: string;
  title: string;
  description: string | null;
  position: number;
}

interface PlanTable extends Sourced {
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

interface PlanStatusTable {
  plan_id: string;
  code: string;
  label: string;
  label_en: string;
  colour: string;
  severity: number;
  is_active: number;
  position: number;
}

interface FollowUpTable extends Sourced {
  id: string;
  title: string;
  year: number | null;
}

interface FocusAreaTable extends Sourced {
  id: string;
  plan_id: string | null;
  follow_up_id: string | null;
  number: number;
  title: string;
  description: string | null;
  common_focus_area_id: string | null;
  position: number;
}

interface GoalTable extends Sourced {
  id: string;
  plan_id: string;
  number: number;
  title: string;
  focus_area_id: string | null;
  text: string;
  position: number;
}

interface ActivityAreaTable {
  id: string;
  focus_area_id: string;
  title: string;
  description: string | null;
  position: number;
}

interface ActivityTable extends Sourced {
  id: string;
  name: string;
  description: string;
  reported_status: string;
  reported_status_text: string | null;
  period_start: string | null;
  period_end: string | null;
  position: number;
}

interface PersonTable {
  id: string;
  email: string;
  name: string;
  organisation: string | null;
  locale: string | null;
  is_demo: number;
  is_admin: Generated<number>;
  /** `chat`, `email` or `chat-then-email` (see `PERSON_REACH`). */
  reach: Generated<string>;
  /** 1: the person's networks' digests go to them by e-mail too (a chair's opt-in). */
  digest_by_email: Generated<number>;
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
  /** The network's own digest time; NULL: the default (Monday 08:00 Europe/Stockholm). */
  digest_weekday: string | null;
  digest_time: string | null;
  digest_time_zone: string | null;
  /** 0: no weekly digest; NULL or 1: sent. */
  digest_active: number | null;
}

/** A many-to-many link; `position` keeps the order the catalog gave. */
type LinkTable<Owner extends string, Target extends string> = Record<Owner | Target, string> & {
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
  check_in_rounds: CheckInRoundTable;
  check_in_round_activities: CheckInRoundActivityTable;
  check_in_prompts: CheckInPromptTable;
  check_in_versions: CheckInVersionTable;
  network_channels: NetworkChannelTable;
  network_digests: NetworkDigestTable;
  audit_log: AuditLogTable;
}

export type PersonRow = Selectable<PersonTable>;
export type OutboxItemRow = Selectable<OutboxItemTable>;
export type ChatIdentityRow = Selectable<ChatIdentityTable>;
export type CheckInRow = Selectable<CheckInTable>;
export type TeamsConversationRow = Selectable<TeamsConversationTable>;
export type ScheduleRunRow = Selectable<ScheduleRunTable>;
export type AwayPeriodRow = Selectable<AwayPeriodTable>;

export type * from './audit-tables.js';
export type * from './delivery-tables.js';
export type * from './network-tables.js';
export type * from './schedule-tables.js';
