import {
  Agent as HttpAgent,
  type AgentOptions as HttpAgentOptions,
  request as httpRequest,
  type IncomingHttpHeaders,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';

/** The app's token source (the Teams SDK's `app.tokenProvider`): a Bot Framework token, or null without credentials. */
export interface BotTokenSource {
  getAppToken(): Promise<{ toString(): string } | null>;
}

/** A connector answer other than 2xx, shaped as the SDK's (axios) errors so one mapping reads both. */
export class ConnectorHttpError extends Error {
  readonly response: {
    readonly status: number;
    readonly headers: IncomingHttpHeaders;
    readonly data: { error?: { code?: string; message?: string } } | undefined;
  };

  constructor(status: number, headers: IncomingHttpHeaders, data: ConnectorHttpError['response']['data']) {
    super(`connector answered ${status}`);
    this.name = 'ConnectorHttpError';
    this.response = { status, headers, data };
  }
}

/** The SDK's own client says `teams.ts[apps]/<version>`; delmal's sends say the same, and who sent them. */
const CONNECTOR_USER_AGENT = `teams.ts[apps]/${
  (createRequire(import.meta.url)('@microsoft/teams.apps/package.json') as { version: string }).version
} delmal`;

/**
 * An activity already turned into JSON: a shared card is serialised once and its bytes reused for
 * every send ({@link ConnectorClient.createActivity} sends them as they are).
 */
export class ActivityJson {
  private constructor(readonly bytes: Buffer) {}

  /** `envelope` (type, from, summary, replyToId …) with `attachments`, already JSON, as its last field. */
  static of(envelope: Readonly<Record<string, unknown>>, attachmentsJson: Buffer): ActivityJson {
    const head = JSON.stringify(envelope);
    // `head` is a non-empty object (`{…}`): its closing brace makes way for the attachments.
    const separator = head === '{}' ? '{' : `${head.slice(0, -1)},`;
    return new ActivityJson(
      Buffer.concat([Buffer.from(`${separator}"attachments":`), attachmentsJson, CLOSE_BRACE]),
    );
  }
}
const CLOSE_BRACE = Buffer.from('}');

/** Largest connector answer read (an activity id; errors are small too). */
const RESPONSE_LIMIT = 64 * 1024;

/**
 * Posts activities to a conversation at its Bot Framework service URL over kept-alive
 * connections, with the token the Teams SDK's own token source gives (its MSAL cache; none
 * without credentials) — the same request the SDK's `conversations.activities(id).create` makes,
 * without its per-call client clone and axios pipeline. The caller checks the service URL
 * against the allow-list first (`TeamsPort`).
 */
export class ConnectorClient {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;
  private readonly userAgent: string;

  /**
   * `env` is where the proxy settings are read (default `process.env`): `HTTPS_PROXY`/`HTTP_PROXY`
   * and `NO_PROXY` (either case), as the SDK's own client (axios) honours them — through Node's
   * own proxy support in the agents (a CONNECT tunnel for HTTPS, the absolute URL for HTTP).
   * `userAgent` names the sender as the SDK does (`teams.ts[apps]/<version>`), with delmal's name.
   */
  constructor(
    private readonly tokens: BotTokenSource,
    options: { readonly env?: NodeJS.ProcessEnv; readonly userAgent?: string } = {},
  ) {
    const agentOptions: HttpAgentOptions & { readonly proxyEnv: NodeJS.ProcessEnv } = {
      keepAlive: true,
      maxSockets: 64,
      proxyEnv: options.env ?? process.env,
    };
    this.http = new HttpAgent(agentOptions);
    this.https = new HttpsAgent(agentOptions);
    this.userAgent = options.userAgent ?? CONNECTOR_USER_AGENT;
  }

  /**
   * Creates `activity` (an object, or {@link ActivityJson} already serialised) in `conversationId`
   * (`…;messageid=…` for a thread); resolves with its id.
   */
  async createActivity(
    serviceUrl: string,
    conversationId: string,
    activity: unknown,
    signal?: AbortSignal,
  ): Promise<{ id: string }> {
    // `id` is '' when the connector created the activity but its answer did not say the id.
    const base = serviceUrl.endsWith('/') ? serviceUrl.slice(0, -1) : serviceUrl;
    // The path as the SDK builds it (the id unencoded), normalised by the URL parser as axios does.
    const url = new URL(`${base}/v3/conversations/${conversationId}/activities`);
    const body = activity instanceof ActivityJson ? activity.bytes : Buffer.from(JSON.stringify(activity));
    const token = (await this.tokens.getAppToken())?.toString();
    const secure = url.protocol === 'https:';
    if (signal?.aborted) throw notSent('aborted before the request was sent');
    return new Promise((resolve, reject) => {
      // Whether the whole body left this process: until then the connector cannot have created
      // the activity (it needs every byte `content-length` announces), so an abort is a clean miss.
      let written = false;
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          agent: secure ? this.https : this.http,
          // The send's time limit: a connection that hangs is not kept for nothing.
          ...(signal ? { signal } : {}),
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'user-agent': this.userAgent,
            ...(token?.trim() ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= RESPONSE_LIMIT) chunks.push(chunk);
          });
          res.on('error', reject);
          res.on('end', () => {
            const head = Buffer.concat(chunks).toString('utf8');
            const data = parse(head);
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve({ id: activityId(data, head) });
            else
              reject(
                new ConnectorHttpError(status, res.headers, data as ConnectorHttpError['response']['data']),
              );
          });
        },
      );
      req.on('finish', () => {
        written = true;
      });
      req.on('error', (error) => reject(written || !signal?.aborted ? error : notSent(error.message)));
      req.end(body);
    });
  }
}

/** An error the outbox reads as "never reached the platform": safe to send again (`ENOTSENT`). */
function notSent(message: string): Error {
  return Object.assign(new Error(message), { code: 'ENOTSENT' });
}

/**
 * The created activity's id: from the parsed answer, or — an answer longer than `RESPONSE_LIMIT`,
 * cut off and unparseable — from the `"id"` at its head (the connector writes it first); '' if none.
 */
function activityId(data: unknown, head: string): string {
  const parsed = (data as { id?: unknown } | undefined)?.id;
  if (typeof parsed === 'string') return parsed;
  return /^\s*\{\s*"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(head)?.[1] ?? '';
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
