import type { Kysely } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/database.js';
import {
  insertOutboxItems,
  type Settlement,
  settleOutboxItem,
  settleSentBatch,
} from '../../db/outbox-items.repository.js';
import { forceRateTokens } from '../../db/rate-buckets.repository.js';
import { claimReceipts } from '../../db/receipts.repository.js';
import { claimReceiptsAtOnce, type ReceiptClaim } from '../../db/receipts-at-once.repository.js';
import type { Clock } from '../clock.js';
import { GroupCommit } from './group-commit.js';

/** One inbound request's receipt, the items stored (claimed) with it and the rate tokens they take. */
export type ReceiptEntry = ReceiptClaim;

/** The outcome of an inline attempt at an item stored claimed under `token`. */
export interface SettlementEntry {
  readonly id: string;
  readonly token: string;
  readonly settlement: Settlement;
}

/**
 * Receipts and the items stored with them, group-committed: the requests of one busy moment share
 * one commit instead of one each (PostgreSQL: one statement; SQLite: one transaction); every
 * caller still waits for the commit.
 * Each resolves to whether its receipt was new.
 */
export function receiptCommits(db: Db, clock: Clock): GroupCommit<ReceiptEntry, boolean> {
  return new GroupCommit((batch) => {
    const now = clock.now();
    // PostgreSQL: one statement (one round trip); SQLite, in process: a transaction.
    if (db.dialect === 'postgres')
      return claimReceiptsAtOnce(db.kysely, batch, now.toISOString(), now.getTime() * 1000);
    return db.kysely.transaction().execute(async (trx) => {
      const fresh = await claimReceipts(trx, batch, now.toISOString(), (rows) =>
        insertOutboxItems(trx, rows, db.dialect),
      );
      // The rate tokens of the inline answers about to go out, in the same commit: one upsert
      // for the whole batch (n tokens as n answers one after the other would take).
      const tokens = batch.flatMap((b, i) => (fresh[i] ? (b.force ?? []) : []));
      if (tokens.length > 0) await forceRateTokens(db, tokens, now.getTime() * 1000, trx);
      return fresh;
    });
  });
}

/**
 * The outcomes of attempts — inline answers' and the worker's — recorded together: one commit for
 * a busy moment's. The delivered ones (the usual case) are one statement; the others one each, in
 * the same transaction. Each resolves to whether its item was still held under its token.
 */
export function settlementCommits(db: Db, clock: Clock): GroupCommit<SettlementEntry, boolean> {
  return new GroupCommit(async (batch) => {
    const now = clock.now().toISOString();
    const sent = batch.flatMap((s) =>
      s.settlement.status === 'sent' ? [{ id: s.id, token: s.token, sentRef: s.settlement.sentRef }] : [],
    );
    const write = async (executor: Kysely<Database>): Promise<boolean[]> => {
      const delivered = sent.length > 0 ? await settleSentBatch(executor, sent, now) : new Set<string>();
      const settled: boolean[] = [];
      for (const s of batch)
        settled.push(
          s.settlement.status === 'sent'
            ? delivered.has(s.id)
            : await settleOutboxItem(executor, db.dialect, s.id, s.token, s.settlement, now),
        );
      return settled;
    };
    return sent.length === batch.length ? write(db.kysely) : db.kysely.transaction().execute(write);
  });
}
