import type { Settlement } from '../../db/outbox-items.repository.js';
import type { DeliveryResult, RateBucket } from '../chat/chat-port.js';
import type { SentMessageRef } from '../chat/inbound.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { retryBackoffMs } from './backoff.js';
import type { Deliverer, OutboxItem } from './deliveries.js';
import { describeResult } from './outbox-codec.js';
import type { WorkerSettings } from './outbox-options.js';
import type { RateGate } from './rate-gate.js';

/** How long an aborted send has to say how it ended before its outcome counts as unknown. */
const ABORT_GRACE_MS = 100;

/** One attempt through the Deliverer: bounded in time, never throwing. */
export class Attempt {
  constructor(
    private readonly deliverer: Deliverer,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settings: WorkerSettings,
  ) {}

  /**
   * Delivers with a timeout: the Deliverer's signal aborts when time is up, and if it does not
   * return by then the outcome is unknown (it may have arrived). A thrown error is transient.
   */
  async deliver(item: OutboxItem): Promise<DeliveryResult> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const unknown: DeliveryResult = {
      ok: false,
      kind: 'unknown',
      error: `timeout after ${this.settings.sendTimeoutMs} ms`,
    };
    const timedOut = new Promise<DeliveryResult>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        // A port that honours the signal says at once how its request ended: delivered after all,
        // or never sent (aborted before it was written) — both better known than unknown.
        let grace: NodeJS.Timeout | undefined;
        void Promise.race([
          sent.then((result) => (result.ok || result.kind === 'transient' ? result : unknown)),
          new Promise<DeliveryResult>((done) => {
            grace = setTimeout(() => done(unknown), ABORT_GRACE_MS);
          }),
        ]).then((result) => {
          clearTimeout(grace);
          resolve(result);
        });
      }, this.settings.sendTimeoutMs);
    });
    const sent: Promise<DeliveryResult> = this.deliverer.deliver(item, controller.signal).catch(
      (error: unknown): DeliveryResult => ({
        ok: false,
        kind: 'transient',
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    try {
      return await Promise.race([sent, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * For an uncertain item: the message an earlier attempt left, `null` if there is none, `undefined`
   * if the platform gives no way to tell, `'failed'` if the look-up failed or took longer than a
   * send may (it holds a concurrency slot; the item is retried later rather than sent blindly).
   */
  async findSent(item: OutboxItem): Promise<SentMessageRef | null | undefined | 'failed'> {
    if (!item.uncertain || !this.deliverer.findSent) return undefined;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'failed'>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        this.logger.warn({ id: item.id }, 'outbox: looking for an earlier attempt timed out; retried later');
        resolve('failed');
      }, this.settings.sendTimeoutMs);
    });
    const looked = this.deliverer.findSent(item, controller.signal).catch((error: unknown) => {
      this.logger.warn(
        { err: error, id: item.id },
        'outbox: could not look for an earlier attempt; retried later',
      );
      return 'failed' as const;
    });
    try {
      return await Promise.race([looked, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** How long an item whose outcome is unknown is left alone before anyone looks for it. */
  unknownHoldMs(): number {
    return this.settings.sendTimeoutMs + this.settings.unknownMarginMs;
  }

  /** A look-up that could not tell: retried with backoff (counted), still uncertain. */
  lookupFailed(item: OutboxItem): Settlement {
    return this.settlement(item, {
      ok: false,
      kind: 'unknown',
      error: 'earlier attempt could not be looked up',
    });
  }

  /** A 429 pause that could not be shared with other workers, logged with its bucket. */
  warn(error: unknown, bucket: string): void {
    this.logger.warn(
      { err: error, bucket },
      'outbox: pausing a rate bucket failed; other workers find out by their own 429',
    );
  }

  /** Now, on the injected clock (ms). */
  nowMs(): number {
    return this.clock.now().getTime();
  }

  /** What a result means for the stored item after attempt number `item.attempts + 1`. */
  settlement(item: OutboxItem, result: DeliveryResult): Settlement {
    const now = this.clock.now().getTime();
    if (result.ok) return { status: 'sent', sentRef: result.sent ? JSON.stringify(result.sent) : null };
    const error = describeResult(result);
    if (result.kind === 'rate_limited')
      return {
        status: 'retry',
        at: new Date(now + Math.max(0, result.retryAfterMs)).toISOString(),
        error,
        countAttempt: false,
      };
    if (result.kind === 'unreachable')
      return { status: 'failed', error, reason: result.reason, countAttempt: true };
    const tried = item.attempts + 1;
    if (tried >= this.settings.maxAttempts)
      return { status: 'failed', error, reason: null, countAttempt: true };
    return {
      status: 'retry',
      at: new Date(now + retryBackoffMs(tried, this.settings.random)).toISOString(),
      error,
      countAttempt: true,
      uncertain: result.kind === 'unknown',
      ...(result.kind === 'unknown' ? { holdMs: this.unknownHoldMs() } : {}),
    };
  }
}

/**
 * Makes one attempt at a held item and says how to record it: an uncertain item is first looked
 * for on the platform (found: recorded as sent, not sent again); a 429 pauses its bucket for every
 * worker (the bucket the platform named, else the item's narrowest).
 */
export async function settlementOf(
  item: OutboxItem,
  buckets: readonly RateBucket[],
  attempt: Attempt,
  gate: RateGate,
): Promise<Settlement> {
  const found = await attempt.findSent(item);
  if (found === 'failed') return attempt.lookupFailed(item);
  if (found) return { status: 'sent', sentRef: JSON.stringify(found) };
  const result = await attempt.deliver(item);
  if (!result.ok && result.kind === 'rate_limited') {
    const key = result.bucket ?? buckets[0]?.key;
    if (key) await pauseQuietly(gate, key, result.retryAfterMs, attempt);
  }
  return attempt.settlement(item, result);
}

async function pauseQuietly(gate: RateGate, key: string, retryAfterMs: number, attempt: Attempt) {
  const untilUs = (attempt.nowMs() + Math.max(0, retryAfterMs)) * 1000;
  // Not recorded: the other workers learn of the limit from their own 429s; this one waits anyway.
  await gate.pause(key, untilUs).catch((error: unknown) => attempt.warn(error, key));
}
