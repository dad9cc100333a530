import type { Generated } from 'kysely';

/** Table types of governance: the append-only audit log (migrations 0014, 0016). */

/** Who made a change: a catalog person (by `people.id`), the operator at the CLI, or delmal itself. */
export type AuditActorKind = 'person' | 'operator' | 'system';

/**
 * One audited change. `fields` is a JSON array of field names (or `name:count` pairs for imports),
 * never their content: the audit must not become a second copy of what people wrote.
 */
export interface AuditLogTable {
  /** Write order (migration 0016): orders entries of the same instant. Never read out. */
  seq: Generated<number>;
  id: string;
  /** UTC ISO-8601. */
  at: string;
  actor_kind: AuditActorKind;
  /** `people.id` for a person, the operator's login name for the CLI, null for the system. */
  actor_id: string | null;
  /** e.g. `checkin.record`, `checkin.comment`, `checkin.edit`, `catalog.import`, `network.bind`. */
  action: string;
  /** slack, teams, local, cli. */
  platform: string;
  /** The request's id (a hash of the platform's submission ids, or the CLI run's id). */
  request_id: string | null;
  /** What was changed: `check_in`, `network`, `person`, `catalog`. */
  subject_kind: string | null;
  subject_id: string | null;
  /** The activity concerned, for `delmal audit --activity`. */
  activity_id: string | null;
  fields: string | null;
}
