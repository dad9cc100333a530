import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditActorKind, AuditLogTable } from './audit-tables.js';
import type { Database } from './database.js';

/** An entry as read: everything but its write-order number (an ordering key, not information). */
export type AuditRow = Omit<Selectable<AuditLogTable>, 'seq'>;

const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor_kind',
  'actor_id',
  'action',
  'platform',
  'request_id',
  'subject_kind',
  'subject_id',
  'activity_id',
  'fields',
] as const;

/** Who did something, and through which request: what every audited change carries. */
export interface AuditActor {
  readonly kind: AuditActorKind;
  /** `people.id` of a person; the operator's login name; absent for the system. */
  readonly id?: string | null;
  readonly platform: string;
  readonly requestId?: string;
}

/** One change to record: its action, subject and the names (never the content) of what changed. */
export interface AuditChange {
  readonly action: string;
  readonly subjectKind?: string;
  readonly subjectId?: string;
  readonly activityId?: string;
  readonly fields?: readonly string[];
}

/**
 * Appends one entry to the audit log. Call it with the transaction that makes the change, so the
 * entry exists exactly when the change does. There is no update or delete: the table is
 * append-only (a trigger refuses both).
 */
export async function appendAudit(
  db: Kysely<Database>,
  actor: AuditActor,
  change: AuditChange,
  at: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at,
      actor_kind: actor.kind,
      actor_id: actor.id ?? null,
      action: change.action,
      platform: actor.platform,
      request_id: actor.requestId ?? null,
      subject_kind: change.subjectKind ?? null,
      subject_id: change.subjectId ?? null,
      activity_id: change.activityId ?? null,
      fields: change.fields ? JSON.stringify(change.fields) : null,
    })
    .execute();
}

export interface AuditFilter {
  readonly activityId?: string;
  /** A person's id: entries they made, or about them (their export, their deletion). */
  readonly personId?: string;
  /** UTC ISO-8601: entries at or after. */
  readonly since?: string;
  readonly limit?: number;
}

/** Audit entries matching `filter`, oldest first; those of one instant in the order they were written. */
export async function auditEntries(db: Kysely<Database>, filter: AuditFilter = {}): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').select(AUDIT_COLUMNS).orderBy('at').orderBy('seq');
  if (filter.activityId !== undefined) query = query.where('activity_id', '=', filter.activityId);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  const personId = filter.personId;
  if (personId !== undefined)
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('actor_kind', '=', 'person'), eb('actor_id', '=', personId)]),
        eb.and([eb('subject_kind', '=', 'person'), eb('subject_id', '=', personId)]),
      ]),
    );
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return query.execute();
}
