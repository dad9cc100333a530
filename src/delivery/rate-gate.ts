import type { Db } from '../../db/connection.js';
import {
  type BucketSpec,
  drawRateTokens,
  ensureRateBuckets,
  forceRateTokens,
  pauseRateBucket,
  refundRateTokens,
} from '../../db/rate-buckets.repository.js';
import type { RateBucket } from '../chat/chat-port.js';

/** Something that draws on rate buckets (a held outbox item). */
export interface Metered {
  readonly buckets: readonly RateBucket[];
}

/** Keys remembered as created, at most; beyond it the set starts over (re-creating is harmless). */
const ENSURED_CAP = 50_000;

/**
 * One worker's door to the shared rate buckets (db/rate-buckets.repository.ts). It remembers
 * locally until when a bucket is known to be empty, so it does not ask the database again before
 * then, and draws tokens for a whole round of candidates in one statement.
 */
export class RateGate {
  private readonly busyUntilUs = new Map<string, number>();
  private readonly ensured = new Set<string>();

  /**
   * @param safetyMs taken off each bucket's burst tolerance (and added to the spacing of buckets
   *   without burst), so sends that arrive at the platform a little closer together than they
   *   left (network jitter) still stay within its limit.
   */
  constructor(
    private readonly db: Db,
    private readonly safetyMs: number,
  ) {}

  /** The GCRA parameters of a bucket, in microseconds. */
  spec(bucket: RateBucket): BucketSpec {
    const intervalUs = Math.max(1, Math.round((bucket.perMs * 1000) / Math.max(1, bucket.limit)));
    return {
      key: bucket.key,
      intervalUs,
      toleranceUs: Math.round(bucket.perMs * 1000 - intervalUs - this.safetyMs * 1000),
    };
  }

  /** When every bucket of `buckets` may have a token again, as far as this worker knows (µs). */
  readyAtUs(buckets: readonly RateBucket[]): number {
    let at = 0;
    for (const b of buckets) at = Math.max(at, this.busyUntilUs.get(b.key) ?? 0);
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
      if (this.readyAtUs(candidate.buckets) > nowUs) continue;
      // Never ask a bucket for more than its burst in one round.
      if (candidate.buckets.some((b) => (wanted.get(b.key) ?? 0) >= b.limit)) continue;
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
    for (const [key, draw] of draws) if (!refunds.has(key)) this.markBusy(key, draw.nextAtUs);
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

  private markBusy(key: string, untilUs: number): void {
    if (untilUs > (this.busyUntilUs.get(key) ?? 0)) this.busyUntilUs.set(key, untilUs);
  }

  /** Forgets buckets whose known busy time has passed (keeps the map small over long runs). */
  forgetPast(nowUs: number): void {
    for (const [key, until] of this.busyUntilUs) if (until <= nowUs) this.busyUntilUs.delete(key);
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
