import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../adapters/slack/render-blocks.js';
import { UNHANDLED_REQUEST_MS } from '../../adapters/slack/slack-boundary.js';
import { systemClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { eventCallback, postSlack, slackEnv, slashCommand } from '../support/slack.js';

/**
 * What delmal relies on in Bolt, checked through the real adapter on the real route: every request
 * — `/delmal` included — goes through Bolt's own dispatch (its global middleware runs and can stop
 * a request), and what Bolt finishes without an ack is answered at once. A Bolt upgrade that
 * changes either fails here. Payloads are in the shape bolt-js's own tests use.
 */
const slack = new FakeSlack();
let server: TestServer;
const seen: string[] = [];
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  await slack.start();
  server = await startTestServer(slackEnv(slack), 'sqlite', systemClock);
  const app = server.app.slack?.app;
  if (!app) throw new Error('Slack is not configured');
  // Global middleware, as a delmal maintainer (or a plugin) would add it.
  app.use(async ({ body, next, ack }) => {
    const command = 'command' in body ? String(body.command) : String(body.type);
    seen.push(command);
    if ('text' in body && body.text === 'stopped-by-middleware' && ack) {
      // A command's ack takes a text; the global middleware's `ack` is typed for every kind at once.
      await (ack as (text: string) => Promise<void>)('middleware answered');
      return;
    }
    await next();
  });
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
});
beforeEach(() => {
  seen.length = 0;
});

/** Posts and returns the status, the body and how long the answer took. */
async function timed(body: string, contentType: 'application/json' | typeof form) {
  const started = performance.now();
  const response = await postSlack(server.base, body, contentType);
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

describe('Bolt’s dispatch is the path /delmal takes', () => {
  it('runs global middleware (app.use) for /delmal, and the user still gets the answer', async () => {
    const response = await postSlack(
      server.base,
      slashCommand('5', { responseUrl: slack.responseUrl('mw-1') }),
      form,
    );
    expect(((await response.json()) as SlackMessage).text).toBe(
      'Delmål 5: Sårbara barn får det stöd de behöver',
    );
    expect(seen).toEqual(['/delmal']);
  });

  it('lets global middleware answer /delmal itself: the listener only runs behind the chain', async () => {
    const response = await postSlack(
      server.base,
      slashCommand('stopped-by-middleware', { responseUrl: slack.responseUrl('mw-2') }),
      form,
    );
    expect(await response.text()).toBe('middleware answered');
    await server.app.settled();
    expect(slack.delivered('chat.postMessage')).toHaveLength(0);
  });
});

describe('Slack protocol edge cases', () => {
  it.each([
    ['first', 'ssl_check=1&token=legacy-token'],
    ['not first', 'token=legacy-token&ssl_check=1'],
  ])('answers ssl_check (%s in the form) with an empty 200, signed or not', async (_where, body) => {
    const unsigned = await fetch(`${server.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': form },
      body,
    });
    expect(unsigned.status).toBe(200);
    expect(await unsigned.text()).toBe('');
    const signed = await timed(body, form);
    expect(signed).toMatchObject({ status: 200, text: '' });
    expect(seen).toEqual([]);
  });

  it.each([
    [
      'a slash command delmal does not own',
      slashCommand('x', { responseUrl: 'http://127.0.0.1:9/x' }).replace('%2Fdelmal', '%2Fannat'),
      form,
    ],
    [
      'an event no listener takes',
      eventCallback(
        {
          type: 'reaction_added',
          user: 'U0X',
          reaction: 'tada',
          item: { type: 'message', channel: 'C1', ts: '1.1' },
          event_ts: '1.2',
        },
        'Ev0REACTION',
      ),
      'application/json',
    ],
    [
      'app_rate_limited',
      JSON.stringify({
        token: 'legacy',
        type: 'app_rate_limited',
        team_id: 'T0001',
        minute_rate_limited: 1518467820,
        api_app_id: 'A0DELMAL',
      }),
      'application/json',
    ],
  ] as const)(
    'acknowledges %s as soon as Bolt is done, not by the safety timer',
    async (_what, body, type) => {
      const answer = await timed(body, type);
      expect(answer.status).toBe(200);
      // The safety ack fires at UNHANDLED_REQUEST_MS; an answer well before it came from the receiver
      // when Bolt returned (a generous margin for a loaded machine).
      expect(answer.ms).toBeLessThan(UNHANDLED_REQUEST_MS - 1000);
    },
  );

  it.each([
    ['another app’s modal', 'another_app_form'],
    ['delmal’s check-in form', 'delmal_checkin'],
  ])('answers a view_submission of %s with an empty state ({}) with 200', async (_what, callbackId) => {
    const payload = {
      type: 'view_submission',
      team: { id: 'T0001', domain: 'region' },
      user: { id: 'U0MEMBER', name: 'medlem', team_id: 'T0001' },
      api_app_id: 'A0DELMAL',
      token: 'legacy',
      trigger_id: 'trigger-empty-state',
      view: {
        id: 'V0EMPTY',
        type: 'modal',
        callback_id: callbackId,
        private_metadata: '',
        state: {},
        hash: 'h',
      },
    };
    const answer = await timed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), form);
    expect(answer.status).toBe(200);
    if (callbackId === 'delmal_checkin') {
      // The form stays open and says what is missing (in Swedish), instead of Slack's red error.
      const response = JSON.parse(answer.text) as { response_action: string; errors: Record<string, string> };
      expect(response.response_action).toBe('errors');
      expect(Object.values(response.errors)[0]).toMatch(/^[A-ZÅÄÖ]/);
    } else expect(answer.text).toBe('');
  });
});
