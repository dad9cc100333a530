import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, appendAudit } from './audit-log.repository.js';
import type { Db } from './connection.js';
import type { CheckInRow, Database } from './database.js';

export interface NewCheckIn {
  readonly activityId: string;
  readonly personId: string | null;
  readonly authorName: string;
  readonly statusCode: string;
  readonly note: string;
  readonly platform: string;
  /** The submission's own key: a second insert with the same key records nothing. */
  readonly idempotencyKey?: string;
  /** The round it answers; the first answer of a round counts for it. */
  readonly roundId?: string;
  /** Given after the round's deadline. */
  readonly late?: boolean;
  readonly nextStep?: string | null;
  readonly needsSupport?: boolean;
  /** Who records it and through which request: audited in the same transaction. */
  readonly audit?: AuditActor;
}

/** The columns a plain check-in (not answering a round, never edited) has. */
export const PLAIN_CHECK_IN = {
  round_id: null,
  late: 0,
  next_step: null,
  needs_support: 0,
  version: 1,
  updated_at: null,
} as const satisfies Partial<CheckInRow>;

/**
 * Appends a check-in and bumps the check-in revision (caches on every replica reload), atomically.
 * With an idempotency key already recorded, nothing is written and the earlier check-in is
 * returned (`created: false`), so the same submission twice answers with the same confirmation.
 */
export async function insertCheckIn(
  db: Kysely<Database>,
  checkIn: NewCheckIn,
  now: string,
): Promise<{
  readonly row: CheckInRow;
  readonly created: boolean;
  /** True when this check-in is the one that counts for its round. */
  readonly counted: boolean;
}> {
  const row: CheckInRow = {
    id: randomUUID(),
    activity_id: checkIn.activityId,
    person_id: checkIn.personId,
    author_name: checkIn.authorName,
    status_code: checkIn.statusCode,
    note: checkIn.note,
    platform: checkIn.platform,
    created_at: now,
    idempotency_key: checkIn.idempotencyKey ?? null,
    ...PLAIN_CHECK_IN,
    round_id: checkIn.roundId ?? null,
    late: checkIn.late ? 1 : 0,
    next_step: checkIn.nextStep ?? null,
    needs_support: checkIn.needsSupport ? 1 : 0,
  };
  return db.transaction().execute(async (trx) => {
    // ON CONFLICT DO NOTHING on both dialects: a concurrent twin waits for the first to commit,
    // then inserts nothing; the row it then reads is the one that won.
    const inserted = await trx
      .insertInto('check_ins')
      .values(row)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted && checkIn.idempotencyKey !== undefined) {
      const earlier = await trx
        .selectFrom('check_ins')
        .selectAll()
        .where('idempotency_key', '=', checkIn.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { row: earlier, created: false, counted: await countsForRound(trx, earlier) };
    }
    // The first answer counts for the round: a concurrent second one finds the slot taken.
    const counted =
      row.round_id !== null &&
      Number(
        (
          await trx
            .updateTable('check_in_round_activities')
            .set({ check_in_id: row.id, answered_at: now })
            .where('round_id', '=', row.round_id)
            .where('activity_id', '=', row.activity_id)
            .where('check_in_id', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1;
    await bumpRevision(trx, now, row.id);
    if (checkIn.audit)
      await appendAudit(
        trx,
        checkIn.audit,
        {
          // An answer to a round someone else already answered is a comment on it.
          action: row.round_id !== null && !counted ? 'checkin.comment' : 'checkin.record',
          subjectKind: 'check_in',
          subjectId: row.id,
          activityId: row.activity_id,
          fields: [
            'status',
            ...(row.note !== '' ? ['note'] : []),
            ...(row.next_step !== null ? ['nextStep'] : []),
            ...(row.needs_support === 1 ? ['needsSupport'] : []),
          ],
        },
        now,
      );
    return { row, created: true, counted };
  });
}

async function countsForRound(db: Kysely<Database>, row: CheckInRow): Promise<boolean> {
  if (row.round_id === null) return false;
  const slot = await db
    .selectFrom('check_in_round_activities')
    .select('check_in_id')
    .where('round_id', '=', row.round_id)
    .where('activity_id', '=', row.activity_id)
    .executeTakeFirst();
  return slot?.check_in_id === row.id;
}

/** Caches on every replica reload check-ins when this changes. */
async function bumpRevision(db: Kysely<Database>, now: string, id: string): Promise<void> {
  await db
    .insertInto('catalog_meta')
    .values({ key: 'check_in_revision', value: `${now}/${id}` })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${now}/${id}` }))
    .execute();
}

/** A new version of a check-in: what it says now, and who changed it, where. */
export interface CheckInEdit {
  readonly id: string;
  readonly statusCode: string;
  readonly note: string;
  readonly nextStep: string | null;
  readonly needsSupport: boolean;
  readonly personId: string | null;
  readonly authorName: string;
  readonly platform: string;
  /** The edit submission's own key: the same submission twice edits once. */
  readonly idempotencyKey?: string;
  /** Who edits and through which request: audited in the same transaction. */
  readonly audit?: AuditActor;
}

/**
 * Edits a check-in: its current version is copied to `check_in_versions` (kept, attributable),
 * the row takes the new values, author and version number. Nothing changes, and no version is
 * added, when the submission was seen before or says what the check-in already says.
 * Returns undefined when there is no such check-in.
 */
export async function editCheckIn(
  db: Db,
  edit: CheckInEdit,
  now: string,
): Promise<{ readonly row: CheckInRow; readonly changed: boolean } | undefined> {
  return db.kysely.transaction().execute(async (trx) => {
    let query = trx.selectFrom('check_ins').selectAll().where('id', '=', edit.id);
    // PostgreSQL: two editors at once take turns; SQLite writes one transaction at a time anyway.
    if (db.dialect === 'postgres') query = query.forUpdate();
    const current = await query.executeTakeFirst();
    if (!current) return undefined;
    if (edit.idempotencyKey !== undefined) {
      const fresh = await trx
        .insertInto('inbound_receipts')
        .values({ key: `checkin-edit:${edit.idempotencyKey}`, received_at: now })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      if (Number(fresh.numInsertedOrUpdatedRows ?? 0n) === 0) return { row: current, changed: false };
    }
    const same =
      current.status_code === edit.statusCode &&
      current.note === edit.note &&
      (current.next_step ?? null) === edit.nextStep &&
      current.needs_support === (edit.needsSupport ? 1 : 0);
    if (same) return { row: current, changed: false };
    await trx
      .insertInto('check_in_versions')
      .values({
        check_in_id: current.id,
        version: current.version,
        status_code: current.status_code,
        note: current.note,
        next_step: current.next_step,
        needs_support: current.needs_support,
        person_id: current.person_id,
        author_name: current.author_name,
        platform: current.platform,
        recorded_at: current.updated_at ?? current.created_at,
      })
      .execute();
    const changes = {
      status_code: edit.statusCode,
      note: edit.note,
      next_step: edit.nextStep,
      needs_support: edit.needsSupport ? 1 : 0,
      person_id: edit.personId,
      author_name: edit.authorName,
      platform: edit.platform,
      version: current.version + 1,
      updated_at: now,
    };
    await trx.updateTable('check_ins').set(changes).where('id', '=', current.id).execute();
    // The version makes the revision new even when an edit comes in the same instant as the answer.
    await bumpRevision(trx, now, `${current.id}:${changes.version}`);
    if (edit.audit)
      await appendAudit(
        trx,
        edit.audit,
        {
          action: 'checkin.edit',
          subjectKind: 'check_in',
          subjectId: current.id,
          activityId: current.activity_id,
          // Which fields changed, never what they said.
          fields: [
            ...(current.status_code !== changes.status_code ? ['status'] : []),
            ...(current.note !== changes.note ? ['note'] : []),
            ...((current.next_step ?? null) !== changes.next_step ? ['nextStep'] : []),
            ...(current.needs_support !== changes.needs_support ? ['needsSupport'] : []),
          ],
        },
        now,
      );
    return { row: { ...current, ...changes }, changed: true };
  });
}
