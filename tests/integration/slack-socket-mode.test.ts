import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../adapters/slack/render-blocks.js';
import { systemClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { FakeSocketMode } from '../fakes/fake-socket-mode.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Socket Mode: no public address, no /slack/events — delmal connects out to Slack's WebSocket.
const slack = new FakeSlack();
const socket = new FakeSocketMode();
let server: TestServer;
const seen: string[] = [];

beforeAll(async () => {
  await slack.start();
  slack.socketUrl = await socket.start();
  server = await startTestServer(
    { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: slack.apiUrl },
    'sqlite',
    systemClock,
  );
  await socket.ready;
  // Global middleware: over Socket Mode too, every payload goes through Bolt's dispatch.
  server.app.slack?.app.use(async ({ body, next }) => {
    seen.push('command' in body ? String(body.command) : String(body.type));
    await next();
  });
});
afterAll(async () => {
  await server?.stop();
  await socket.stop();
  await slack.stop();
});

describe('Slack over Socket Mode', () => {
  it('connects out with the app token and serves no /slack/events route', async () => {
    expect(slack.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
    expect((await fetch(`${server.base}/slack/events`, { method: 'POST' })).status).toBe(404);
  });

  it('answers /delmal 5 in the envelope’s acknowledgement', async () => {
    const ack = (await socket.send(
      'slash_commands',
      {
        team_id: 'T0001',
        channel_id: 'C0NETWORK',
        user_id: 'U0MEMBER',
        command: '/delmal',
        text: '5',
        response_url: slack.responseUrl('sm1'),
        trigger_id: 'trigger-sm1',
        api_app_id: 'A0DELMAL',
      },
      'env-1',
    )) as SlackMessage & { response_type: string };
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(seen).toContain('/delmal');
  });

  it('acknowledges at once a payload no listener takes (another app’s slash command)', async () => {
    const ack = await socket.send(
      'slash_commands',
      {
        team_id: 'T0001',
        channel_id: 'C0NETWORK',
        user_id: 'U0MEMBER',
        command: '/annat',
        text: 'x',
        response_url: slack.responseUrl('sm-other'),
        trigger_id: 'trigger-sm-other',
        api_app_id: 'A0DELMAL',
      },
      'env-other',
    );
    // An empty acknowledgement, sent when Bolt returned: Slack does not send it again.
    expect(ack).toEqual({});
    expect(seen).toContain('/annat');
  });

  it('answers a DM event through the Web API, once', async () => {
    const event = {
      team_id: 'T0001',
      api_app_id: 'A0DELMAL',
      type: 'event_callback',
      event_id: 'Ev0SOCKET',
      event_time: 1,
      event: {
        type: 'message',
        channel_type: 'im',
        channel: 'D0DM',
        user: 'U0MEMBER',
        text: 'delmal 4',
        ts: '1700000000.000900',
      },
    };
    await socket.send('events_api', event, 'env-2');
    await socket.send('events_api', event, 'env-3');
    const [call] = await slack.waitFor('chat.postMessage');
    expect(call?.body.text).toBe('Delmål 4: Våldsfria nära relationer');
    await server.app.settled();
    expect(slack.delivered('chat.postMessage')).toHaveLength(1);
  });
});
