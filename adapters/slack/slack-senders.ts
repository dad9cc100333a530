import { ErrorCode, type WebAPICallError, type WebClient } from '@slack/web-api';
import type { Outbox, SendOutcome } from '../../src/delivery/outbox.js';

/** Outbox kinds the Slack adapter sends. */
export const SLACK_POST_MESSAGE = 'slack.chat.postMessage';
export const SLACK_RESPONSE_URL = 'slack.response_url';
export const SLACK_VIEWS_PUBLISH = 'slack.views.publish';

// Platform errors that are worth another try; every other `ok: false` is permanent.
const TRANSIENT = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** What a Web API failure means for delivery: wait and retry, or give up and record it. */
export function slackOutcome(error: unknown): SendOutcome {
  const e = error as WebAPICallError;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { ok: false, retry: true, error: 'rate_limited', retryAfterMs: e.retryAfter * 1000 };
    case ErrorCode.HTTPError:
      return { ok: false, retry: e.statusCode >= 500 || e.statusCode === 408, error: `http_${e.statusCode}` };
    case ErrorCode.PlatformError:
      return { ok: false, retry: TRANSIENT.has(String(e.data.error)), error: String(e.data.error) };
    default:
      return { ok: false, retry: true, error: e.message ?? String(error) };
  }
}

/** Registers the Slack senders with the outbox. Web API retries are off: the outbox retries, persistently. */
export function registerSlackSenders(
  outbox: Outbox,
  client: WebClient,
  fetchImpl: typeof fetch = fetch,
): void {
  const call = (method: (payload: never) => Promise<unknown>) => async (payload: unknown) => {
    try {
      await method(payload as never);
      return { ok: true } as const;
    } catch (error) {
      return slackOutcome(error);
    }
  };
  outbox.register(
    SLACK_POST_MESSAGE,
    call((p) => client.chat.postMessage(p)),
  );
  outbox.register(
    SLACK_VIEWS_PUBLISH,
    call((p) => client.views.publish(p)),
  );
  outbox.register(SLACK_RESPONSE_URL, async (payload) => {
    const { url, body } = payload as { url: string; body: unknown };
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) return { ok: true };
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after') ?? '1');
      return {
        ok: false,
        retry: true,
        error: 'rate_limited',
        retryAfterMs: (Number.isFinite(seconds) ? seconds : 1) * 1000,
      };
    }
    // A response_url lives 30 minutes and takes 5 posts; 404 and 410 mean it is spent.
    return { ok: false, retry: response.status >= 500, error: `response_url_${response.status}` };
  });
}
