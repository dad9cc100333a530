import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Random } from './random.js';

/** How often each fault is injected into a send (chat.postMessage, Teams activity POST). */
export interface FaultMix {
  /** Carried out at a random moment before the answer, which comes after the send timeout. */
  readonly late: number;
  /** The connection is reset before the message is carried out (nothing arrives). */
  readonly resetBefore: number;
  /** The message is carried out, then the connection is reset (it arrived; nobody was told). */
  readonly resetAfter: number;
  readonly serverError: number;
  /** 429 with `Retry-After: 1`. */
  readonly limitedSeconds: number;
  /** 429 with `Retry-After` as an HTTP date two seconds ahead. */
  readonly limitedDate: number;
}

export const NO_FAULTS: FaultMix = {
  late: 0,
  resetBefore: 0,
  resetAfter: 0,
  serverError: 0,
  limitedSeconds: 0,
  limitedDate: 0,
};

type Fault = keyof FaultMix | 'none';

/**
 * Slack's Web API (chat.postMessage, conversations.history with cursor paging) and a Bot Framework
 * connector (activity POST) on one loopback port, injecting the faults of `mix`. It counts what a
 * person would see: arrivals per outbox id (Slack: the message metadata) or per message summary
 * (Teams: the bench gives each message its own), so a duplicate is counted where it lands.
 */
export class FaultyPlatform {
  readonly arrivals = new Map<string, number>();
  readonly injected = new Map<Fault, number>();
  private readonly channels = new Map<string, { ts: string; metadata: unknown }[]>();
  private seq = 0;
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  constructor(
    private mix: FaultMix,
    private readonly random: Random,
    /** A late answer comes this long after the request (past the outbox's send timeout). */
    private readonly lateMs: number,
  ) {}

  setMix(mix: FaultMix): void {
    this.mix = mix;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private pick(): Fault {
    let r = this.random.next();
    for (const [name, p] of Object.entries(this.mix) as [keyof FaultMix, number][]) {
      if (r < p) return name;
      r -= p;
    }
    return 'none';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/conversations.history') return this.history(new URLSearchParams(raw), res);
    const slack = path === '/api/chat.postMessage';
    const teams = /^\/v3\/conversations\/[^/]+\/activities$/.test(path);
    if (!slack && !teams) return json(res, 404, { ok: false, error: 'unknown_method' });
    const form = slack ? new URLSearchParams(raw) : undefined;
    const key = slack ? slackKey(form) : String((JSON.parse(raw) as { summary?: unknown }).summary);
    const land = () => {
      this.arrivals.set(key, (this.arrivals.get(key) ?? 0) + 1);
      if (form) this.post(form);
    };
    const answer = () =>
      slack
        ? json(res, 200, { ok: true, channel: form?.get('channel'), ts: this.lastTs() })
        : json(res, 201, { id: `1:${key}` });
    const fault = this.pick();
    this.injected.set(fault, (this.injected.get(fault) ?? 0) + 1);
    switch (fault) {
      case 'late': {
        setTimeout(land, this.random.int(0, this.lateMs));
        await sleep(this.lateMs + 5);
        if (!res.destroyed) answer();
        return;
      }
      case 'resetBefore':
        req.socket.destroy();
        return;
      case 'resetAfter':
        land();
        req.socket.destroy();
        return;
      case 'serverError':
        return json(res, 503, { ok: false, error: 'service_unavailable' });
      case 'limitedSeconds':
        return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      case 'limitedDate':
        return json(
          res,
          429,
          { ok: false, error: 'ratelimited' },
          {
            'retry-after': new Date(Date.now() + 2000).toUTCString(),
          },
        );
      default:
        await sleep(this.random.int(1, 5));
        land();
        answer();
    }
  }

  private post(form: URLSearchParams): void {
    const channel = form.get('channel') ?? '';
    const list = this.channels.get(channel) ?? [];
    const metadata = form.get('metadata');
    list.push({ ts: this.nextTs(), metadata: metadata ? JSON.parse(metadata) : undefined });
    this.channels.set(channel, list);
  }

  private nextTs(): string {
    this.seq++;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  private lastTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  private history(form: URLSearchParams, res: ServerResponse): void {
    const oldest = Number(form.get('oldest') ?? 0);
    const all = (this.channels.get(form.get('channel') ?? '') ?? [])
      .filter((m) => Number(m.ts) >= oldest)
      .reverse();
    const from = Number(form.get('cursor') || 0);
    const limit = Number(form.get('limit') ?? 100);
    const more = from + limit < all.length;
    json(res, 200, {
      ok: true,
      has_more: more,
      ...(more ? { response_metadata: { next_cursor: String(from + limit) } } : {}),
      messages: all
        .slice(from, from + limit)
        .map((m) => ({ type: 'message', ts: m.ts, metadata: m.metadata })),
    });
  }
}

function slackKey(form: URLSearchParams | undefined): string {
  const metadata = form?.get('metadata');
  const parsed = metadata ? (JSON.parse(metadata) as { event_payload?: { outbox_id?: string } }) : undefined;
  return parsed?.event_payload?.outbox_id ?? 'no-id';
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
