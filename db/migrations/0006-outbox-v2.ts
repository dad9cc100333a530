import type { Kysely } from 'kysely';

/**
 * The second outbox: neutral targets and typed neutral messages (rendered at send time), two
 * lanes, fenced claims (a claim token that settle/renew/release must present), an `uncertain`
 * flag for attempts whose outcome is unknown, the reason a recipient is unreachable, and the
 * shared rate-bucket state every worker process draws on. The first outbox table stays until
 * every adapter sends through this one. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lane', 'text', (c) => c.notNull())
    // 0 = interactive, 1 = bulk: claimed in this order, so a button answer never waits for a round.
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('message_type', 'text', (c) => c.notNull())
    .addColumn('replaces', 'text')
    .addColumn('locale', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claim_token', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('failure_reason', 'text')
    // Who it was for, readable by an administrator (an e-mail, a channel): no message text.
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('sent_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_items_due')
    .on('outbox_items')
    .columns(['status', 'priority', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_items_settled')
    .on('outbox_items')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('inbound_receipts_received')
    .on('inbound_receipts')
    .column('received_at')
    .execute();

  // One row per rate limit (a Slack channel, a method tier, a Teams tenant), shared by every
  // worker: a generic cell-rate algorithm in microseconds since the epoch (integers, so the same
  // arithmetic runs on both dialects).
  await db.schema
    .createTable('rate_buckets')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // Theoretical arrival time of the next token.
    .addColumn('tat', 'bigint', (c) => c.notNull())
    // Emission interval (perMs / limit) and burst tolerance, both in microseconds.
    .addColumn('interval_us', 'bigint', (c) => c.notNull())
    .addColumn('tolerance_us', 'bigint', (c) => c.notNull())
    // Set by a 429: nothing is drawn before this time.
    .addColumn('paused_until', 'bigint', (c) => c.notNull().defaultTo(0))
    // Tokens handed out by the last draw (written and returned by the same statement).
    .addColumn('granted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_buckets').ifExists().execute();
  await db.schema.dropIndex('inbound_receipts_received').ifExists().execute();
  await db.schema.dropTable('outbox_items').ifExists().execute();
}
