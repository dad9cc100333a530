import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { postgresTimeAfter } from './db-clock.js';
import type { OutboxItemTable } from './delivery-tables.js';
import type { NewOutboxItemRow } from './outbox-items.repository.js';
import type { BucketSpec } from './rate-buckets.repository.js';

/** One inbound request's receipt, the items to store with it when it is new, and their rate tokens. */
export interface ReceiptClaim {
  readonly key: string;
  readonly rows: readonly NewOutboxItemRow[];
  /** Buckets the new request's answer takes a token from (it goes out at once, whatever they hold). */
  readonly force?: readonly BucketSpec[];
}

/**
 * PostgreSQL: claims the receipts of many requests, stores the items of those that are new and
 * takes their rate tokens, in ONE statement — atomic on its own (data-modifying CTEs), one round
 * trip instead of a transaction's five. Per entry: true when its receipt was new; a second entry
 * with a key already in the batch is a duplicate (the first one wins), as in `claimReceipts`.
 * The rows travel as JSON and are typed by the table's own row type (`json_populate_record`); each
 * distinct message travels once, beside them.
 */
export async function claimReceiptsAtOnce(
  db: Kysely<Database>,
  claims: readonly ReceiptClaim[],
  now: string,
  nowUs: number,
): Promise<boolean[]> {
  const first = new Map<string, number>();
  claims.forEach((c, i) => {
    if (!first.has(c.key)) first.set(c.key, i);
  });
  const firsts = [...first.values()].map((i) => claims[i] as ReceiptClaim);
  // Messages travel once per statement however many rows carry them: a busy moment's answers to
  // "delmal 5" are one shared text, not one copy per row inside the rows' JSON.
  const messages = new Map<string, number>();
  const items = firsts.flatMap((c) =>
    c.rows.map(({ hold_ms, message, ...row }) => {
      let m = messages.get(message);
      if (m === undefined) {
        m = messages.size;
        messages.set(message, m);
      }
      return { k: c.key, hold: hold_ms ?? null, m, r: row };
    }),
  );
  const buckets = firsts.flatMap((c) =>
    (c.force ?? []).map((b) => ({
      k: c.key,
      b: b.key,
      i: Math.max(1, Math.round(b.intervalUs)),
      t: Math.round(b.toleranceUs),
    })),
  );
  // Every column any row names (the id alone when there is no row), plus the two the outbox sets itself.
  const named = [...new Set(['id', ...items.flatMap((i) => Object.keys(i.r))])];
  const columns = named.filter(
    (c) => c !== 'updated_at' && c !== 'claimed_until',
  ) as (keyof OutboxItemTable)[];
  const stored = [...columns, 'message', 'updated_at', 'claimed_until'] as (keyof OutboxItemTable)[];
  const now64 = sql`cast(${Math.round(nowUs)} as bigint)`;
  const fresh = await db
    .with('fresh', (qb) =>
      qb
        .insertInto('inbound_receipts')
        .columns(['key', 'received_at'])
        .expression(
          sql`select e.k, ${now} from json_to_recordset(${JSON.stringify([...first.keys()].map((k) => ({ k })))}::json) as e(k text)`,
        )
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key'),
    )
    .with('items', (qb) =>
      qb
        .insertInto('outbox_items')
        .columns(stored)
        .expression(
          sql`select ${sql.join(columns.map((c) => sql.ref(`r.${c}`)))}, m.message, r.created_at,
            case when i.hold is null then null else ${postgresTimeAfter(sql`i.hold / 1000.0`)} end
            from json_to_recordset(${JSON.stringify(items)}::json) as i(k text, hold float8, m int, r json)
            cross join lateral json_populate_record(null::outbox_items, i.r) as r
            join json_array_elements_text(${JSON.stringify([...messages.keys()])}::json)
              with ordinality as m(message, n) on m.n = i.m + 1
            where i.k in (select key from fresh)`,
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing()),
    )
    .with('tokens', (qb) =>
      qb
        .insertInto('rate_buckets')
        .columns(['key', 'tat', 'interval_us', 'tolerance_us', 'paused_until', 'granted'])
        .expression(
          sql`select b.b, ${now64} + sum(b.i), max(b.i), max(b.t), 0, 0
            from json_to_recordset(${JSON.stringify(buckets)}::json) as b(k text, b text, i bigint, t bigint)
            where b.k in (select key from fresh)
            group by b.b order by b.b`,
        )
        // A known bucket: its tokens taken from now or from where it stands, whichever is later.
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            tat: sql`greatest(rate_buckets.tat, ${now64}) + (excluded.tat - ${now64})`,
          }),
        ),
    )
    .selectFrom('fresh')
    .select('key')
    .execute();
  const inserted = new Set(fresh.map((r) => r.key));
  return claims.map((c, i) => first.get(c.key) === i && inserted.has(c.key));
}
