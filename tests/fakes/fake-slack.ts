import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';

export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
}

export interface ScriptedFailure {
  readonly status: number;
  readonly retryAfter?: number;
  /** With status 200: Slack's `{ ok: false, error }`, e.g. invalid_auth. */
  readonly error?: string;
}

/**
 * A stand-in for Slack's Web API and response URLs on 127.0.0.1: records every call, answers
 * like Slack (auth.test, users.info, chat.postMessage …), and fails on demand (429 with
 * Retry-After, 5xx) to test delivery.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, { email: string; name: string }>();
  private readonly failures = new Map<string, ScriptedFailure[]>();
  /** Calls received per method, counted on arrival (before any hold). */
  readonly arrivals = new Map<string, number>();
  /** Methods answered only after this many milliseconds: a slow Slack. */
  readonly holds = new Map<string, number>();
  private readonly gates = new Map<string, Promise<void>>();
  private readonly slow = new Map<string, number[]>();
  /** Messages posted per channel, as conversations.history returns them (oldest first here). */
  readonly messages = new Map<
    string,
    { ts: string; text: unknown; thread_ts?: unknown; metadata?: unknown }[]
  >();
  private clockTs = 1_700_000_000;

  /** Posts `count` messages from other people into `channel` (a busy channel). */
  chatter(channel: string, count: number): void {
    const list = this.messages.get(channel) ?? [];
    for (let i = 0; i < count; i++) list.push({ ts: `${this.clockTs++}.000100`, text: `chatter ${i}` });
    this.messages.set(channel, list);
  }
  /** Where apps.connections.open sends Socket Mode clients (see FakeSocketMode). */
  socketUrl: string | undefined;

  private readonly server = new LoopbackServer((req, res) => void this.handle(req, res));

  start(): Promise<void> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private get port(): number {
    return this.server.port;
  }

  /** Base URL for `SLACK_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url Slack would put in a payload. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next calls of `method` (Web API method, or `response` for response URLs) fail like this. */
  failNext(method: string, ...failures: ScriptedFailure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /**
   * The next call of `method` is carried out (a message is posted) but answered only after `ms`:
   * a client that gives up first cannot know whether it arrived.
   */
  slowNext(method: string, ms: number): void {
    this.slow.set(method, [...(this.slow.get(method) ?? []), ms]);
  }

  /**
   * Calls of `method` wait, neither carried out nor answered, until the returned function is
   * called; one whose caller goes away meanwhile (a killed process) is dropped, as if never sent.
   */
  gate(method: string): () => void {
    let open = () => {};
    this.gates.set(
      method,
      new Promise<void>((resolve) => {
        open = resolve;
      }),
    );
    return () => {
      this.gates.delete(method);
      open();
    };
  }

  /** Successful calls of one method. */
  delivered(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Waits until `count` successful calls of `method` have arrived. */
  async waitFor(method: string, count = 1, timeoutMs = 8000): Promise<RecordedCall[]> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const done = this.delivered(method);
      if (done.length >= count) return done;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(
      `timed out waiting for ${count} × ${method}; got ${JSON.stringify(this.calls.map((c) => `${c.method}:${c.status}`))}`,
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const method = path.startsWith('/response/') ? 'response' : path.replace(/^\/api\//, '');
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    this.arrivals.set(method, (this.arrivals.get(method) ?? 0) + 1);
    const hold = this.holds.get(method);
    if (hold) await new Promise((resolve) => setTimeout(resolve, hold));
    const gate = this.gates.get(method);
    if (gate) {
      await Promise.race([gate, new Promise((resolve) => res.once('close', resolve))]);
      if (res.destroyed) return;
    }
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      this.calls.push({ method, body, status: failure.status });
      res.writeHead(failure.status, {
        'content-type': 'application/json',
        ...(failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}),
      });
      res.end(
        JSON.stringify({
          ok: false,
          error: failure.error ?? (failure.status === 429 ? 'ratelimited' : 'internal_error'),
        }),
      );
      return;
    }
    this.calls.push({ method, body, status: 200 });
    const answer = JSON.stringify(this.answer(method, body));
    const delay = this.slow.get(method)?.shift();
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(answer);
  }

  private answer(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: 'UBOT',
          bot_id: 'BBOT',
          team_id: 'T0001',
          user: 'delmal',
          team: 'Region',
        };
      case 'users.info': {
        const user = this.users.get(String(body.user));
        return user
          ? {
              ok: true,
              user: { id: body.user, name: user.name, real_name: user.name, profile: { email: user.email } },
            }
          : { ok: false, error: 'user_not_found' };
      }
      case 'users.lookupByEmail': {
        const found = [...this.users].find(
          ([, u]) => u.email.toLowerCase() === String(body.email).toLowerCase(),
        );
        return found
          ? {
              ok: true,
              user: {
                id: found[0],
                name: found[1].name,
                real_name: found[1].name,
                profile: { email: found[1].email },
              },
            }
          : { ok: false, error: 'users_not_found' };
      }
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage': {
        const channel = String(body.channel);
        // Like Slack: a user id as channel posts into the app's DM with that user.
        const id = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
        const ts = `${this.clockTs++}.000100`;
        const list = this.messages.get(id) ?? [];
        list.push({ ts, text: body.text, thread_ts: body.thread_ts, metadata: body.metadata });
        this.messages.set(id, list);
        return { ok: true, channel: id, ts };
      }
      case 'conversations.open': {
        const user = String(body.users);
        return this.users.has(user)
          ? { ok: true, channel: { id: `D${user.slice(1)}` } }
          : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const oldest = Number(body.oldest ?? 0);
        const all = (this.messages.get(String(body.channel)) ?? []).filter(
          (m) =>
            Number(m.ts) >= oldest &&
            (method === 'conversations.history' ? !m.thread_ts : m.thread_ts === body.ts || m.ts === body.ts),
        );
        const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
        // Newest first, in pages of `limit` (Slack's default 100) behind an opaque cursor.
        const from = Number(body.cursor ?? 0);
        const limit = Number(body.limit ?? 100);
        const page = all.reverse().slice(from, from + limit);
        const more = from + limit < all.length;
        return {
          ok: true,
          has_more: more,
          ...(more ? { response_metadata: { next_cursor: String(from + limit) } } : {}),
          messages: page.map(({ metadata, ...m }) => ({
            type: 'message',
            ...m,
            ...(withMetadata && metadata ? { metadata } : {}),
          })),
        };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'response':
        return { ok: true };
      default:
        return { ok: true };
    }
  }
}

/** Web API calls arrive form-encoded with JSON in some fields (blocks); response URLs as JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}
