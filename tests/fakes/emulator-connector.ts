import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';

/** One conversation the Emulator opened ("Open Bot"): its ids as the Emulator makes them. */
export interface EmulatorSession {
  /** `<uuid>|livechat-url`: the Emulator appends the chat mode to the id. */
  readonly conversationId: string;
  readonly botId: string;
  readonly userId: string;
  /** `http://localhost:<port>`, no path and no trailing slash. */
  readonly serviceUrl: string;
}

export interface EmulatorCall {
  readonly method: string;
  /** Decoded, as the Emulator's router reads it. */
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
}

type Answer = { readonly status: number; readonly body: unknown };

// The Emulator's channel routes (mountConversationsRoutes.ts): a path with another method → 405.
const ROUTES: readonly { readonly path: RegExp; readonly methods: readonly string[] }[] = [
  { path: /^\/v3\/conversations$/, methods: ['POST', 'GET'] },
  { path: /^\/v3\/conversations\/[^/]+\/activities$/, methods: ['POST', 'GET'] },
  { path: /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/, methods: ['POST', 'PUT', 'DELETE'] },
  { path: /^\/v3\/conversations\/[^/]+\/members$/, methods: ['GET'] },
  { path: /^\/v3\/conversations\/[^/]+\/activities\/[^/]+\/members$/, methods: ['GET'] },
  { path: /^\/v3\/conversations\/[^/]+\/attachments$/, methods: ['POST'] },
];

/**
 * A stand-in for the Bot Framework Emulator's built-in connector (v4.15.1, a restify server on
 * `http://localhost:<port>`), answering the way its handlers do — see the test that uses it for
 * the source files. What matters to delmal:
 * - `GET …/members/{id}` is no route there: restify answers 404 `ResourceNotFound`, and the
 *   roster (`GET …/members`) lists `{ id, name }` only — the Emulator's user has no e-mail;
 * - creating an activity reads `from.name` of the bot's activity: without `from` it answers
 *   400 `ServiceError` and the user sees nothing.
 * Without an App ID and password the bot sends no token, and the Emulator checks none.
 */
export class EmulatorConnector {
  readonly calls: EmulatorCall[] = [];
  private readonly sessions = new Map<string, EmulatorSession>();
  private readonly server = new LoopbackServer((req, res) => void this.handle(req, res));

  start(): Promise<void> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** "Open Bot": the conversation the Emulator creates for a bot URL, with a new bot and user id. */
  open(): EmulatorSession {
    const session = {
      conversationId: `${randomUUID()}|livechat-url`,
      botId: randomUUID(),
      userId: randomUUID(),
      serviceUrl: `http://localhost:${this.server.port}`,
    };
    this.sessions.set(session.conversationId, session);
    return session;
  }

  /** Activities the Emulator accepted and shows in its chat. */
  shownActivities(): EmulatorCall[] {
    return this.calls.filter((c) => c.method !== 'GET' && c.status === 200);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const method = req.method ?? '';
    const answer = this.answer(method, path, body);
    this.calls.push({ method, path, body, status: answer.status });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }

  private answer(method: string, path: string, body: Record<string, unknown>): Answer {
    const [, conversationId = '', rest = ''] = /^\/v3\/conversations\/([^/]+)(.*)$/.exec(path) ?? [];
    const session = this.sessions.get(conversationId);
    const route = ROUTES.find((r) => r.path.test(path));
    if (!route) return { status: 404, body: { code: 'ResourceNotFound', message: `${path} does not exist` } };
    if (!route.methods.includes(method))
      return { status: 405, body: { code: 'MethodNotAllowed', message: `${method} is not allowed` } };
    // getConversation.ts refuses a conversation it does not hold (404 in its APIException).
    if (!session) return apiError(404, 'BadArgument', 'conversation not found');
    if (method === 'GET' && rest.endsWith('/members'))
      return {
        status: 200,
        body: [
          { id: session.botId, name: 'Bot' },
          { id: session.userId, name: 'User' },
        ],
      };
    if (method === 'POST' && rest.startsWith('/activities')) {
      const from = body.from as { name?: unknown } | undefined;
      // prepActivityToBeSentToUser reads `activity.from.name`; the TypeError becomes a 400.
      if (from === undefined || from === null)
        return apiError(400, 'ServiceError', "Cannot read properties of undefined (reading 'name')");
      return { status: 200, body: { id: randomUUID() } };
    }
    return apiError(400, 'ServiceError', `not modelled: ${method} ${path}`);
  }
}

function apiError(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message } } };
}
