/**
 * The answer path alone under the benchmarks' load, for `node --cpu-prof`: delmal on SQLite (or
 * PostgreSQL with BENCH_DATABASE=postgres), 50 concurrent signed `/delmal 5` (BENCH_PLATFORM=slack,
 * the default) or "delmal 5" activities (BENCH_PLATFORM=teams) for BENCH_SECONDS (10), profiled
 * through the inspector only while the load runs (after start-up and a 2 s warm-up) and written to
 * BENCH_PROFILE (answer.cpuprofile); summarise it with bench/profile-summary.ts.
 * Run: npx tsc -p bench/tsconfig.json && node dist-bench/bench/answer-profile.js
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDelmal } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../tests/fakes/fake-slack.js';
import { runLoad } from './load.js';
import { throwawayPostgres } from './postgres.js';

const SECRET = 'bench-signing-secret';
const platform = process.env.BENCH_PLATFORM === 'teams' ? 'teams' : 'slack';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const slack = new FakeSlack();
await slack.start();
slack.users.set('U0BENCH', { email: 'bench@example.org', name: 'Bench User' });
const connector = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(req.method === 'POST' ? '{"id":"a1"}' : '{"error":{"code":"MemberNotFoundInConversation"}}');
  });
});
await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
const serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}/`;

const dir = mkdtempSync(join(tmpdir(), 'delmal-profile-'));
const pg = process.env.BENCH_DATABASE === 'postgres' ? await throwawayPostgres('profile') : undefined;
const delmal = await startDelmal(
  {
    ...loadConfig({
      DATABASE_URL: pg?.url ?? join(dir, 'bench.sqlite'),
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DELMAL_ENV: 'test',
      LOG_LEVEL: 'silent',
    }),
    port: 0,
  },
  { logger: createLogger('silent'), clock: systemClock, host: '127.0.0.1', teamsServiceUrls: [serviceUrl] },
);
const url = `http://127.0.0.1:${delmal.port}/${platform === 'slack' ? 'slack/events' : 'api/messages'}`;
const target = {
  kind: platform,
  url,
  secret: SECRET,
  text: platform === 'slack' ? '5' : 'delmal 5',
  responseUrl: platform === 'slack' ? slack.responseUrl('profile') : serviceUrl,
} as const;
await runLoad(target, 2_000);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
const result = await runLoad(target, seconds * 1000);
const { profile } = await session.post('Profiler.stop');
writeFileSync(process.env.BENCH_PROFILE ?? 'answer.cpuprofile', JSON.stringify(profile));
session.disconnect();
console.log(`${platform}: ${(result.samples.length / seconds).toFixed(0)} req/s, ${result.errors} errors`);
await delmal.deliveries.drain();
await delmal.close();
await slack.stop();
connector.closeAllConnections();
connector.close();
await pg?.drop();
rmSync(dir, { recursive: true, force: true });
