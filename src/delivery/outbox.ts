import type { Db } from '../../db/connection.js';
import {
  claimDueOutbox,
  enqueueOutbox,
  type NewOutboxItem,
  releaseOutboxClaims,
  settleOutbox,
} from '../../db/outbox.repository.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/** What one delivery attempt came to. */
export type SendOutcome =
  | { readonly ok: true }
  /** Try again: after `retryAfterMs` when the platform said so (429 Retry-After), else with backoff. */
  | { readonly ok: false; readonly retry: true; readonly error: string; readonly retryAfterMs?: number }
  /** Never going to work (channel gone, user blocked the app): recorded, not retried. */
  | { readonly ok: false; readonly retry: false; readonly error: string };

/** Delivers one payload of one kind, e.g. `slack.chat.postMessage`. */
export type Sender = (payload: unknown) => Promise<SendOutcome>;

export interface OutboxOptions {
  readonly maxAttempts?: number;
  readonly tickMs?: number;
  readonly leaseMs?: number;
  /** Randomness for backoff jitter; tests pass a constant. */
  readonly random?: () => number;
}

/**
 * The persistent outbox: every message delmal sends is written here first and delivered by a
 * worker that claims due items, so a 429, a 5xx or a restart never loses one and a retried inbound
 * request never sends one twice (dedupe keys). Failed items stay visible to admins; nothing is
 * retried forever.
 */
export class Outbox {
  private readonly senders = new Map<string, Sender>();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private stopping = false;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly random: () => number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: OutboxOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** Registers the sender for one kind of item. */
  register(kind: string, sender: Sender): void {
    this.senders.set(kind, sender);
  }

  /** Stores an item and starts delivering it at once. Duplicates (same dedupe key) are dropped. */
  async send(item: NewOutboxItem): Promise<void> {
    await enqueueOutbox(this.db.kysely, item, this.clock.now().toISOString());
    // Stopping: the item is stored and the next start delivers it.
    if (!this.stopping) void this.drain();
  }

  /**
   * Delivers at once, within the caller's request, and stores the item only if that first attempt
   * fails — to be retried, or kept as failed for admins. For answers to an inbound request: if the
   * process dies before this returns, the platform redelivers the request (it saw no 200), so
   * nothing is lost, and the happy path costs no database writes.
   */
  async sendNow(item: NewOutboxItem): Promise<void> {
    const sender = this.senders.get(item.kind);
    if (!sender) return this.send(item);
    const outcome: SendOutcome = await sender(item.payload).catch(
      (error: unknown): SendOutcome => ({
        ok: false,
        retry: true,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    if (outcome.ok) return;
    const now = this.clock.now();
    const wait = outcome.retry ? (outcome.retryAfterMs ?? backoffMs(1, this.random)) : 0;
    await enqueueOutbox(this.db.kysely, item, now.toISOString(), {
      status: outcome.retry && this.maxAttempts > 1 ? 'pending' : 'failed',
      nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
      lastError: outcome.error,
    });
    if (!outcome.retry)
      this.logger.warn({ kind: item.kind, error: outcome.error }, 'outbox item failed for good');
  }

  /** Starts the ticker that retries due items (every second by default). */
  start(): void {
    this.timer ??= setInterval(() => void this.drain(), this.options.tickMs ?? 1000);
    this.timer.unref();
  }

  /**
   * Stops delivering: the send in progress finishes, claims not yet used are released (those items
   * stay pending for the next start), and no new pass begins.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.draining;
  }

  /** Delivers every due item; concurrent calls share one pass. */
  drain(): Promise<void> {
    if (this.stopping) return this.draining ?? Promise.resolve();
    this.draining ??= this.pass().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async pass(): Promise<void> {
    try {
      for (;;) {
        if (this.stopping) return;
        const now = this.clock.now();
        const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
        const due = await claimDueOutbox(this.db.kysely, now.toISOString(), leaseUntil, 20);
        if (due.length === 0) return;
        for (const [index, item] of due.entries()) {
          if (this.stopping) {
            const unsent = due.slice(index).map((d) => d.id);
            await releaseOutboxClaims(this.db.kysely, unsent, leaseUntil, this.clock.now().toISOString());
            return;
          }
          await this.attempt(item.id, item.kind, item.payload, item.attempts);
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'outbox pass failed; the next tick retries');
    }
  }

  private async attempt(id: string, kind: string, payload: string, attempts: number): Promise<void> {
    const sender = this.senders.get(kind);
    const outcome: SendOutcome = sender
      ? await sender(JSON.parse(payload)).catch((error: unknown) => ({
          ok: false as const,
          retry: true as const,
          error: error instanceof Error ? error.message : String(error),
        }))
      : { ok: false, retry: false, error: `no sender for ${kind}` };
    const now = this.clock.now();
    if (outcome.ok) return settleOutbox(this.db.kysely, id, { status: 'sent' }, now.toISOString());
    const tried = attempts + 1;
    if (!outcome.retry || tried >= this.maxAttempts) {
      this.logger.warn({ id, kind, error: outcome.error, attempts: tried }, 'outbox item failed for good');
      return settleOutbox(this.db.kysely, id, { status: 'failed', error: outcome.error }, now.toISOString());
    }
    const wait = outcome.retryAfterMs ?? backoffMs(tried, this.random);
    this.logger.info({ id, kind, error: outcome.error, retryInMs: wait }, 'outbox item will be retried');
    await settleOutbox(
      this.db.kysely,
      id,
      { status: 'retry', at: new Date(now.getTime() + wait).toISOString(), error: outcome.error },
      now.toISOString(),
    );
  }
}

/** Exponential backoff with jitter: ~1 s, 2 s, 4 s … capped at 5 minutes, ±50 %. */
export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(1000 * 2 ** (attempt - 1), 5 * 60_000);
  return Math.round(base * (0.5 + random()));
}
