/**
 * Teams benchmark: Bot Framework message activities ("delmal 5") at delmal's real route
 * (`POST /api/messages`: Teams SDK routing, receipts, conversation reference, the answer as an
 * Adaptive Card through the outbox to the connector) side by side with a bare Teams SDK echo app
 * (routing, `send` to the connector) — same load generator, same run, same local connector.
 * Goal: req/s ratio ≥ 0.85. Run: npm run bench:teams
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type HttpRouteHandler } from '@microsoft/teams.apps';
import { renderAdaptiveCard } from '../adapters/teams/render-card.js';
import { startDelmal } from '../src/app.js';
import { handleMessage } from '../src/chat/handle-message.js';
import { localInbound } from '../src/chat/inbound-schema.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/config.js';
import { translator } from '../src/i18n/i18n.js';
import { createLogger } from '../src/logger.js';
import { CONCURRENCY, type LoadResult, ROUND_MS, ROUNDS, runLoad, WARM_UP_MS } from './load.js';
import { summarize } from './measure.js';

type Result = LoadResult;

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

function run(url: string, durationMs: number): Promise<Result> {
  return runLoad({ kind: 'teams', url, secret: '', text: 'delmal 5', responseUrl: serviceUrl }, durationMs);
}

const dir = mkdtempSync(join(tmpdir(), 'delmal-bench-'));
const delmal = await startDelmal(
  {
    ...loadConfig({ DATABASE_URL: join(dir, 'bench.sqlite'), DELMAL_ENV: 'test', LOG_LEVEL: 'silent' }),
    port: 0,
  },
  // The fake connector is allowed explicitly, as in the tests.
  { logger: createLogger('silent'), clock: systemClock, host: '127.0.0.1', teamsServiceUrls: [serviceUrl] },
);

// The bare app: the same SDK behind a plain node:http server, echoing the text.
const bareServer = await bareApp(async ({ activity, send }) => {
  await send(`echo: ${activity.text}` as never);
});

// A third contender isolates the cost of the answer's size: a bare app sending, as a constant,
// the very Adaptive Card delmal answers "delmal 5" with.
const sameCard = renderAdaptiveCard(
  await handleMessage(delmal.chat, localInbound('delmal 5'), { locale: 'sv' }),
  translator('sv'),
);
const sameServer = await bareApp(async ({ send }) => {
  await send({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: sameCard }],
  } as never);
});

const targets = {
  delmal: `http://127.0.0.1:${delmal.port}/api/messages`,
  bare: `http://127.0.0.1:${(bareServer.address() as { port: number }).port}/api/messages`,
  sameBytes: `http://127.0.0.1:${(sameServer.address() as { port: number }).port}/api/messages`,
};
const results: Record<keyof typeof targets, Result> = {
  delmal: { samples: [], errors: 0 },
  bare: { samples: [], errors: 0 },
  sameBytes: { samples: [], errors: 0 },
};
for (const url of Object.values(targets)) await run(url, WARM_UP_MS);
await delmal.deliveries.drain();
const deliveredBefore = delivered;
let delmalDelivered = 0;
for (let round = 0; round < ROUNDS; round++)
  for (const [name, url] of Object.entries(targets) as [keyof typeof targets, string][]) {
    const before = delivered;
    const result = await run(url, ROUND_MS);
    results[name].samples.push(...result.samples);
    results[name].errors += result.errors;
    // delmal answers through its outbox: let it finish this round's answers before the next round.
    await delmal.deliveries.drain();
    if (name === 'delmal') delmalDelivered += delivered - before;
  }

const seconds = (ROUNDS * ROUND_MS) / 1000;
const row = (label: string, r: Result) => {
  const s = summarize(r.samples);
  return `| ${label} | ${(r.samples.length / seconds).toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.max.toFixed(1)} | ${r.errors} |`;
};
const ratio = results.delmal.samples.length / Math.max(1, results.bare.samples.length);
console.log(`## Teams benchmark — ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log(`- Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(
  `- ${CONCURRENCY} concurrent clients in a worker thread, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per contender after ${WARM_UP_MS / 1000} s warm-up; every request a fresh message activity "delmal 5"`,
);
console.log(
  `- delmal delivered ${delmalDelivered} answers to the connector for ${results.delmal.samples.length} requests (${deliveredBefore} during warm-up, both apps)`,
);
console.log('');
console.log('| contender | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(
  row('**delmal `/api/messages`** (the "delmal 5" card, sent inline, outbox on failure)', results.delmal),
);
console.log(row('bare Teams SDK echo app (`send` inline)', results.bare));
console.log(
  row(
    `bare Teams SDK app sending delmal's card as a constant (${JSON.stringify(sameCard).length} bytes)`,
    results.sameBytes,
  ),
);
console.log('');
const sameRatio = results.delmal.samples.length / Math.max(1, results.sameBytes.samples.length);
console.log(
  `req/s ratio vs the echo app ${ratio.toFixed(2)} (goal ≥ 0.85): ${ratio >= 0.85 ? 'MET' : 'NOT MET'}; vs the same card ${sameRatio.toFixed(2)}.`,
);

await new Promise<void>((resolve) => bareServer.close(() => resolve()));
await new Promise<void>((resolve) => sameServer.close(() => resolve()));
await delmal.close();
connector.closeAllConnections();
await new Promise<void>((resolve) => connector.close(() => resolve()));
rmSync(dir, { recursive: true, force: true });
