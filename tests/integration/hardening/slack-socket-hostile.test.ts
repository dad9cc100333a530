import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../../adapters/slack/render-blocks.js';
import { systemClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { FakeSocketMode } from '../../fakes/fake-socket-mode.js';
import { startTestServer, type TestServer } from '../../support/server.js';

// Socket Mode has no route in front of Bolt: payloads of the wrong shape are checked in delmal's
// Socket Mode receiver (the client's public `slack_event`), acknowledged (or Slack sends them
// again), logged with a code, never crash.
const slack = new FakeSlack();
const socket = new FakeSocketMode();
const lines: string[] = [];
let server: TestServer;
let envelope = 0;

beforeAll(async () => {
  await slack.start();
  slack.socketUrl = await socket.start();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  server = await startTestServer(
    { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: slack.apiUrl },
    'sqlite',
    systemClock,
    { logger: createLogger('info', stream) },
  );
  await socket.ready;
});
afterAll(async () => {
  await server?.stop();
  await socket.stop();
  await slack.stop();
});

const refusals = () =>
  lines.map((line) => JSON.parse(line)).filter((l) => l.where === 'slack.socket' && l.code === 'bad_request');

const slash = (fields: Record<string, unknown>) => ({
  team_id: 'T0001',
  channel_id: 'C0NETWORK',
  user_id: 'U0MEMBER',
  command: '/delmal',
  text: '5',
  response_url: slack.responseUrl(`socket-${envelope}`),
  trigger_id: 'trigger-socket',
  api_app_id: 'A0DELMAL',
  ...fields,
});

describe('malformed Socket Mode payloads', () => {
  // An `events_api` envelope without `payload.event` (null payload, a string, `event: null`) is not
  // here: the Socket Mode client reads `payload.event.type` before any public listener sees the
  // envelope, so no documented seam can acknowledge it (slackapi/node-slack-sdk#2167; see
  // docs/decisions/0009-documented-seams.md). `delmal serve`'s process guards log and count it.
  it.each([
    [
      'events_api',
      {
        type: 'event_callback',
        team_id: 'T0001',
        event_id: 'Ev0BAD2',
        event: { type: 'message', channel: 'D0DM', user: 'U0MEMBER', text: { not: 'text' } },
      },
    ],
    ['interactive', { type: 'block_actions', actions: [] }],
    ['interactive', { type: 'view_submission', user: { id: 'U0MEMBER' }, view: null }],
    ['interactive', []],
  ] as const)(
    'acknowledges a %s payload %j, logs bad_request and answers nothing else',
    async (type, payload) => {
      const before = refusals().length;
      const posts = slack.delivered('chat.postMessage').length;
      envelope++;
      // Acknowledged (an empty acknowledgement): Slack does not send it again.
      await expect(socket.send(type, payload, `bad-${envelope}`)).resolves.toEqual({});
      await server.app.settled();
      expect(refusals()).toHaveLength(before + 1);
      expect(slack.delivered('chat.postMessage')).toHaveLength(posts);
    },
  );

  it('answers a malformed slash command politely in Swedish in its acknowledgement, with the reference logged', async () => {
    envelope++;
    const ack = (await socket.send(
      'slash_commands',
      slash({ text: 42 }),
      `bad-${envelope}`,
    )) as SlackMessage & {
      response_type: string;
    };
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toBe('Det där kunde jag inte ta emot. Försök igen, eller skriv delmal hjälp.');
    expect(refusals().at(-1)?.ref).toMatch(/^[0-9a-f]{8}$/);
  });

  it('keeps serving: a well-formed command after the malformed ones is answered', async () => {
    envelope++;
    const ack = (await socket.send('slash_commands', slash({}), `good-${envelope}`)) as SlackMessage;
    expect(ack.text).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
  });

  it('never writes the payload into the log', () => {
    expect(lines.join('')).not.toContain('Ev0BAD2');
  });
});
