import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';

/** A token bucket as Slack applies it: `limit` per `perMs`, a burst of `burst` (default `limit`). */
export interface FakeLimit {
  readonly limit: number;
  readonly perMs: number;
  readonly burst?: number;
}

export interface RateLimitedSlackOptions {
  /** Per channel (Slack: about 1 message per second, short bursts allowed). */
  readonly perChannel: FakeLimit;
  /** chat.postMessage across the workspace (the method's tier). */
  readonly tier: FakeLimit;
  /**
   * Tier 3 methods a round's look-ups need (`users.lookupByEmail`, `conversations.open`), each its
   * own bucket, as Slack counts them per method. Without it they are not limited.
   */
  readonly tier3?: FakeLimit;
}

class Bucket {
  private tokens: number;
  private at: number;
  /** Time the bucket spent full (capacity nobody used), in ms: measured, never enforced. */
  unusedMs = 0;
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }
  /** 0 when a token is there now, else in how many ms one will be. */
  wait(now: number): number {
    if (now > this.at) {
      const refilled = this.tokens + (now - this.at) * this.rate;
      if (refilled > this.burst) this.unusedMs += (refilled - this.burst) / this.rate;
      this.tokens = Math.min(this.burst, refilled);
      this.at = now;
    }
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.rate;
  }
  take(): void {
    this.tokens -= 1;
  }
}

/**
 * A stand-in for Slack's `chat.postMessage` that ENFORCES rate limits: a token bucket per channel
 * and one for the method tier; over either limit it answers HTTP 429 with `Retry-After` in whole
 * seconds, as Slack does. It counts every accepted message by the outbox id carried in its
 * `metadata`, so a benchmark can tell lost from duplicated messages.
 */
export class RateLimitedSlack {
  /** Accepted messages per outbox id (more than 1 = a duplicate a person would see). */
  readonly accepted = new Map<string, number>();
  /** Arrival time (ms, `performance.now()` + `timeOrigin`) of the first accepted copy of each id. */
  readonly firstArrival = new Map<string, number>();
  rejected = 0;
  /** Calls per Web API method, and how many of them were answered 429. */
  readonly methodCalls = new Map<string, { calls: number; rejected: number }>();
  /** Accepted messages per channel with their metadata: what conversations.history reads back. */
  private readonly posted = new Map<string, { ts: string; metadata: unknown }[]>();
  private readonly channels = new Map<string, Bucket>();
  private readonly tier3 = new Map<string, Bucket>();
  private readonly tier: Bucket;
  private readonly listeners: (() => void)[] = [];
  private lastMicros = 0;
  private readonly server = new LoopbackServer((req, res) => void this.handle(req, res));

  constructor(private readonly options: RateLimitedSlackOptions) {
    this.tier = this.bucket(options.tier);
  }

  start(): Promise<void> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /**
   * How long the chat.postMessage tier sat full since the start (ms): capacity the sender left
   * unused. A sender at the floor the limits allow leaves none after its first burst.
   */
  tierUnusedMs(): number {
    this.tier.wait(now());
    return this.tier.unusedMs;
  }

  /** Base URL for the Web API client (`slackApiUrl`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.server.port}/api/`;
  }

  /** Calls `listener` after every accepted message. */
  onAccepted(listener: () => void): void {
    this.listeners.push(listener);
  }

  private bucket(limit: FakeLimit): Bucket {
    return new Bucket(limit.limit / limit.perMs, limit.burst ?? limit.limit, now());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const method = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\//, '');
    const counts = this.methodCalls.get(method) ?? { calls: 0, rejected: 0 };
    counts.calls++;
    this.methodCalls.set(method, counts);
    if (method !== 'chat.postMessage') return this.other(method, form, res, counts);
    const channel = form.get('channel') ?? '';
    const at = now();
    let channelBucket = this.channels.get(channel);
    if (!channelBucket) {
      channelBucket = this.bucket(this.options.perChannel);
      this.channels.set(channel, channelBucket);
    }
    // A rejected call takes no token from either limit.
    const wait = Math.max(channelBucket.wait(at), this.tier.wait(at));
    if (wait > 0) {
      this.rejected++;
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(Math.ceil(wait / 1000)),
      });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    channelBucket.take();
    this.tier.take();
    const metadata = form.get('metadata');
    const id = outboxId(metadata);
    if (id) {
      this.accepted.set(id, (this.accepted.get(id) ?? 0) + 1);
      if (!this.firstArrival.has(id)) this.firstArrival.set(id, at);
    }
    // Slack's ts: the arrival time in microseconds, unique (what `oldest` is compared with).
    this.lastMicros = Math.max(this.lastMicros + 1, Math.floor(at * 1000));
    const ts = `${Math.floor(this.lastMicros / 1e6)}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
    const list = this.posted.get(channel) ?? [];
    list.push({ ts, metadata: metadata ? JSON.parse(metadata) : undefined });
    this.posted.set(channel, list);
    json(res, 200, { ok: true, channel, ts });
    for (const listener of this.listeners) listener();
  }

  private other(
    method: string,
    form: URLSearchParams,
    res: ServerResponse,
    counts: { calls: number; rejected: number },
  ): void {
    const limit = this.options.tier3;
    if (limit && (method === 'users.lookupByEmail' || method === 'conversations.open')) {
      let bucket = this.tier3.get(method);
      if (!bucket) {
        bucket = this.bucket(limit);
        this.tier3.set(method, bucket);
      }
      const wait = bucket.wait(now());
      if (wait > 0) {
        counts.rejected++;
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(Math.ceil(wait / 1000)),
        });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      bucket.take();
    }
    json(res, 200, method === 'conversations.history' ? this.history(form) : answerOther(method, form));
  }

  /** conversations.history as Slack answers it: newest first, from `oldest` on, metadata on request. */
  private history(form: URLSearchParams): unknown {
    const oldest = Number(form.get('oldest') ?? 0);
    const withMetadata = form.get('include_all_metadata') === 'true';
    const messages = (this.posted.get(form.get('channel') ?? '') ?? [])
      .filter((m) => Number(m.ts) >= oldest)
      .reverse()
      .slice(0, Number(form.get('limit') ?? 100))
      .map((m) => ({
        type: 'message',
        ts: m.ts,
        ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
      }));
    return { ok: true, messages };
  }
}

/** Slack's answer to the methods a round needs besides posting: every e-mail `<name>@…` is user `U<name>`. */
function answerOther(method: string, form: URLSearchParams): unknown {
  switch (method) {
    case 'auth.test':
      return { ok: true, team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' };
    case 'users.lookupByEmail': {
      const email = form.get('email') ?? '';
      const name = email.split('@')[0] ?? '';
      return { ok: true, user: { id: `U${name}`, name, real_name: name, profile: { email } } };
    }
    case 'conversations.open':
      return { ok: true, channel: { id: `D${(form.get('users') ?? '').slice(1)}` } };
    default:
      return { ok: true };
  }
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function outboxId(metadata: string | null): string | undefined {
  if (!metadata) return undefined;
  try {
    const parsed = JSON.parse(metadata) as { event_payload?: { outbox_id?: unknown } };
    const id = parsed.event_payload?.outbox_id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
