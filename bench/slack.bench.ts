/**
 * Slack benchmark: signed `/delmal 5` slash commands at delmal's real route (Bolt's HTTPReceiver on
 * the shared server, identity, the answer, Block Kit, all in the ack) side by side with a bare Bolt
 * app acking a constant, and with one acking delmal's answer as a constant — same load, same run.
 * Goal: req/s ratio ≥ 0.85 and p99 < 25 ms at 50 concurrent.
 * Run: npm run bench:slack
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { startDelmal } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../tests/fakes/fake-slack.js';
import { CONCURRENCY, type LoadResult, ROUND_MS, ROUNDS, runLoad, WARM_UP_MS } from './load.js';
import { summarize } from './measure.js';

const SECRET = 'bench-signing-secret';
type Result = LoadResult;

/** One signed `/delmal 5`, returning the response body (delmal answers in its ack). */
async function postOnce(url: string): Promise<string> {
  const body = new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C0BENCH',
    user_id: 'U0BENCH',
    command: '/delmal',
    text: '5',
    response_url: 'http://127.0.0.1:9/x',
    trigger_id: 'sample',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  return response.text();
}

function run(url: string, responseUrl: string, durationMs: number): Promise<Result> {
  return runLoad({ kind: 'slack', url, secret: SECRET, text: '5', responseUrl }, durationMs);
}

const slack = new FakeSlack();
await slack.start();
slack.users.set('U0BENCH', { email: 'bench@example.org', name: 'Bench User' });
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
  { logger: createLogger('silent'), clock: systemClock, host: '127.0.0.1' },
);

const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
const bare = new App({
  token: 'xoxb-bench',
  receiver,
  tokenVerificationEnabled: false,
  botId: 'B1',
  botUserId: 'U1',
  logLevel: LogLevel.ERROR,
});
bare.command('/delmal', async ({ ack }) => {
  await ack('ok');
});
const bareServer = await receiver.start(0);
const barePort = (bareServer.address() as { port: number }).port;

// A third contender isolates the cost of the answer's size: bare Bolt acking, as a constant, the
// very message delmal answers `/delmal 5` with (same bytes on the wire, none of delmal's work).
const sample = await postOnce(`http://127.0.0.1:${delmal.port}/slack/events`);
const sameBytes = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
const sameBytesApp = new App({
  token: 'xoxb-bench',
  receiver: sameBytes,
  tokenVerificationEnabled: false,
  botId: 'B1',
  botUserId: 'U1',
  logLevel: LogLevel.ERROR,
});
sameBytesApp.command('/delmal', async ({ ack }) => {
  await ack(JSON.parse(sample));
});
const sameBytesPort = ((await sameBytes.start(0)).address() as { port: number }).port;

const targets = {
  delmal: `http://127.0.0.1:${delmal.port}/slack/events`,
  bare: `http://127.0.0.1:${barePort}/slack/events`,
  sameBytes: `http://127.0.0.1:${sameBytesPort}/slack/events`,
};
const results: Record<keyof typeof targets, Result> = {
  delmal: { samples: [], errors: 0 },
  bare: { samples: [], errors: 0 },
  sameBytes: { samples: [], errors: 0 },
};
for (const [name, url] of Object.entries(targets))
  await run(url, slack.responseUrl(`warm-${name}`), WARM_UP_MS);
// Alternate the contenders so drift (GC, thermal, neighbours) hits all alike.
for (let round = 0; round < ROUNDS; round++)
  for (const [name, url] of Object.entries(targets) as [keyof typeof targets, string][]) {
    const result = await run(url, slack.responseUrl(`${name}-${round}`), ROUND_MS);
    results[name].samples.push(...result.samples);
    results[name].errors += result.errors;
    // Let delmal's outbox finish the answers of this round before the next one starts.
    await delmal.deliveries.drain();
  }

const seconds = (ROUNDS * ROUND_MS) / 1000;
const row = (label: string, r: Result) => {
  const s = summarize(r.samples);
  return `| ${label} | ${(r.samples.length / seconds).toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.max.toFixed(1)} | ${r.errors} |`;
};
const ratio = results.delmal.samples.length / Math.max(1, results.bare.samples.length);
const p99 = summarize(results.delmal.samples).p99;
const answered = slack.delivered('response').length;
console.log(`## Slack benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log(`- Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(
  `- ${CONCURRENCY} concurrent clients in a worker thread, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per contender after ${WARM_UP_MS / 1000} s warm-up`,
);
console.log(
  `- every request a fresh signed slash command \`/delmal 5\`; delmal answers in the ack when the answer is ready within 2 s (here: always; ${answered} went the slow way through the outbox)`,
);
console.log('');
console.log('| contender | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(row('**delmal `/slack/events`** (the answer to `/delmal 5` in the ack)', results.delmal));
console.log(row('bare Bolt `HTTPReceiver` acking a constant', results.bare));
console.log(
  row(`bare Bolt acking delmal's answer as a constant (${sample.length} bytes)`, results.sameBytes),
);
console.log('');
console.log(
  `req/s ratio vs a constant ack ${ratio.toFixed(2)} (goal ≥ 0.85): ${ratio >= 0.85 ? 'MET' : 'NOT MET'}; vs the same bytes ${(results.delmal.samples.length / Math.max(1, results.sameBytes.samples.length)).toFixed(2)}; delmal p99 ${p99.toFixed(1)} ms (goal < 25 ms): ${p99 < 25 ? 'MET' : 'NOT MET'}.`,
);

await receiver.stop();
await sameBytes.stop();
await delmal.close();
await slack.stop();
rmSync(dir, { recursive: true, force: true });
