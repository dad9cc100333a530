import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A recipient that could not be reached, with why (an `UnreachableReason`, or null after retries ran out). */
interface FailedRecipient {
  readonly recipient: string;
  readonly reason: string | null;
  readonly count: number;
  /** When the latest of them failed (ISO). */
  readonly lastAt: string;
  readonly lastError: string | null;
}

/** How delivery is doing, for `delmal doctor` and the administrators' `delmal leveranser`. */
export interface DeliveryHealth {
  readonly pending: { readonly interactive: number; readonly bulk: number };
  /** The item that has waited longest past its due time, if any is due. */
  readonly oldestDue: { readonly id: string; readonly lane: string; readonly dueAt: string } | null;
  readonly failed: number;
  /** Failed for good, grouped per recipient and reason, most recent first. */
  readonly failedRecipients: readonly FailedRecipient[];
}

/** Delivery health of the outbox at `now`. */
export async function deliveryHealth(db: Kysely<Database>, now: string, limit = 20): Promise<DeliveryHealth> {
  const pending = await db
    .selectFrom('outbox_items')
    .select(['lane', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('status', '=', 'pending')
    .groupBy('lane')
    .execute();
  const lane = (name: string) => Number(pending.find((p) => p.lane === name)?.n ?? 0);
  const oldest = await db
    .selectFrom('outbox_items')
    .select(['id', 'lane', 'next_attempt_at'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  const failedTotal = await db
    .selectFrom('outbox_items')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow();
  const groups = await db
    .selectFrom('outbox_items')
    .select([
      'recipient',
      'failure_reason',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.max('updated_at').as('last_at'),
    ])
    .where('status', '=', 'failed')
    .groupBy(['recipient', 'failure_reason'])
    .orderBy('last_at', 'desc')
    .limit(limit)
    .execute();
  const failedRecipients: FailedRecipient[] = [];
  for (const g of groups) {
    const latest = await db
      .selectFrom('outbox_items')
      .select('last_error')
      .where('status', '=', 'failed')
      .where('recipient', '=', g.recipient)
      .where('updated_at', '=', g.last_at)
      .limit(1)
      .executeTakeFirst();
    failedRecipients.push({
      recipient: g.recipient,
      reason: g.failure_reason,
      count: Number(g.n),
      lastAt: g.last_at,
      lastError: latest?.last_error ?? null,
    });
  }
  return {
    pending: { interactive: lane('interactive'), bulk: lane('bulk') },
    oldestDue: oldest ? { id: oldest.id, lane: oldest.lane, dueAt: oldest.next_attempt_at } : null,
    failed: Number(failedTotal.n),
    failedRecipients,
  };
}

/** What is waiting to be sent right now: items due at `now` and the longest-waiting one's due time. */
export interface OutboxBacklog {
  readonly due: number;
  /** When the item that has waited longest became due (ISO), if any is due. */
  readonly oldestDueAt: string | null;
}

/** The outbox backlog at `now`, in one statement over the due index (for `/readyz` and metrics). */
export async function outboxBacklog(db: Kysely<Database>, now: string): Promise<OutboxBacklog> {
  const row = await db
    .selectFrom('outbox_items')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.min('next_attempt_at').as('oldest'),
    ])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirstOrThrow();
  return { due: Number(row.n), oldestDueAt: row.oldest ?? null };
}
