import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';
import type { FakeLimit } from './rate-limited-slack.js';

/** A token bucket: `limit` per `perMs`, burst `limit`. */
class Bucket {
  private tokens: number;
  private at = now();
  constructor(private readonly limit: FakeLimit) {
    this.tokens = limit.burst ?? limit.limit;
  }
  wait(at: number): number {
    const rate = this.limit.limit / this.limit.perMs;
    this.tokens = Math.min(this.limit.burst ?? this.limit.limit, this.tokens + (at - this.at) * rate);
    this.at = at;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / rate;
  }
  take(): void {
    this.tokens -= 1;
  }
}

/**
 * A stand-in for a tenant's Bot Framework connector that ENFORCES Teams' limits for a bot: a
 * token bucket per conversation and one for the tenant; beyond either, HTTP 429 with Retry-After
 * in whole seconds. Teams messages carry no outbox id a bot could read back, so it counts accepted
 * activities per conversation (a 1:1 chat getting two prompts is a duplicate a person would see).
 */
export class RateLimitedConnector {
  readonly accepted = new Map<string, number>();
  readonly firstArrival = new Map<string, number>();
  rejected = 0;
  private readonly conversations = new Map<string, Bucket>();
  private readonly tenant: Bucket;
  private seq = 0;
  private readonly server = new LoopbackServer((req, res) => void this.handle(req, res));

  constructor(private readonly limits: { perConversation: FakeLimit; perTenant: FakeLimit }) {
    this.tenant = new Bucket(limits.perTenant);
  }

  start(): Promise<void> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.server.port}/`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _ of req) {
      // The body is not needed: what counts is which conversation got an activity.
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(path);
    if (req.method !== 'POST' || !match) return json(res, 200, { id: `x${++this.seq}` });
    const conversation = decodeURIComponent(match[1] ?? '');
    let bucket = this.conversations.get(conversation);
    if (!bucket) {
      bucket = new Bucket(this.limits.perConversation);
      this.conversations.set(conversation, bucket);
    }
    const at = now();
    const wait = Math.max(bucket.wait(at), this.tenant.wait(at));
    if (wait > 0) {
      this.rejected++;
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(Math.ceil(wait / 1000)),
      });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'slow down' } }));
      return;
    }
    bucket.take();
    this.tenant.take();
    this.accepted.set(conversation, (this.accepted.get(conversation) ?? 0) + 1);
    if (!this.firstArrival.has(conversation)) this.firstArrival.set(conversation, at);
    json(res, 200, { id: `activity-${++this.seq}` });
  }
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
