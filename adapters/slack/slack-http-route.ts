import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { BodyError, readBody, refuseBody } from '../../src/server/body.js';
import { checkSlackBody } from './slack-inbound.js';

/** Largest body `/slack/events` reads; Slack's own payloads stay far below (a message is ≤ 40k chars). */
export const SLACK_BODY_LIMIT = 256 * 1024;

/**
 * `POST /slack/events` in front of Bolt's receiver: the body is read once, within
 * {@link SLACK_BODY_LIMIT} (413 beyond, before any parsing), its signature verified (401), and its
 * shape checked (400) before Bolt sees it — Bolt's receiver crashes the process on a signed `null`.
 * Bolt then verifies the signature again on the same bytes, so its own protection stays on.
 */
export function slackEventsRoute(
  receiver: HTTPReceiver,
  options: { readonly signingSecret: string; readonly logger: Logger },
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let raw: Buffer;
    try {
      raw = await readBody(req, SLACK_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      options.logger.warn({ status: error.status, limit: SLACK_BODY_LIMIT }, 'Slack request refused');
      return refuseBody(res, error, { error: 'payload_too_large' });
    }
    const text = raw.toString('utf8');
    const contentType = req.headers['content-type'];
    // ssl_check is Slack's unsigned probe; Bolt answers it (and strips anything else from it).
    const sslCheck = contentType === 'application/x-www-form-urlencoded' && /^ssl_check=1(&|$)/.test(text);
    if (!sslCheck && !signed(req, text, options.signingSecret)) return refuse(res, 401, 'invalid_signature');
    const check = checkSlackBody(text, contentType);
    if (!check.ok) {
      options.logger.warn({ reason: check.reason }, 'signed Slack request with an unexpected shape; refused');
      return refuse(res, 400, 'bad_request');
    }
    // Bolt reads `rawBody` when it is already there instead of the (consumed) stream.
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    receiver.requestListener(req, res);
  };
}

function signed(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
  });
}

function refuse(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error }));
}
