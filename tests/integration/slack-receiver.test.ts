import { App } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_IN_CALLBACK } from '../../adapters/slack/check-in-modal.js';
import { UNHANDLED_REQUEST_MS } from '../../adapters/slack/slack-boundary.js';
import { SlackHttpReceiver } from '../../adapters/slack/slack-http-route.js';
import { createLogger } from '../../src/logger.js';
import { HttpServer } from '../../src/server/http-server.js';
import {
  eventCallback,
  postSlack,
  slashCommand,
  TEST_SIGNING_SECRET,
  viewSubmission,
} from '../support/slack.js';

/**
 * The receiver on the shared server, with a real Bolt app behind it: what Bolt's HTTPReceiver
 * guaranteed, it still does (the full adapter is tested through it in slack.test.ts and hardening).
 */
describe('SlackHttpReceiver', () => {
  let server: HttpServer;
  let base: string;
  let app: App;
  const seen: { retryNum?: number | undefined; retryReason?: string | undefined }[] = [];

  beforeEach(async () => {
    const logger = createLogger('silent');
    server = new HttpServer(logger);
    const receiver = new SlackHttpReceiver({
      signingSecret: TEST_SIGNING_SECRET,
      logger,
    });
    app = new App({
      token: 'xoxb-test',
      receiver,
      tokenVerificationEnabled: false,
      botId: 'B1',
      botUserId: 'U1',
      convoStore: false,
    });
    server.route('POST', '/slack/events', receiver.route());
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    seen.length = 0;
  });
  afterEach(() => server.close());

  it('answers Slack’s unsigned ssl_check and runs nothing for it', async () => {
    let ran = false;
    app.command('/delmal', async ({ ack }) => {
      ran = true;
      await ack();
    });
    const response = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&command=%2Fdelmal&text=5',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(ran).toBe(false);
  });

  it('hands Slack’s retry number and reason to the listeners', async () => {
    app.event('app_mention', async ({ context }) => {
      seen.push({ retryNum: context.retryNum, retryReason: context.retryReason });
    });
    const body = eventCallback(
      { type: 'app_mention', user: 'U0X', text: 'hej', channel: 'C1', ts: '1.1' },
      'Ev1',
    );
    expect((await postSlack(base, body, 'application/json', { retryNum: 2 })).status).toBe(200);
    await server.work.idle();
    expect(seen).toEqual([{ retryNum: 2, retryReason: 'http_timeout' }]);
  });

  it('answers with the first ack and refuses a second one', async () => {
    let second: unknown;
    app.command('/delmal', async ({ ack }) => {
      await ack({ text: 'first' });
      second = await ack({ text: 'second' }).catch((error: unknown) => error);
    });
    const response = await postSlack(
      base,
      slashCommand('5', { responseUrl: 'http://127.0.0.1:9/x' }),
      'application/x-www-form-urlencoded',
    );
    expect(await response.json()).toEqual({ text: 'first' });
    await server.work.idle();
    expect(second).toMatchObject({ code: 'slack_bolt_receiver_ack_multiple_error' });
  });

  it('acknowledges, within Slack’s 3 seconds, a request no listener acknowledges', async () => {
    const started = Date.now();
    const response = await postSlack(
      base,
      slashCommand('5', { responseUrl: 'http://127.0.0.1:9/x' }),
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('never closes a slow check-in form before its handler answers (the owner would think it was saved)', async () => {
    // The handler stands for a check-in whose write is slow: it answers only after the safety
    // acknowledgement would have fired. What the owner gets is the handler's answer, not an empty
    // 200 that closes the form while the write may still be lost.
    app.view(CHECK_IN_CALLBACK, async ({ ack }) => {
      await new Promise((resolve) => setTimeout(resolve, UNHANDLED_REQUEST_MS + 300));
      await ack({ response_action: 'errors', errors: { status: 'Försök igen' } });
    });
    const response = await postSlack(
      base,
      viewSubmission({ userId: 'U0X', activityId: 'a1', viewId: 'V1' }),
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_action: 'errors', errors: { status: 'Försök igen' } });
  });
});
