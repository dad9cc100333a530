import { type Kysely, sql } from 'kysely';
import type { DatabaseTarget, Db } from './connection.js';
import type { Database, OutboxItemRow, OutboxItemTable } from './database.js';
import { dbTime } from './db-clock.js';

type Dialect = DatabaseTarget['dialect'];

/** A row as the outbox writes it (JSON columns already serialised). */
export type NewOutboxItemRow = Omit<
  OutboxItemTable,
  'claim_token' | 'claimed_until' | 'sent_at' | 'sent_ref' | 'updated_at'
> & {
  readonly sent_ref?: string | null;
  readonly sent_at?: string | null;
  /** Stored already claimed by the writer (an inline attempt about to be made under this token). */
  readonly claim_token?: string | null;
  /**
   * How long, on the database's clock, nobody may claim the item: the writer's lease (with a
   * claim token), or the wait after an attempt whose outcome is unknown (without one).
   */
  readonly hold_ms?: number;
};

/** Rows per INSERT: well under both dialects' parameter limits (22 columns × 500). */
const INSERT_CHUNK = 500;

/**
 * Stores items; an item whose dedupe key already exists is skipped (the first one is, or will
 * be, delivered). Returns the ids actually stored.
 */
export async function insertOutboxItems(
  db: Kysely<Database>,
  rows: readonly NewOutboxItemRow[],
  dialect?: Dialect,
): Promise<string[]> {
  const stored: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map(({ hold_ms, ...row }) => {
      if (hold_ms !== undefined && !dialect) throw new Error('insertOutboxItems: hold_ms needs the dialect');
      return {
        ...row,
        updated_at: row.created_at,
        ...(hold_ms !== undefined && dialect ? { claimed_until: dbTime(dialect, hold_ms) } : {}),
      };
    });
    const inserted = await db
      .insertInto('outbox_items')
      .values(chunk)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    stored.push(...inserted.map((r) => r.id));
  }
  return stored;
}

export interface ClaimRequest {
  /** Now on the process clock: what is due (`next_attempt_at`) is decided by it. */
  readonly now: string;
  /** The lease, counted on the database's clock (claims of every replica compare on one clock). */
  readonly leaseMs: number;
  /** Fresh and random per claim: settle, renew and release must present it (fencing). */
  readonly token: string;
  readonly limit: number;
  /** Only the interactive lane (a quick look for button answers while a bulk backlog is held). */
  readonly interactiveOnly?: boolean;
}

/**
 * Claims up to `limit` due items in ONE statement, interactive lane first, then by due time.
 * PostgreSQL locks the chosen rows with `FOR UPDATE SKIP LOCKED`, so concurrent workers take
 * disjoint sets without waiting; SQLite runs one writing statement at a time. An item that still
 * carries an older token was claimed and never settled nor released (a crashed or stalled worker):
 * it is marked uncertain, so the next sender looks for it on the platform before sending again.
 */
export async function claimOutboxItems(db: Db, request: ClaimRequest): Promise<OutboxItemRow[]> {
  const { now } = request;
  const rows = await db.kysely
    .updateTable('outbox_items')
    .set((eb) => ({
      claim_token: request.token,
      claimed_until: dbTime(db.dialect, request.leaseMs),
      uncertain: eb.case().when('claim_token', 'is not', null).then(1).else(eb.ref('uncertain')).end(),
      updated_at: now,
    }))
    .where('id', 'in', (eb) => {
      let due = eb
        .selectFrom('outbox_items')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', dbTime(db.dialect))]));
      if (request.interactiveOnly) due = due.where('priority', '=', 0);
      due = due.orderBy('priority').orderBy('next_attempt_at').orderBy('id').limit(request.limit);
      return db.dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
  return rows.sort(
    (a, b) =>
      a.priority - b.priority ||
      a.next_attempt_at.localeCompare(b.next_attempt_at) ||
      a.id.localeCompare(b.id),
  );
}

/** How one attempt ended, as stored. */
export type Settlement =
  | { readonly status: 'sent'; readonly sentRef: string | null }
  | {
      readonly status: 'retry';
      readonly at: string;
      readonly error: string;
      /** False for rate limiting: a 429 is not a failed attempt. */
      readonly countAttempt: boolean;
      readonly uncertain?: boolean;
      /**
       * After an unknown outcome: nobody claims the item for this long on the database's clock, so
       * a request still in flight has landed (or died) before anyone looks for it.
       */
      readonly holdMs?: number;
    }
  | {
      readonly status: 'failed';
      readonly error: string;
      readonly reason: string | null;
      readonly countAttempt: boolean;
    };

/**
 * Records the outcome of an attempt made under claim `token`. Returns false (and changes nothing)
 * when the token is no longer the item's: another worker has claimed it since, and its result wins.
 */
export async function settleOutboxItem(
  db: Kysely<Database>,
  dialect: Dialect,
  id: string,
  token: string,
  settlement: Settlement,
  now: string,
): Promise<boolean> {
  const counted = settlement.status !== 'sent' && settlement.countAttempt;
  const hold = settlement.status === 'retry' && settlement.holdMs ? settlement.holdMs : undefined;
  const result = await db
    .updateTable('outbox_items')
    .set((eb) => ({
      claim_token: null,
      claimed_until: hold === undefined ? null : dbTime(dialect, hold),
      updated_at: now,
      ...(counted ? { attempts: eb('attempts', '+', 1) } : {}),
      ...(settlement.status === 'sent'
        ? { status: 'sent' as const, sent_at: now, sent_ref: settlement.sentRef, last_error: null }
        : settlement.status === 'retry'
          ? {
              next_attempt_at: settlement.at,
              last_error: settlement.error,
              ...(settlement.uncertain ? { uncertain: 1 } : {}),
            }
          : {
              status: 'failed' as const,
              last_error: settlement.error,
              failure_reason: settlement.reason,
            }),
    }))
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Extends the lease of every item still held under `tokens` to `leaseMs` from now on the
 * database's clock; returns the ids still held.
 */
export async function renewOutboxClaims(
  db: Db,
  tokens: readonly string[],
  leaseMs: number,
  now: string,
): Promise<string[]> {
  if (tokens.length === 0) return [];
  const rows = await db.kysely
    .updateTable('outbox_items')
    .set({ claimed_until: dbTime(db.dialect, leaseMs), updated_at: now })
    .where('claim_token', 'in', tokens)
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Gives claimed items back untouched (no attempt counted) so any worker can take them at once, or
 * from `nextAttemptAt` on. Only items still held under `token` are released.
 */
export async function releaseOutboxClaims(
  db: Kysely<Database>,
  token: string,
  ids: readonly string[],
  now: string,
  nextAttemptAt?: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('outbox_items')
    .set({
      claim_token: null,
      claimed_until: null,
      updated_at: now,
      ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : {}),
    })
    .where('id', 'in', ids)
    .where('claim_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** One delivered item to record, under the claim token its attempt was made with. */
export interface SentEntry {
  readonly id: string;
  readonly token: string;
  readonly sentRef: string | null;
}

/**
 * Records many deliveries in one statement (a busy worker finishes many sends per tick). Each row
 * is updated only if it still carries its entry's token; returns the ids recorded.
 */
export async function settleSentBatch(
  db: Kysely<Database>,
  entries: readonly SentEntry[],
  now: string,
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const refs = sql<string | null>`case ${sql.ref('id')} ${sql.join(
    entries.map((e) => sql`when ${e.id} then ${e.sentRef}`),
    sql` `,
  )} end`;
  const rows = await db
    .updateTable('outbox_items')
    .set({
      status: 'sent',
      sent_at: now,
      updated_at: now,
      claim_token: null,
      claimed_until: null,
      last_error: null,
      sent_ref: refs,
    })
    .where((eb) => eb.or(entries.map((e) => eb.and([eb('id', '=', e.id), eb('claim_token', '=', e.token)]))))
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}
