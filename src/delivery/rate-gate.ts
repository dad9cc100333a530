import type { Db } from '../../db/connection.js';
import {
  type BucketSpec,
  type Draw,
  drawRateTokens,
  ensureRateBuckets,
  forceRateTokens,
  pauseRateBucket,
  refundRateTokens,
} from '../../db/rate-buckets.repository.js';
import type { RateBucket } from '../chat/chat-port.js';
import { emptyStats, type OutboxStats } from './outbox-stats.js';

/** Something that draws on rate buckets (a held outbox item). */
export interface Metered {
  readonly buckets: readonly RateBucket[];
  /** An answer to a person's own action: never waits for a batch of tokens to gather. */
  readonly urgent?: boolean;
}

/** Tokens asked of a shared bucket beyond what it is estimated to hold (see `askable`). */
const ASK_EXTRA = 2;

/**
 * After a shared bucket ran dry, bulk sends wait this much longer than its next token, so the
 * next draw takes several tokens at once instead of every worker drawing each token as it comes.
 * Only for buckets whose burst tolerance holds at least twice this: the tokens gather, none is lost.
 */
const GATHER_US = 100_000;

/** Keys remembered as created, at most; beyond it the set starts over (re-creating is harmless). */
const ENSURED_CAP = 50_000;

/**
 * One worker's door to the shared rate buckets (db/rate-buckets.repository.ts). It remembers
 * locally until when a bucket is known to be empty, so it does not ask the database again before
 * then, and draws tokens for a whole round of candidates in one statement.
 */
export class RateGate {
  private readonly busyUntilUs = new Map<string, number>();
  /** Until when bulk sends leave a dry shared bucket alone, so tokens gather (see GATHER_US). */
  private readonly gatherUntilUs = new Map<string, number>();
  private readonly ensured = new Set<string>();
  /** Shared buckets (more than one token per period) as this worker's last draw left them. */
  private readonly lastDraw = new Map<string, Draw>();

  /**
   * @param safetyMs taken off each bucket's burst tolerance (and added to the spacing of buckets
   *   without burst), so sends that arrive at the platform a little closer together than they
   *   left (network jitter) still stay within its limit.
   */
  constructor(
    private readonly db: Db,
    private readonly safetyMs: number,
    private readonly stats: OutboxStats = emptyStats(),
  ) {}

  /**
   * The GCRA parameters of a bucket, in microseconds. The safety margin comes off the burst
   * tolerance; a bucket with less burst than that (one message per second per Slack channel) gets
   * its spacing widened instead. The tolerance never goes negative: with a negative one, a token
   * drawn and refunded in the same round would leave the bucket shut for the margin, although
   * nothing was sent.
   */
  spec(bucket: RateBucket): BucketSpec {
    const intervalUs = Math.max(1, Math.round((bucket.perMs * 1000) / Math.max(1, bucket.limit)));
    const toleranceUs = Math.round(bucket.perMs * 1000 - intervalUs - this.safetyMs * 1000);
    return toleranceUs >= 0
      ? { key: bucket.key, intervalUs, toleranceUs }
      : { key: bucket.key, intervalUs: intervalUs - toleranceUs, toleranceUs: 0 };
  }

  /**
   * When every bucket of `buckets` may have a token again, as far as this worker knows (µs); for
   * bulk sends (`urgent` false) a dry shared bucket counts as busy until a few tokens gathered.
   */
  readyAtUs(buckets: readonly RateBucket[], urgent = false): number {
    let at = 0;
    for (const b of buckets) {
      at = Math.max(at, this.busyUntilUs.get(b.key) ?? 0);
      if (!urgent) at = Math.max(at, this.gatherUntilUs.get(b.key) ?? 0);
    }
    return at;
  }

  /**
   * Admits as many of `candidates` (in priority order) as the buckets allow right now: draws the
   * tokens in one statement, gives each admitted candidate one token of each of its buckets, and
   * refunds tokens a candidate could not use because another of its buckets ran dry. At most
   * `max` are admitted.
   */
  async admit<T extends Metered>(candidates: readonly T[], nowUs: number, max: number): Promise<T[]> {
    const free: T[] = [];
    const metered: T[] = [];
    const wanted = new Map<string, number>();
    const specs = new Map<string, RateBucket>();
    for (const candidate of candidates) {
      if (free.length + metered.length >= max) break;
      if (candidate.buckets.length === 0) {
        free.push(candidate);
        continue;
      }
      if (this.readyAtUs(candidate.buckets, candidate.urgent) > nowUs) continue;
      // Ask a bucket for about what it can give now, never more than its burst: tokens drawn
      // for candidates that cannot use them are given back, work for nothing on both ends.
      if (candidate.buckets.some((b) => (wanted.get(b.key) ?? 0) >= this.askable(b, nowUs))) continue;
      for (const b of candidate.buckets) {
        wanted.set(b.key, (wanted.get(b.key) ?? 0) + 1);
        specs.set(b.key, b);
      }
      metered.push(candidate);
    }
    if (metered.length === 0) return free;
    await this.ensure([...specs.values()]);
    const draws = await drawRateTokens(this.db, wanted, nowUs);
    // A bucket pruned since it was created here: create it again next round.
    for (const key of wanted.keys()) if (!draws.has(key)) this.ensured.delete(key);
    const left = new Map([...wanted.keys()].map((key) => [key, draws.get(key)?.granted ?? 0]));
    const admitted = [...free];
    for (const candidate of metered) {
      if (candidate.buckets.every((b) => (left.get(b.key) ?? 0) > 0)) {
        for (const b of candidate.buckets) left.set(b.key, (left.get(b.key) ?? 0) - 1);
        admitted.push(candidate);
      }
    }
    const refunds = new Map([...left].filter(([, n]) => n > 0));
    if (refunds.size > 0) await refundRateTokens(this.db, refunds);
    this.count(wanted, draws, refunds);
    for (const [key, draw] of draws) {
      const bucket = specs.get(key);
      if (!refunds.has(key)) this.markBusy(key, draw.nextAtUs);
      if (!bucket || bucket.limit <= 1) continue;
      this.lastDraw.set(key, draw);
      // Ran dry: let the next few tokens gather before bulk sends draw on it again.
      if (draw.granted < (wanted.get(key) ?? 0) && this.spec(bucket).toleranceUs >= 2 * GATHER_US)
        this.gatherUntilUs.set(key, draw.nextAtUs + GATHER_US);
    }
    return admitted;
  }

  /** Takes one token of each bucket at once (an inline interactive answer does not wait). */
  async force(buckets: readonly RateBucket[], nowUs: number): Promise<void> {
    if (buckets.length > 0)
      await forceRateTokens(
        this.db,
        buckets.map((b) => this.spec(b)),
        nowUs,
      );
  }

  /** A 429: nothing draws on `key` before `untilUs`, in any worker. */
  async pause(key: string, untilUs: number): Promise<void> {
    this.markBusy(key, untilUs);
    await pauseRateBucket(this.db, key, untilUs);
  }

  /** Forgets buckets whose known busy time has passed (keeps the maps small over long runs). */
  forgetPast(nowUs: number): void {
    for (const [key, until] of this.busyUntilUs) if (until <= nowUs) this.busyUntilUs.delete(key);
    for (const [key, until] of this.gatherUntilUs) if (until <= nowUs) this.gatherUntilUs.delete(key);
  }

  /**
   * How many tokens to ask `bucket` for in one round: what its last draw here says it holds by
   * now (other workers may have drawn since; a few more in case some candidates' other buckets
   * are dry), at most its burst.
   */
  private askable(bucket: RateBucket, nowUs: number): number {
    const last = this.lastDraw.get(bucket.key);
    if (!last) return bucket.limit;
    const holds = nowUs < last.nextAtUs ? 0 : 1 + Math.floor((nowUs - last.nextAtUs) / last.intervalUs);
    return Math.min(bucket.limit, holds + ASK_EXTRA);
  }

  private markBusy(key: string, untilUs: number): void {
    if (untilUs > (this.busyUntilUs.get(key) ?? 0)) this.busyUntilUs.set(key, untilUs);
  }

  private count(
    wanted: ReadonlyMap<string, number>,
    draws: ReadonlyMap<string, Draw>,
    refunds: ReadonlyMap<string, number>,
  ): void {
    this.stats.draws++;
    for (const [key, n] of wanted) {
      this.stats.tokensAsked += n;
      this.stats.tokensGranted += draws.get(key)?.granted ?? 0;
    }
    for (const n of refunds.values()) this.stats.tokensRefunded += n;
  }

  private async ensure(buckets: readonly RateBucket[]): Promise<void> {
    const missing = buckets.filter((b) => !this.ensured.has(b.key));
    if (missing.length === 0) return;
    await ensureRateBuckets(
      this.db.kysely,
      missing.map((b) => this.spec(b)),
    );
    if (this.ensured.size + missing.length > ENSURED_CAP) this.ensured.clear();
    for (const b of missing) this.ensured.add(b.key);
  }
}
