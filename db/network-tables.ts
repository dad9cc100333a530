/** Table types of networks in chat: bound channels and the weekly digests sent. */

/** One channel a network is bound to: at most one per platform; a channel serves one network. */
export interface NetworkChannelTable {
  network_id: string;
  platform: string;
  /** Slack team id, Teams tenant id, `local` for the playground. */
  workspace_id: string;
  conversation_id: string;
  /** The channel's name when the platform told us (e.g. `#lag-missbruk`). */
  conversation_name: string | null;
  /** The person (id) who bound it from chat; null when it came from the catalog file. */
  bound_by: string | null;
  bound_at: string;
  position: number;
}

/** One weekly digest of one network: claimed once per (network, slot) across every process. */
export interface NetworkDigestTable {
  network_id: string;
  /** The nominal local date the digest schedule names (a holiday moves the run, not the key). */
  slot: string;
  status: 'claimed' | 'sent' | 'skipped';
  /** The period it covers: from the previous digest (UTC ISO) up to its own time. */
  period_from: string;
  period_to: string;
  claimed_by: string;
  claimed_at: string;
  finished_at: string | null;
  /** How many channels it was enqueued for. */
  channels: number;
  /** Why it was skipped (`no_channel`, `missed`). */
  reason: string | null;
}
