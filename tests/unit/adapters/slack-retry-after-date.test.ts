import { LogLevel, WebClient } from '@slack/web-api';
import { expect, it } from 'vitest';
import { retryAfterSecondsFetch } from '../../../adapters/slack/retry-after-fetch.js';
import { slackDeliveryResult } from '../../../adapters/slack/slack-delivery-result.js';

it('pauses for a Slack 429 whose Retry-After is an HTTP date, instead of calling it unreadable', async () => {
  const in30s = new Date(Math.ceil(Date.now() / 1000) * 1000 + 30_000).toUTCString();
  const limited: typeof fetch = async () =>
    new Response('{"ok":false,"error":"ratelimited"}', { status: 429, headers: { 'retry-after': in30s } });
  const client = new WebClient('xoxb-test', {
    slackApiUrl: 'http://127.0.0.1:9/api/',
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
    fetch: retryAfterSecondsFetch(limited),
  });
  const failure = await client.chat.postMessage({ channel: 'C1', text: 'hej' }).then(
    () => undefined,
    (error: unknown) => error,
  );
  const result = slackDeliveryResult(failure, 'slack:T1:channel:C1');
  expect(result).toMatchObject({ ok: false, kind: 'rate_limited' });
  expect(
    result.ok === false && result.kind === 'rate_limited' ? result.retryAfterMs : 0,
  ).toBeGreaterThanOrEqual(28_000);
});
