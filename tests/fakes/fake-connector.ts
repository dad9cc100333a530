import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
}

/**
 * A stand-in for the Bot Framework connector (a tenant's serviceUrl) on 127.0.0.1: records what
 * the bot sends and answers 200, or 403/429/5xx on demand.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Roster: Teams user id → what GET …/members/{id} answers. */
  readonly members = new Map<string, { name: string; email?: string; userPrincipalName?: string }>();
  private readonly failures: { status: number; retryAfter?: number; code?: string }[] = [];
  /** Roster look-ups received, counted on arrival (before any hold). */
  rosterArrivals = 0;
  /** Roster look-ups are answered only after this many milliseconds: a slow connector. */
  rosterHoldMs = 0;

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

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  failNext(...failures: { status: number; retryAfter?: number; code?: string }[]): void {
    this.failures.push(...failures);
  }

  /** Activities delivered (200) to conversations. */
  delivered(): ConnectorCall[] {
    return this.calls.filter((c) => c.status === 200 && /\/v3\/conversations\/.+\/activities/.test(c.path));
  }

  async waitFor(count = 1, timeoutMs = 8000): Promise<ConnectorCall[]> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.delivered().length >= count) return this.delivered();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(
      `timed out waiting for ${count} activities; got ${JSON.stringify(this.calls.map((c) => `${c.path}:${c.status}`))}`,
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const member = /\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      this.rosterArrivals += 1;
      if (this.rosterHoldMs > 0) await new Promise((resolve) => setTimeout(resolve, this.rosterHoldMs));
      const found = this.members.get(decodeURIComponent(member[1] ?? ''));
      this.calls.push({ method: 'GET', path, body: {}, status: found ? 200 : 404 });
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          found ? { id: member[1], ...found } : { error: { code: 'MemberNotFoundInConversation' } },
        ),
      );
      return;
    }
    const failure = this.failures.shift();
    const status = failure?.status ?? 200;
    this.calls.push({ method: req.method ?? '', path, body, status });
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(failure?.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}),
    });
    res.end(
      JSON.stringify(
        failure
          ? { error: { code: failure.code ?? 'ServiceError', message: 'fake failure' } }
          : // Creating a conversation answers with its id; sending an activity with the activity's.
            {
              id:
                path === '/v3/conversations'
                  ? `a:created-${this.calls.length}`
                  : `activity-${this.calls.length}`,
            },
      ),
    );
  }
}
