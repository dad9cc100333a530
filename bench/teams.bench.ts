/**
 * Teams benchmark: Bot Framework message activities ("delmal 5") at delmal's real route
 * (`POST /api/messages`: Teams SDK routing, receipt, the answer as an Adaptive Card through the
 * outbox to the connector) side by side with two floors — a bare Teams SDK echo app (routing,
 * `send` to the connector) and a bare app sending delmal's card as a constant — at 1, 10 and 50
 * concurrent, with delmal on SQLite and on PostgreSQL; same load generator, same run, same connector.
 * delmal goes through the SDK's documented seams only (`httpServerAdapter`, `app.on('message')`).
 * Goal (issue 24): ≥ 1.0× (a) the bare app sending the same card, and p99 at 50 concurrent
 * ≤ 1.2× the bare app's; (b) the bare echo app is reported, not a goal.
 * Run: npm run bench:teams (BENCH_DATABASES=sqlite to leave PostgreSQL out; BENCH_ROUNDS,
 * BENCH_ROUND_MS, BENCH_WARM_UP_MS for a shorter or steadier run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type HttpRouteHandler } from '@microsoft/teams.apps';
import { renderAdaptiveCard } from '../adapters/teams/render-card.js';
import { startDelmal } from '../src/app.js';
import { handleMessage } from '../src/asking/handle-message.js';
import { localInbound } from '../src/chat/inbound-schema.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { translator } from '../src/i18n/i18n.js';
import { createLogger } from '../src/logger.js';
import { alternate, type Contender, LEVELS, machine, ratio, table } from './compare.js';
import { ROUND_MS, ROUNDS, runLoad, WARM_UP_MS } from './load.js';
import { throwawayPostgres } from './postgres.js';

// The connector both contenders answer through: counts activities, answers like Teams.
let delivered = 0;
const connector = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'POST') delivered++;
    res.writeHead(req.method === 'POST' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.method === 'POST' ? { id: `a${delivered}` } : { error: { code: 'MemberNotFoundInConversation' } },
      ),
    );
  });
});
await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
const serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}/`;

const silentLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  trace() {},
  log() {},
  child() {
    return this;
  },
};

/** A bare Teams SDK app answering with `onMessage`, behind a plain node:http server. */
async function bareApp(
  onMessage: (context: {
    activity: { text?: string };
    send: (activity: never) => Promise<unknown>;
  }) => Promise<void>,
) {
  let routeHandler: HttpRouteHandler | undefined;
  const app = new App({
    dangerouslyAllowUnauthenticatedRequests: true,
    httpServerAdapter: { registerRoute: (_m, _p, registered) => (routeHandler = registered) },
    logger: silentLogger,
  });
  app.on('message', onMessage as never);
  await app.initialize();
  return serve(() => routeHandler);
}

/** A plain node:http server in front of a bare Teams SDK app's route handler. */
async function serve(handler: () => HttpRouteHandler | undefined) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const response = await handler()?.({ body, headers: req.headers as Record<string, string> });
    res.writeHead(response?.status ?? 500, { 'content-type': 'application/json' });
    res.end(response?.body === undefined ? '' : JSON.stringify(response.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const contender = (label: string, url: string): Contender => ({
  label,
  run: (ms, concurrency) =>
    runLoad({ kind: 'teams', url, secret: '', text: 'delmal 5', responseUrl: serviceUrl }, ms, concurrency),
});

// The bare app: the same SDK behind a plain node:http server, echoing the text.
const bareServer = await bareApp(async ({ activity, send }) => {
  await send(`echo: ${activity.text}` as never);
});
// The second floor sends, as a constant, the very Adaptive Card delmal answers "delmal 5" with.
let sameCard: unknown;
const sameServer = await bareApp(async ({ send }) => {
  await send({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: sameCard }],
  } as never);
});

const dir = mkdtempSync(join(tmpdir(), 'delmal-bench-'));
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const summary: string[] = [];
const started = Date.now();
console.log(`## Teams benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log('');
for (const database of databases) {
  const pg = database === 'postgres' ? await throwawayPostgres('teams') : undefined;
  if (database === 'postgres' && !pg) continue;
  const delmal = await startDelmal(
    {
      ...loadConfig({
        DATABASE_URL: pg?.url ?? join(dir, 'bench.sqlite'),
        DELMAL_ENV: 'test',
        LOG_LEVEL: 'silent',
      }),
      port: 0,
    },
    // The fake connector is allowed explicitly, as in the tests.
    { logger: createLogger('silent'), clock: systemClock, host: '127.0.0.1', teamsServiceUrls: [serviceUrl] },
  );
  sameCard = renderAdaptiveCard(
    await handleMessage(delmal.chat, localInbound('delmal 5'), { locale: 'sv' }),
    translator('sv'),
  );
  const contenders = [
    contender(
      `**delmal \`/api/messages\`** on ${database} (the "delmal 5" card, sent inline)`,
      `http://127.0.0.1:${delmal.port}/api/messages`,
    ),
    contender(
      '(b) bare Teams SDK echo app (`send` inline)',
      `http://127.0.0.1:${(bareServer.address() as { port: number }).port}/api/messages`,
    ),
    contender(
      `(a) bare Teams SDK app sending delmal's card as a constant (${JSON.stringify(sameCard).length} bytes)`,
      `http://127.0.0.1:${(sameServer.address() as { port: number }).port}/api/messages`,
    ),
  ];
  for (const level of LEVELS) {
    const before = delivered;
    const results = await alternate(contenders, level, {
      rounds: ROUNDS,
      roundMs: ROUND_MS,
      warmUpMs: WARM_UP_MS,
      // delmal's outbox takes over failed inline sends: let it finish before the next round.
      between: () => delmal.deliveries.drain(),
    });
    const [ours, echo, same] = results;
    if (!ours || !echo || !same) continue;
    console.log(`### ${database}, ${level} concurrent`);
    console.log('');
    for (const line of table(results)) console.log(line);
    console.log('');
    console.log(`(the connector received ${delivered - before} activities in this level, warm-up included)`);
    console.log('');
    const vsEcho = ratio(ours, echo);
    const vsSame = ratio(ours, same);
    summary.push(
      `| ${database} | ${level} | ${vsSame.ratio.toFixed(2)} | ${(vsSame.p99 / vsSame.floorP99).toFixed(2)} | ${vsEcho.ratio.toFixed(2)} | ${(vsEcho.p99 / vsEcho.floorP99).toFixed(2)} | ${vsSame.p99.toFixed(1)} | ${vsSame.floorP99.toFixed(1)} | ${vsEcho.floorP99.toFixed(1)} | ${ours.errors} |`,
    );
  }
  await delmal.close();
  await pg?.drop();
}
console.log(`- ${machine()}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(
  `- clients in a worker thread, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per contender and level after ${WARM_UP_MS / 1000} s warm-up each; every request a fresh message activity "delmal 5" (no credentials: no JWT)`,
);
console.log('');
console.log(
  '| database | concurrent | req/s vs (a) same card | p99 vs (a) | req/s vs (b) echo app | p99 vs (b) | delmal p99 ms | (a) p99 ms | (b) p99 ms | delmal errors |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const line of summary) console.log(line);

await new Promise<void>((resolve) => bareServer.close(() => resolve()));
await new Promise<void>((resolve) => sameServer.close(() => resolve()));
connector.closeAllConnections();
await new Promise<void>((resolve) => connector.close(() => resolve()));
rmSync(dir, { recursive: true, force: true });
