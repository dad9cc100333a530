/**
 * Input-size benchmark (issue 10, Found 5): how long does one huge chat message hold up everyone
 * else? Sends a signed 1 MB Slack DM, a 200 kB Slack DM and a 240 kB Teams message to the real
 * server and, while each is handled, probes `GET /healthz` every 50 ms; reports the request's own
 * time and the slowest probe. Run: npm run bench:input-size
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDelmal } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../tests/fakes/fake-slack.js';

const SECRET = 'bench-signing-secret';
const slack = new FakeSlack();
await slack.start();
const connector = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'x', email: 'bench@example.org' }));
  });
});
await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
const serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}/`;
const dir = mkdtempSync(join(tmpdir(), 'delmal-bench-'));
const delmal = await startDelmal(
  {
    ...loadConfig({
      DATABASE_URL: join(dir, 'bench.sqlite'),
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DELMAL_ENV: 'test',
    }),
    port: 0,
  },
  { logger: createLogger('silent'), clock: systemClock, host: '127.0.0.1', teamsServiceUrls: [serviceUrl] },
);
const base = `http://127.0.0.1:${delmal.port}`;

const words = (bytes: number) => 'ensamhet bland äldre '.repeat(Math.ceil(bytes / 22)).slice(0, bytes);

function slackDm(text: string, id: string): RequestInit {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T0001',
    event_id: id,
    event: { type: 'message', channel_type: 'im', channel: 'D0B', user: 'U0B', text, ts: '1.1' },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  };
}

function teamsMessage(text: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Math.random()}`,
      channelId: 'msteams',
      serviceUrl,
      from: { id: '29:b', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'B' },
      recipient: { id: '28:delmal', name: 'delmal' },
      conversation: { id: 'a:bench', conversationType: 'personal', tenantId: 't' },
      text,
    }),
  };
}

/** Sends `init` to `path`; probes /healthz every 50 ms for 3 s meanwhile. */
async function measure(name: string, path: string, init: RequestInit) {
  const started = performance.now();
  let done = false;
  const request = fetch(`${base}${path}`, init).then(async (r) => {
    await r.text();
    const ms = performance.now() - started;
    done = true;
    return { status: r.status, ms };
  });
  const probes: number[] = [];
  while (!done || performance.now() - started < 3000) {
    const probe = performance.now();
    await fetch(`${base}/healthz`).then((r) => r.text());
    probes.push(performance.now() - probe);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const result = await request;
  console.log(
    JSON.stringify({
      scenario: name,
      status: result.status,
      requestMs: Math.round(result.ms),
      slowestHealthzMs: Math.round(Math.max(...probes)),
      probes: probes.length,
    }),
  );
}

await measure('slack DM 1 MB', '/slack/events', slackDm(words(1_000_000), 'Ev1'));
await measure('slack DM 39 kB (Slack caps messages at 40k)', '/slack/events', slackDm(words(39_000), 'Ev2'));
await measure('teams message 240 kB', '/api/messages', teamsMessage(words(240_000)));
await delmal.close();
await slack.stop();
connector.close();
rmSync(dir, { recursive: true, force: true });
