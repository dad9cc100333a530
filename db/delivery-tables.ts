import type { Generated } from 'kysely';

/** Table types of delivery and chat: the outbox, rate buckets, receipts, identities, conversations, check-ins. */

/** One delivery of the outbox (see migration 0006); JSON columns hold neutral values. */
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
  /** The scheduled round it answers (`<schedule>:<slot>`), when it answers one. */
  round_id: string | null;
  /** 1 when it answered its round after the round's deadline. */
  late: Generated<number>;
  next_step: string | null;
  /** 1: the owner asked for support ("behöver stöd"). */
  needs_support: Generated<number>;
  /** 1 for the first recording; each edit adds one (earlier versions in `check_in_versions`). */
  version: Generated<number>;
  /** When it was last edited; null while never edited. */
  updated_at: string | null;
}

/** An earlier version of an edited check-in, kept and attributable (append-only). */
export interface CheckInVersionTable {
  check_in_id: string;
  version: number;
  status_code: string;
  note: string;
  next_step: string | null;
  needs_support: number;
  person_id: string | null;
  author_name: string;
  platform: string;
  recorded_at: string;
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
