import type { Db } from '../../db/connection.js';
import { releaseOutboxClaims, renewOutboxClaims } from '../../db/outbox-items.repository.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Deliverer } from './deliveries.js';
import type { GroupCommit } from './group-commit.js';
import { claimHeld, type Held } from './outbox-claim.js';
import type { SettlementEntry } from './outbox-commits.js';
import type { WorkerSettings } from './outbox-options.js';
import { type Attempt, settlementOf } from './outbox-settle.js';
import { emptyStats, type OutboxStats } from './outbox-stats.js';
import { RateGate } from './rate-gate.js';

/**
 * The sending side of the outbox in one process: claims due items (fenced by a claim token),
 * sends them concurrently as the shared rate buckets allow, renews the leases of what it holds,
 * and records each outcome only while it still holds the claim.
 */
export class OutboxWorker {
  private readonly held = new Map<string, Held>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly gate: RateGate;
  /** What this worker has done so far (see `OutboxStats`). */
  readonly stats: OutboxStats = emptyStats();
  private running = false;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<boolean> | undefined;
  private again = false;
  private lastRoundAt = 0;
  private lastInteractiveClaimAt = Number.NEGATIVE_INFINITY;
  private lastRenewAt = Number.NEGATIVE_INFINITY;
  private claimedFull = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly deliverer: Deliverer,
    private readonly settings: WorkerSettings,
    private readonly attempt: Attempt,
    /** Where outcomes are recorded, shared with the outbox's inline answers (one commit for both). */
    private readonly settlements: GroupCommit<SettlementEntry, boolean>,
  ) {
    this.gate = new RateGate(db, settings.rateSafetyMs, this.stats);
  }

  /** The shared rate buckets, as this worker sees them (sendNow draws on them too). */
  get rates(): RateGate {
    return this.gate;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.kick();
  }

  /** Something changed (an item enqueued, a send finished): run a round soon. */
  kick(): void {
    if (!this.running || this.stopping) return;
    this.schedule(Math.max(0, this.lastRoundAt + this.settings.minRoundMs - performance.now()));
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runRound().then(() => this.scheduleNext());
    }, delayMs);
  }

  private scheduleNext(): void {
    if (!this.running || this.stopping || this.timer) return;
    const nowUs = this.clock.now().getTime() * 1000;
    let wait = this.held.size === 0 ? this.settings.pollMs : this.settings.interactivePollMs;
    for (const h of this.held.values())
      if (!h.inFlight)
        wait = Math.min(wait, Math.max(0, (this.gate.readyAtUs(h.buckets, h.urgent) - nowUs) / 1000));
    if (this.claimedFull) wait = 0;
    this.schedule(Math.max(wait, this.settings.minRoundMs));
  }

  /**
   * Sends everything due now and waits for it (tests, the CLI): rounds until a round neither
   * claims nor sends anything and nothing is in flight. Items waiting for a rate token stay held.
   */
  async drain(): Promise<void> {
    for (;;) {
      const progress = await this.runRound();
      if (this.inFlight.size > 0) {
        await Promise.race(this.inFlight);
        continue;
      }
      if (!progress) return;
    }
  }

  /**
   * Stops claiming, waits for sends in flight (at most `stopTimeoutMs`), then releases every
   * claim still held so another worker takes those items at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.round;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => {
        timeout = setTimeout(resolve, this.settings.stopTimeoutMs);
      }),
    ]);
    clearTimeout(timeout);
    const byToken = new Map<string, string[]>();
    for (const [id, h] of this.held)
      if (!h.inFlight) byToken.set(h.token, [...(byToken.get(h.token) ?? []), id]);
    const now = this.clock.now().toISOString();
    for (const [token, ids] of byToken) {
      await releaseOutboxClaims(this.db.kysely, token, ids, now).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'outbox: releasing claims failed; they expire with their lease'),
      );
      for (const id of ids) this.held.delete(id);
    }
  }

  /** One round at a time; a round asked for during one runs right after it. */
  private runRound(): Promise<boolean> {
    if (this.round) {
      this.again = true;
      return this.round;
    }
    this.round = (async () => {
      let progress = false;
      do {
        this.again = false;
        progress =
          (await this.roundOnce().catch((error: unknown) => {
            this.logger.error({ err: error }, 'outbox round failed; the next one retries');
            return false;
          })) || progress;
      } while (this.again && !this.stopping);
      return progress;
    })().finally(() => {
      this.round = undefined;
      this.lastRoundAt = performance.now();
    });
    return this.round;
  }

  private async roundOnce(): Promise<boolean> {
    this.stats.rounds++;
    const now = this.clock.now();
    const nowMs = now.getTime();
    await this.renewIfDue(nowMs);
    const claimed = this.stopping ? 0 : await this.claimIfNeeded(nowMs);
    const sent = await this.dispatch(nowMs);
    await this.releaseLongWaits(nowMs);
    this.gate.forgetPast(nowMs * 1000);
    return claimed > 0 || sent > 0;
  }

  private ready(nowUs: number): Held[] {
    return [...this.held.values()].filter(
      (h) => !h.inFlight && this.gate.readyAtUs(h.buckets, h.urgent) <= nowUs,
    );
  }

  private async claimIfNeeded(nowMs: number): Promise<number> {
    const s = this.settings;
    const room = s.maxHeld - this.held.size;
    const wantsMore = this.ready(nowMs * 1000).length < s.concurrency * 2;
    let claimed = 0;
    if (room > 0 && wantsMore) {
      claimed = await this.claim(nowMs, Math.min(s.claimBatch, room), false);
      this.claimedFull = claimed === Math.min(s.claimBatch, room);
    } else if (performance.now() - this.lastInteractiveClaimAt >= s.interactivePollMs) {
      // Holding a full hand of bulk items: still look for answers to people's own actions (a
      // polling cadence in real time, not domain time).
      claimed = await this.claim(nowMs, s.concurrency, true);
      this.lastInteractiveClaimAt = performance.now();
    }
    return claimed;
  }

  /** Claims due items into this worker's hand; how many rows the claim took. */
  private async claim(nowMs: number, limit: number, interactiveOnly: boolean): Promise<number> {
    const { leaseMs } = this.settings;
    const { claimed, held } = await claimHeld(this.db, this.deliverer, {
      nowMs,
      leaseMs,
      limit,
      interactiveOnly,
    });
    this.stats.claims++;
    this.stats.claimed += claimed;
    if (claimed === 0) this.stats.emptyClaims++;
    for (const h of held) this.held.set(h.item.id, h);
    return claimed;
  }

  private async dispatch(nowMs: number): Promise<number> {
    const free = this.settings.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    const ready = this.ready(nowMs * 1000);
    if (ready.length === 0 && this.held.size > this.inFlight.size) this.stats.idleRounds++;
    const candidates = ready.sort(
      (a, b) =>
        (a.item.lane === b.item.lane ? 0 : a.item.lane === 'interactive' ? -1 : 1) ||
        a.item.attempts - b.item.attempts,
    );
    const admitted = await this.gate.admit(candidates, nowMs * 1000, free);
    for (const h of admitted) {
      h.inFlight = true;
      const sending = this.send(h).finally(() => {
        this.inFlight.delete(sending);
        this.held.delete(h.item.id);
        this.kick();
      });
      this.inFlight.add(sending);
    }
    return admitted.length;
  }

  private async send(h: Held): Promise<void> {
    const settlement = await settlementOf(h.item, h.buckets, this.attempt, this.gate);
    this.stats.attempts++;
    if (settlement.status === 'retry' && !settlement.countAttempt) this.stats.rateLimited++;
    const settle = () => this.settlements.submit({ id: h.item.id, token: h.token, settlement });
    let settled = true;
    for (let tried = 1; ; tried++) {
      try {
        settled = await settle();
        break;
      } catch (error) {
        if (tried >= 4) {
          // Still claimed: when the lease runs out the next claimant marks it uncertain and looks
          // for it where the platform allows (see docs/decisions on Teams) — never silently settled.
          this.logger.error(
            { err: error, id: h.item.id },
            'outbox: recording a result failed; left uncertain',
          );
          break;
        }
        this.logger.warn({ err: error, id: h.item.id, tried }, 'outbox: recording a result failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** tried));
      }
    }
    if (!settled)
      this.logger.debug({ id: h.item.id }, 'outbox: claim taken over by another worker; result ignored');
  }

  private async renewIfDue(nowMs: number): Promise<void> {
    if (this.held.size === 0 || nowMs - this.lastRenewAt < this.settings.leaseMs / 3) return;
    this.lastRenewAt = nowMs;
    const tokens = [...new Set([...this.held.values()].map((h) => h.token))];
    const kept = new Set(
      await renewOutboxClaims(this.db, tokens, this.settings.leaseMs, new Date(nowMs).toISOString()),
    );
    for (const [id, h] of this.held) if (!h.inFlight && !kept.has(id)) this.held.delete(id);
  }

  /** Items that would wait longer than `holdLimitMs` for a token go back to the table until then. */
  private async releaseLongWaits(nowMs: number): Promise<void> {
    const limitUs = (nowMs + this.settings.holdLimitMs) * 1000;
    const late = [...this.held.values()].filter(
      (h) => !h.inFlight && this.gate.readyAtUs(h.buckets, h.urgent) > limitUs,
    );
    this.stats.released += late.length;
    const now = new Date(nowMs).toISOString();
    for (const h of late) {
      const at = new Date(Math.ceil(this.gate.readyAtUs(h.buckets) / 1000)).toISOString();
      await releaseOutboxClaims(this.db.kysely, h.token, [h.item.id], now, at);
      this.held.delete(h.item.id);
    }
  }
}
