import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { insertOutboxItems, type Settlement } from '../../db/outbox-items.repository.js';
import type { DeliveryResult, RateBucket } from '../chat/chat-port.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Deliverer, Deliveries, OutboxItem } from './deliveries.js';
import type { GroupCommit } from './group-commit.js';
import { describeResult, newItemId, toItem, toRow, validateDelivery } from './outbox-codec.js';
import {
  type ReceiptEntry,
  receiptCommits,
  type SettlementEntry,
  settlementCommits,
} from './outbox-commits.js';
import type { NewDelivery } from './outbox-message.js';
import { type OutboxOptions, type WorkerSettings, workerSettings } from './outbox-options.js';
import { Attempt } from './outbox-settle.js';
import type { OutboxStats } from './outbox-stats.js';
import { OutboxWorker } from './outbox-worker.js';
import { type PruneCounts, prunedFullBatch, pruneOnce } from './retention.js';
import { settleInBackground } from './settle-retry.js';

export type { OutboxOptions } from './outbox-options.js';
export type { OutboxStats } from './outbox-stats.js';

/**
 * The outbox: every message delmal sends is stored first, as a neutral target
 * and a typed neutral message, and delivered by workers in any number of processes sharing the
 * database — each item once, interactive lane first, within the platforms' rate limits, retried
 * with backoff, failures kept with their reason for administrators, old rows pruned.
 */
export class Outbox implements Deliveries {
  private readonly settings: WorkerSettings;
  private readonly attempt: Attempt;
  private readonly worker: OutboxWorker;
  private retentionTimer: NodeJS.Timeout | undefined;
  private pruning: Promise<unknown> | undefined;
  /** Group commits (`outbox-commits.ts`): receipts with their items; outcomes, inline and the worker's. */
  private readonly receipts: GroupCommit<ReceiptEntry, boolean>;
  private readonly settlements: GroupCommit<SettlementEntry, boolean>;
  /** Outcomes of inline attempts not yet recorded (see `attemptClaimed`). */
  private readonly recording = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly deliverer: Deliverer,
    options: OutboxOptions = {},
  ) {
    this.settings = workerSettings(options);
    this.attempt = new Attempt(deliverer, clock, logger, this.settings);
    this.receipts = receiptCommits(db, clock);
    this.settlements = settlementCommits(db, clock);
    this.worker = new OutboxWorker(
      db,
      clock,
      logger,
      deliverer,
      this.settings,
      this.attempt,
      this.settlements,
    );
  }

  /** Stores one delivery (checked against its type's schema); undefined when its dedupe key exists. */
  async enqueue(delivery: NewDelivery): Promise<string | undefined> {
    const [id] = await this.store([delivery]);
    return id;
  }

  /** Stores many deliveries (a bulk round) in few statements; returns the ids stored. */
  async enqueueMany(deliveries: readonly NewDelivery[]): Promise<string[]> {
    return this.store(deliveries);
  }

  /**
   * Writes the receipt and the deliveries in one transaction: false, and nothing stored, when the
   * receipt existed (a platform retry or a duplicate). If anything fails, neither is stored, so
   * the platform's retry is processed afresh.
   */
  async enqueueOnce(receiptKey: string, deliveries: readonly NewDelivery[]): Promise<boolean> {
    const valid = deliveries.map(validateDelivery);
    const now = this.clock.now().toISOString();
    const fresh = await this.receipts.submit({ key: receiptKey, rows: valid.map((d) => toRow(d, now)) });
    if (fresh) this.worker.kick();
    return fresh;
  }

  /**
   * One attempt at once, inside the caller's request; the item is stored only when that attempt
   * did not succeed — pending for retry (a 429 without counting it), or failed with its reason.
   * The stored item keeps the id the attempt carried, so a resend can look for it. With a dedupe
   * key the item is stored (claimed) BEFORE the attempt, so the same key twice — a Slack command
   * retried with its trigger id — is sent once; the second call answers `{ ok: true }` unsent.
   */
  async sendNow(delivery: NewDelivery): Promise<DeliveryResult> {
    const valid = validateDelivery(delivery);
    if (valid.dedupeKey) return this.sendStoredFirst(valid);
    const id = newItemId();
    const item = toItem(valid, id);
    const buckets = this.deliverer.buckets(item.to);
    await this.worker.rates
      .force(buckets, this.clock.now().getTime() * 1000)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox: rate bucket not updated'));
    const result = await this.attempt.deliver(item);
    if (result.ok) return result;
    await this.pauseIfLimited(result, buckets);
    const settlement = this.attempt.settlement(item, result);
    const now = this.clock.now().toISOString();
    const row = toRow(valid, now, id, {
      status: settlement.status === 'failed' ? 'failed' : 'pending',
      attempts: settlement.status !== 'sent' && settlement.countAttempt ? 1 : 0,
      next_attempt_at: settlement.status === 'retry' ? settlement.at : now,
      uncertain: result.kind === 'unknown' ? 1 : 0,
      last_error: describeResult(result),
      failure_reason: settlement.status === 'failed' ? settlement.reason : null,
    });
    await insertOutboxItems(
      this.db.kysely,
      [result.kind === 'unknown' ? { ...row, hold_ms: this.attempt.unknownHoldMs() } : row],
      this.db.dialect,
    );
    if (settlement.status === 'failed')
      this.logger.warn({ id, reason: row.failure_reason }, 'outbox: delivery failed for good');
    else this.worker.kick();
    return result;
  }

  /** `sendNow` with a dedupe key: stored claimed first (the key taken), then attempted. */
  private async sendStoredFirst(valid: NewDelivery): Promise<DeliveryResult> {
    const id = newItemId();
    const token = randomUUID();
    const item = toItem(valid, id);
    const buckets = this.deliverer.buckets(item.to);
    const [stored] = await insertOutboxItems(
      this.db.kysely,
      [
        {
          ...toRow(valid, this.clock.now().toISOString(), id),
          claim_token: token,
          hold_ms: this.settings.leaseMs,
        },
      ],
      this.db.dialect,
    );
    if (!stored) {
      this.logger.debug({ dedupeKey: valid.dedupeKey }, 'outbox: inline answer already sent under its key');
      return { ok: true };
    }
    await this.worker.rates
      .force(buckets, this.clock.now().getTime() * 1000)
      .catch((error: unknown) => this.logger.warn({ err: error, id }, 'outbox: rate bucket not updated'));
    return this.attemptClaimed(item, token, buckets);
  }

  async sendNowOnce(
    receiptKey: string,
    delivery: NewDelivery,
    onStored?: () => void,
  ): Promise<DeliveryResult | undefined> {
    const valid = validateDelivery(delivery);
    const id = newItemId();
    const token = randomUUID();
    const stored = this.clock.now();
    const item = toItem(valid, id);
    const buckets = this.deliverer.buckets(item.to);
    // The receipt, the claimed item and the answer's rate tokens (it goes out at once, whatever
    // the buckets hold) are committed together.
    const fresh = await this.receipts.submit({
      key: receiptKey,
      rows: [
        {
          ...toRow(valid, stored.toISOString(), id),
          claim_token: token,
          hold_ms: this.settings.leaseMs,
        },
      ],
      force: buckets.map((b) => this.worker.rates.spec(b)),
    });
    onStored?.();
    if (!fresh) return undefined;
    return this.attemptClaimed(item, token, buckets);
  }

  /**
   * One attempt at an item stored claimed under `token`. Its outcome is recorded behind the
   * answer: the request that waits for this result does not wait for that commit (the item stays
   * claimed until it lands, so no worker sends it again meanwhile); `drain` and `stop` do wait.
   */
  private async attemptClaimed(
    item: OutboxItem,
    token: string,
    buckets: readonly RateBucket[],
  ): Promise<DeliveryResult> {
    const result = await this.attempt.deliver(item);
    await this.pauseIfLimited(result, buckets);
    const recording = this.record(item.id, token, this.attempt.settlement(item, result));
    this.recording.add(recording);
    void recording.finally(() => this.recording.delete(recording));
    return result;
  }

  /** Records an inline attempt's outcome (group-committed); retried in the background if that fails. */
  private async record(id: string, token: string, settlement: Settlement): Promise<void> {
    const settled = await this.settlements.submit({ id, token, settlement }).then(
      (ok) => ok,
      (error: unknown) => {
        this.logger.warn({ err: error, id }, 'outbox: recording an inline answer failed; retrying');
        settleInBackground(
          { db: this.db, clock: this.clock, logger: this.logger, leaseMs: this.settings.leaseMs },
          { id, token, settlement },
          () => this.worker.kick(),
        );
        return true;
      },
    );
    if (!settled) this.logger.debug({ id }, 'outbox: inline answer taken over by a worker');
    if (settlement.status === 'failed')
      this.logger.warn({ id, reason: settlement.reason }, 'outbox: delivery failed for good');
    else if (settlement.status === 'retry') this.worker.kick();
  }

  /** Until the outcomes of the inline attempts made so far are recorded. */
  private async recorded(): Promise<void> {
    while (this.recording.size > 0) await Promise.allSettled([...this.recording]);
  }

  private async pauseIfLimited(result: DeliveryResult, buckets: readonly RateBucket[]): Promise<void> {
    if (result.ok || result.kind !== 'rate_limited') return;
    const key = result.bucket ?? buckets[0]?.key;
    if (key)
      await this.worker.rates
        .pause(key, (this.clock.now().getTime() + result.retryAfterMs) * 1000)
        .catch((error: unknown) =>
          // Other workers find out from their own 429; this answer is already recorded for retry.
          this.logger.warn({ err: error, bucket: key }, 'outbox: pausing a rate bucket failed'),
        );
  }

  /** Starts delivering in the background (and pruning old rows). */
  start(): void {
    this.worker.start();
    this.retentionTimer ??= setInterval(() => this.pruneInBackground(), this.settings.retention.everyMs);
    this.retentionTimer.unref();
  }

  /** Stops claiming, waits for sends in flight (bounded) and releases what it still holds. */
  async stop(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = undefined;
    await this.recorded();
    await this.worker.stop();
    await this.pruning;
  }

  /** What this process's worker has done since it was created (benchmarks, diagnostics). */
  stats(): OutboxStats {
    return { ...this.worker.stats };
  }

  /** Delivers everything due now and waits for it (tests, one-shot CLI runs). */
  async drain(): Promise<void> {
    await this.recorded();
    await this.worker.drain();
  }

  /** One retention pass (one batch of each kind); see `RetentionOptions`. */
  prune(): Promise<PruneCounts> {
    return pruneOnce(this.db.kysely, this.clock.now(), this.settings.retention);
  }

  private async store(deliveries: readonly NewDelivery[]): Promise<string[]> {
    const valid = deliveries.map(validateDelivery);
    const now = this.clock.now().toISOString();
    const ids = await insertOutboxItems(
      this.db.kysely,
      valid.map((d) => toRow(d, now)),
    );
    if (ids.length > 0) this.worker.kick();
    return ids;
  }

  /** Prunes batch after batch in the background while batches come back full; never blocks sends. */
  private pruneInBackground(): void {
    if (this.pruning) return;
    this.pruning = (async () => {
      for (let pass = 0; pass < 1000; pass++) {
        const counts = await this.prune();
        if (!prunedFullBatch(counts, this.settings.retention.batch)) return;
      }
    })()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox: pruning failed; next time'))
      .finally(() => {
        this.pruning = undefined;
      });
  }
}
