import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { withRequestId } from '../request-id.js';
import { InFlight } from './in-flight.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type Method = 'GET' | 'POST';

/**
 * The one HTTP server delmal runs: health checks, the local playground, Slack's `/slack/events`
 * and Teams' `/api/messages` all share one port. A route is registered before `listen`, or reserved
 * then and registered once its adapter has loaded.
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  /** Routes whose handler comes later (an adapter still loading), with when it will be there. */
  private readonly reserved = new Map<string, Promise<unknown>>();
  private server: Server | undefined;
  private closing = false;
  /**
   * Requests being answered, and work adapters do after answering (Slack's handlers run after
   * its ack): shutdown waits for it, tests await it.
   */
  readonly work = new InFlight();

  constructor(private readonly logger: Logger) {}

  /** Registers `handler` for exactly `method path` (no patterns: every route is a known address). */
  route(method: Method, path: string, handler: RouteHandler): void {
    const key = `${method} ${path}`;
    if (this.routes.has(key)) throw new Error(`Route already registered: ${key}`);
    this.routes.set(key, handler);
  }

  /**
   * Reserves `method path` for a handler registered (with `route`) by the time `ready` settles: a
   * request arriving sooner waits for it instead of getting a 404. Should `ready` fail, such a
   * request gets 503 (the process is stopping: start-up failed).
   */
  reserve(method: Method, path: string, ready: Promise<unknown>): void {
    this.reserved.set(`${method} ${path}`, ready);
  }

  /** Starts listening; resolves with the bound port (useful with port 0 in tests). */
  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    const server = createServer((req, res) => {
      // While shutting down, a kept-alive connection gets its answer and is then closed.
      if (this.closing) res.setHeader('connection', 'close');
      const answered = new Promise<void>((resolve) =>
        res.once('close', () => {
          // The connection falls idle: close it now rather than wait out keep-alive.
          if (this.closing) setImmediate(() => server.closeIdleConnections());
          resolve();
        }),
      );
      // Every log line written for this request, in any layer and in work it starts, carries its id.
      const given = req.headers['x-request-id'];
      void withRequestId(typeof given === 'string' ? given : undefined, (id) => {
        res.setHeader('x-request-id', id);
        return this.work.track(Promise.all([this.dispatch(req, res, id), answered]));
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  /**
   * Stops accepting connections, lets requests in flight (and the work they started) finish for up
   * to `graceMs`, closing kept-alive connections as they fall idle; then cuts whatever is left.
   * Resolves true when everything finished in time.
   */
  async close(graceMs = 0): Promise<boolean> {
    const server = this.server;
    if (!server) return this.work.size === 0;
    this.closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.work.idle().then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) this.logger.warn({ inFlight: this.work.size, graceMs }, 'shutdown grace over; cutting');
    server.closeAllConnections();
    await closed;
    this.server = undefined;
    return finished;
  }

  /**
   * One line per request when it is answered, with its request id (the logger adds it): the route
   * and the status, never the query, a header or the body. Probes (GET) log at debug.
   */
  private logAnswer(res: ServerResponse, route: string, requestId: string): void {
    const level = route.startsWith('GET ') ? 'debug' : 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    const started = performance.now();
    // The id is given, not looked up: 'finish' fires outside the request's context.
    res.once('finish', () => {
      const line = { requestId, route, status: res.statusCode, ms: Math.round(performance.now() - started) };
      this.logger[level](line, 'http request answered');
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const path = pathOf(req.url);
    // HEAD is GET without a body (load balancers and uptime checks use it); Node's response
    // object drops the body of a HEAD response by itself, headers and status stay the same.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const key = `${method} ${path}`;
    const pending = this.routes.has(key) ? undefined : this.reserved.get(key);
    if (pending) {
      const loaded = await pending.then(
        () => true,
        () => false, // start-up failed: startDelmal throws it and closes this server
      );
      if (!loaded) return sendJson(res, 503, { error: 'unavailable' });
    }
    const handler = this.routes.get(key);
    if (handler) this.logAnswer(res, key, requestId);
    if (!handler) {
      const allowed = [...new Set([...this.routes.keys(), ...this.reserved.keys()])]
        .filter((k) => k.endsWith(` ${path}`))
        .flatMap((k) => (k.startsWith('GET ') ? ['GET', 'HEAD'] : [k.split(' ')[0]]));
      res.writeHead(allowed.length > 0 ? 405 : 404, {
        'content-type': 'application/json',
        ...(allowed.length > 0 ? { allow: allowed.join(', ') } : {}),
      });
      res.end(JSON.stringify({ error: allowed.length > 0 ? 'method_not_allowed' : 'not_found' }));
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      this.logger.error({ err: error, path }, 'unhandled error in HTTP route');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal_error' }));
    }
  }
}

// A path of plain segments (what every route of ours is), with or without a query: read as it is.
const PLAIN_PATH = /^(\/[A-Za-z0-9_-]+)*\/?(?=\?|$)/;

/** The path of a request target, normalised as the URL parser does (`/a/../b`, `%2F` …). */
function pathOf(url = '/'): string {
  const plain = PLAIN_PATH.exec(url);
  return plain ? plain[0] || '/' : new URL(url, 'http://localhost').pathname;
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
