/**
 * Slack benchmark: signed `/delmal 5` slash commands at delmal's real route (its receiver on the
 * shared server, identity, the answer, Block Kit, all in the ack) side by side with two floors — a
 * bare Bolt app (`HTTPReceiver`) acking a constant, and one acking delmal's answer as a constant —
 * at 1, 10 and 50 concurrent clients, with delmal on SQLite and on PostgreSQL; same load, same run.
 * delmal goes through Bolt's documented seams only (its receiver hands every request to
 * `app.processEvent`; global middleware and listeners run as for any Bolt app).
 * Goal (issue 24): ≥ 1.0× (a) the bare app acking the same answer, and p99 at 50 concurrent
 * ≤ 1.2× the bare app's; (b) the bare app acking a constant is reported, not a goal.
 * Run: npm run bench:slack (BENCH_DATABASES=sqlite to leave PostgreSQL out; BENCH_ROUNDS,
 * BENCH_ROUND_MS, BENCH_WARM_UP_MS for a shorter or steadier run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { startDelmal } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../tests/fakes/fake-slack.js';
import { alternate, type Contender, LEVELS, machine, ratio, table } from './compare.js';
import { ROUND_MS, ROUNDS, runLoad, WARM_UP_MS } from './load.js';
import { throwawayPostgres } from './postgres.js';
import { postSlashCommand } from './slack-request.js';

const SECRET = 'bench-signing-secret';

/** A bare Bolt 5 app on its own HTTPReceiver, acking `/delmal` with `answer`. */
async function bareBolt(answer: () => unknown): Promise<{ port: number; stop(): Promise<unknown> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({
    token: 'xoxb-bench',
    receiver,
    tokenVerificationEnabled: false,
    botId: 'B1',
    botUserId: 'U1',
    logLevel: LogLevel.ERROR,
  });
  app.command('/delmal', async ({ ack }) => {
    await ack(answer() as never);
  });
  const server = await receiver.start(0);
  return { port: (server.address() as { port: number }).port, stop: () => receiver.stop() };
}

const contender = (label: string, url: string, responseUrl: string): Contender => ({
  label,
  run: (ms, concurrency) =>
    runLoad({ kind: 'slack', url, secret: SECRET, text: '5', responseUrl }, ms, concurrency),
});

const slack = new FakeSlack();
await slack.start();
slack.users.set('U0BENCH', { email: 'bench@example.org', name: 'Bench User' });
const dir = mkdtempSync(join(tmpdir(), 'delmal-bench-'));
const bare = await bareBolt(() => 'ok');
let sample = '';
const sameBytes = await bareBolt(() => JSON.parse(sample));
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const summary: string[] = [];
const started = Date.now();
console.log(`## Slack benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log('');
for (const database of databases) {
  const pg = database === 'postgres' ? await throwawayPostgres('slack') : undefined;
  if (database === 'postgres' && !pg) continue;
  const delmal = await startDelmal(
    {
      ...loadConfig({
        DATABASE_URL: pg?.url ?? join(dir, 'bench.sqlite'),
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        DELMAL_ENV: 'test',
      }),
      port: 0,
    },
    { logger: createLogger('silent'), clock: systemClock, host: '127.0.0.1' },
  );
  const delmalUrl = `http://127.0.0.1:${delmal.port}/slack/events`;
  // The second floor acks, as a constant, the very message delmal answers `/delmal 5` with.
  sample = await postSlashCommand(delmalUrl, SECRET, '5', 'http://127.0.0.1:9/x');
  const contenders = [
    contender(
      `**delmal \`/slack/events\`** on ${database} (the answer to \`/delmal 5\` in the ack)`,
      delmalUrl,
      slack.responseUrl('delmal'),
    ),
    contender(
      '(b) bare Bolt `HTTPReceiver` acking a constant',
      `http://127.0.0.1:${bare.port}/slack/events`,
      slack.responseUrl('bare'),
    ),
    contender(
      `(a) bare Bolt acking delmal's answer as a constant (${sample.length} bytes)`,
      `http://127.0.0.1:${sameBytes.port}/slack/events`,
      slack.responseUrl('same'),
    ),
  ];
  for (const level of LEVELS) {
    const results = await alternate(contenders, level, {
      rounds: ROUNDS,
      roundMs: ROUND_MS,
      warmUpMs: WARM_UP_MS,
      // Let delmal's outbox finish anything of this round before the next one starts.
      between: () => delmal.deliveries.drain(),
    });
    const [ours, constant, same] = results;
    if (!ours || !constant || !same) continue;
    console.log(`### ${database}, ${level} concurrent`);
    console.log('');
    for (const line of table(results)) console.log(line);
    console.log('');
    const vsConstant = ratio(ours, constant);
    const vsSame = ratio(ours, same);
    summary.push(
      `| ${database} | ${level} | ${vsSame.ratio.toFixed(2)} | ${(vsSame.p99 / vsSame.floorP99).toFixed(2)} | ${vsConstant.ratio.toFixed(2)} | ${(vsConstant.p99 / vsConstant.floorP99).toFixed(2)} | ${vsSame.p99.toFixed(1)} | ${vsSame.floorP99.toFixed(1)} | ${vsConstant.floorP99.toFixed(1)} | ${ours.errors} |`,
    );
  }
  await delmal.close();
  await pg?.drop();
}
console.log(`- ${machine()}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(
  `- clients in a worker thread, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per contender and level after ${WARM_UP_MS / 1000} s warm-up each; every request a fresh signed \`/delmal 5\``,
);
console.log(`- ${slack.delivered('response').length} answers went the slow way (ack empty, then the outbox)`);
console.log('');
console.log(
  '| database | concurrent | req/s vs (a) same answer | p99 vs (a) | req/s vs (b) constant ack | p99 vs (b) | delmal p99 ms | (a) p99 ms | (b) p99 ms | delmal errors |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const line of summary) console.log(line);

await bare.stop();
await sameBytes.stop();
await slack.stop();
rmSync(dir, { recursive: true, force: true });
