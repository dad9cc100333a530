import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { FakeConnector } from '../../fakes/fake-connector.js';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { eventCallback, postSlack, slashCommand, TEST_SIGNING_SECRET } from '../../support/slack.js';
import { postActivity, teamsMessage } from '../../support/teams.js';

// What people might type: a (valid-format) personnummer and a sentence that must not be logged.
const PERSONNUMMER = '19121212-1212';
const SECRET_TEXT = 'hemlig-anteckning-om-klienten';

const slack = new FakeSlack();
const connector = new FakeConnector();
const lines: string[] = [];
let server: TestServer;
const consoleCalls: unknown[][] = [];

beforeAll(async () => {
  await slack.start();
  await connector.start();
  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleCalls.push(args);
    });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  server = await startTestServer(
    {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    'sqlite',
    systemClock,
    // The most verbose level there is: nothing typed may reach the log even here.
    { logger: createLogger('trace', stream), teamsServiceUrls: [connector.serviceUrl] },
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server?.stop();
  await slack.stop();
  await connector.stop();
});

describe('logs at trace level', () => {
  it('never contain what people wrote, a refused personnummer included (Slack, Teams, SDK loggers)', async () => {
    const typed = `delmal avstamning cross hinder ${SECRET_TEXT} ${PERSONNUMMER}`;
    await postActivity(server.base, teamsMessage(typed, { serviceUrl: connector.serviceUrl }));
    await postActivity(
      server.base,
      teamsMessage(`sok ${SECRET_TEXT} ${PERSONNUMMER}`, { serviceUrl: connector.serviceUrl }),
    );
    await connector.waitFor(2);
    const form = 'application/x-www-form-urlencoded';
    await postSlack(server.base, slashCommand(typed, { responseUrl: slack.responseUrl('r1') }), form);
    await postSlack(
      server.base,
      eventCallback(
        { type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0MEMBER', text: typed, ts: '1.2' },
        'Ev-log-1',
      ),
      'application/json',
    );
    // Malformed input is logged as refused: still without its content.
    await postSlack(server.base, `payload=${encodeURIComponent(`{"x":"${SECRET_TEXT}`)}`, form);
    await postSlack(server.base, `{"text":"${PERSONNUMMER}"`, 'application/json');
    await slack.waitFor('chat.postMessage');
    const log = lines.join('');
    // The log is not empty: the SDKs did log these requests at debug/trace level.
    expect(log).toContain('"component":"teams');
    expect(log).toContain('"component":"slack"');
    expect(log).not.toContain(SECRET_TEXT);
    expect(log).not.toContain(PERSONNUMMER);
    expect(log).not.toContain('191212121212');
    const printed = JSON.stringify(consoleCalls);
    expect(printed).not.toContain(SECRET_TEXT);
    expect(printed).not.toContain(PERSONNUMMER);
  });
});
