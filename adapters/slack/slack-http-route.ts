import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AckFn,
  type App,
  type Receiver,
  type ReceiverEvent,
  ReceiverMultipleAckError,
} from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { BodyError, readBody, refuseBody } from '../../src/server/body.js';
import { boltLogger } from './bolt-logger.js';
import { CHECK_IN_CALLBACK } from './check-in-modal.js';
import { EVENT_STORED } from './event-stored.js';
import { serializedAck } from './serialized-ack.js';
import { receiverErrorHandlers } from './slack-boundary.js';
import { checkSlackBody } from './slack-inbound.js';

/** Largest body `/slack/events` reads; Slack's own payloads stay far below (a message is ≤ 40k chars). */
export const SLACK_BODY_LIMIT = 256 * 1024;

type ErrorHandlers = ReturnType<typeof receiverErrorHandlers>;

/**
 * Bolt's receiver seam (`init/start/stop`, events handed to `app.processEvent`) for
 * `POST /slack/events` on delmal's shared server. It does what Bolt's `HTTPReceiver` does for
 * delmal, once instead of twice: the body is read within {@link SLACK_BODY_LIMIT} (413 beyond,
 * before any parsing), its signature and timestamp checked as Bolt's `verifySlackRequest` does
 * (HMAC-SHA256 over the bytes read, at most 5 minutes old; 401), parsed once and its shape checked (400), then handed to
 * Bolt with an `ack` that answers at once, refuses a second ack, and answers for a listener that has
 * not acked within Slack's 3 seconds. Events are the exception (Bolt acks them before any listener
 * runs, and Slack never sends an acknowledged event again): their 200 waits until the listener says
 * its receipt and answer are committed ({@link EVENT_STORED}) or it finishes — Bolt's
 * `processBeforeResponse` for events, still bounded by the safety ack. Slack's retry headers
 * reach the listeners as `retryNum`/`retryReason`. Bolt's `HTTPReceiver` verified and parsed every
 * body a second time, behind our own checks, and built a buffered request per event: the profile
 * of the answer path put that at about a fifth of its CPU.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly handlers: ErrorHandlers;
  private readonly boltLogger: ReturnType<typeof boltLogger>;

  constructor(
    private readonly options: {
      readonly signingSecret: string;
      readonly logger: Logger;
    },
  ) {
    this.handlers = receiverErrorHandlers(options.logger);
    this.boltLogger = boltLogger(options.logger);
  }

  init(app: App): void {
    this.app = app;
  }

  /** Nothing to start: the route lives on the shared server. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** The `POST /slack/events` handler. */
  route(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
    return (req, res) => this.handle(req, res);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger, signingSecret } = this.options;
    let raw: Buffer;
    try {
      raw = await readBody(req, SLACK_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      logger.warn({ status: error.status, limit: SLACK_BODY_LIMIT }, 'Slack request refused');
      return refuseBody(res, error, { error: 'payload_too_large' });
    }
    const text = raw.toString('utf8');
    const contentType = req.headers['content-type'];
    // ssl_check is Slack's probe (`token=…&ssl_check=1`, the field anywhere in the form, as Slack's
    // SDKs read it): answered 200, and nothing else in it is looked at.
    if (contentType === 'application/x-www-form-urlencoded' && sslCheck(text)) {
      res.writeHead(200);
      res.end();
      return;
    }
    if (!signed(req, raw, signingSecret)) return refuse(res, 401, 'invalid_signature');
    const check = checkSlackBody(text, contentType);
    if (!check.ok) {
      logger.warn({ reason: check.reason }, 'signed Slack request with an unexpected shape; refused');
      return refuse(res, 400, 'bad_request');
    }
    const { body } = check;
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    const app = this.app;
    if (!app) return refuse(res, 503, 'slack_not_initialized');
    // delmal's check-in form acknowledges itself once the check-in is committed (or with the form's
    // errors): a safety ack would close the form while the write may still be lost to a crash. If it
    // is slow, Slack keeps the form open with its own error and the owner submits it again, which the
    // view's idempotency key records once.
    const safetyAck = !ownCheckInForm(body);
    const ack = new ResponseAck(
      res,
      safetyAck ? this.handlers.unhandledRequestTimeoutMillis : undefined,
      () => this.handlers.unhandledRequestHandler({ logger: this.boltLogger, request: req, response: res }),
    );
    // An event's 200 is held back from Bolt's automatic ack until its effect is stored (or its
    // listeners are done); slash commands and interactions answer in their ack, as before.
    const holdAck = body.type === 'event_callback';
    const event: ReceiverEvent = {
      body,
      ack: holdAck ? ack.held : ack.fn,
      retryNum: header(req, 'x-slack-retry-num', (v) => Number.parseInt(v, 10)),
      retryReason: header(req, 'x-slack-retry-reason', (v) => v),
      customProperties: holdAck ? { [EVENT_STORED]: () => ack.release() } : {},
    };
    try {
      await app.processEvent(event);
      // Bolt is done with the request: every listener has returned, so nothing else will
      // acknowledge it (no listener matched, or Bolt could not tell what it is). Answered now,
      // not by the safety timer near Slack's 3 seconds.
      ack.release();
    } catch (error) {
      const acknowledged = await this.handlers.processEventErrorHandler({
        error: error as Error,
        logger: this.boltLogger,
        request: req,
        response: res,
        storedResponse: undefined,
      });
      // As Bolt's receiver: only a handler that says it acknowledged stops the ack timer. An event
      // is answered in any case: its listeners are done, nothing more will be stored.
      if (acknowledged) ack.settle();
      else if (holdAck) ack.release();
    }
  }
}

/** Whether a form carries `ssl_check=1` in any position (`URLSearchParams` reads every field). */
function sslCheck(form: string): boolean {
  return form.includes('ssl_check') && new URLSearchParams(form).getAll('ssl_check').includes('1');
}

/** A submission of delmal's own check-in form (its handler acks after the commit, on every path). */
function ownCheckInForm(body: Record<string, unknown>): boolean {
  const view = body.view;
  return (
    body.type === 'view_submission' &&
    typeof view === 'object' &&
    view !== null &&
    (view as { callback_id?: unknown }).callback_id === CHECK_IN_CALLBACK
  );
}

/** One request's `ack`: answers at once, once; `unhandled` answers if nobody acked within `timeoutMs`. */
class ResponseAck {
  private acked = false;
  private heldBack = false;
  private readonly timer: NodeJS.Timeout | undefined;
  readonly fn: AckFn<unknown>;
  /** An `ack` that answers nothing yet (once, like `fn`): {@link release} answers. */
  readonly held: AckFn<unknown> = async () => {
    if (this.heldBack || this.acked) throw new ReceiverMultipleAckError();
    this.heldBack = true;
  };

  /** Without `timeoutMs` nothing answers for the handler: it acknowledges itself on every path. */
  constructor(
    private readonly res: ServerResponse,
    timeoutMs: number | undefined,
    unhandled: () => void,
  ) {
    this.timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            if (!this.acked) unhandled();
          }, timeoutMs);
    this.fn = async (body?: unknown) => {
      if (this.acked) throw new ReceiverMultipleAckError();
      this.settle();
      respond(this.res, body);
    };
  }

  /** Answers an empty 200 now, unless something already answered. */
  release(): void {
    if (this.acked) return;
    this.settle();
    respond(this.res, undefined);
  }

  /** Counts as acknowledged (the error handler answered): the timer stops. */
  settle(): void {
    this.acked = true;
    clearTimeout(this.timer);
  }
}

/** What Bolt's receiver answers for an ack body: empty, text, or JSON (already serialised or not). */
function respond(res: ServerResponse, body: unknown): void {
  if (res.headersSent) return;
  const serialized = serializedAck(body);
  if (serialized) {
    res.writeHead(200, serialized.headers);
    res.end(serialized.bytes);
  } else if (!body) {
    res.writeHead(200);
    res.end();
  } else if (typeof body === 'string') {
    res.writeHead(200);
    res.end(body);
  } else {
    const json = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  }
}

function header<T>(req: IncomingMessage, name: string, read: (value: string) => T): T | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : read(first);
}

/** Slack's window: a request signed more than 5 minutes ago is refused (a replay), as Bolt does. */
const MAX_AGE_SECONDS = 5 * 60;

/**
 * Slack's v0 signature over the raw body as read — what Bolt's `verifySlackRequest` checks (a
 * timestamp no older than 5 minutes; HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing
 * secret, compared in constant time), computed over the bytes received instead of a re-encoded
 * string of them.
 */
function signed(req: IncomingMessage, raw: Buffer, signingSecret: string, nowMs = Date.now()): boolean {
  const signature = req.headers['x-slack-signature'];
  const stamp = req.headers['x-slack-request-timestamp'];
  const timestamp = Number(stamp);
  if (!signingSecret || typeof signature !== 'string' || typeof stamp !== 'string') return false;
  if (!Number.isFinite(timestamp) || timestamp < Math.floor(nowMs / 1000) - MAX_AGE_SECONDS) return false;
  if (!signature.startsWith('v0=')) return false;
  const given = Buffer.from(signature.slice(3), 'utf8');
  const ours = createHmac('sha256', signingSecret).update(`v0:${stamp}:`).update(raw).digest();
  const expected = Buffer.from(ours.toString('hex'), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function refuse(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error }));
}
