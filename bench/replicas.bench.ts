/**
 * Replicas benchmark (issue 13): several `delmal serve` processes (the built binary) on one
 * PostgreSQL database, each on a fresh database dropped afterwards.
 *  (a) signed `/delmal 5` slash commands through a round-robin proxy to 1 and to 3 replicas, side
 *      by side (alternating rounds) at 10 and 50 concurrent clients; every answer must be byte for
 *      byte the one a replica gives alone;
 *  (b) one check-in round for 5,000 owners opened by the replicas' own ticker and delivered by the
 *      three of them through a fake Slack that enforces the documented limits, against the floor
 *      those limits allow; lost and duplicated prompts counted at the fake by outbox id;
 *  (c) start → listening, start → ready and idle RSS of every replica of both sets.
 * Run: npm run bench:replicas   (BENCH_QUICK=1: 500 owners, short load rounds; BENCH_OWNERS,
 * BENCH_ACTIVITIES; BENCH_ROUND_OPEN=run-due to open the round as on a day off)
 */
import os from 'node:os';
import { FakeSlack } from '../tests/fakes/fake-slack.js';
import { alternate, type Contender, type Measured, machine } from './compare.js';
import { ROUND_MS, ROUNDS, runLoad, WARM_UP_MS } from './load.js';
import { summarize } from './measure.js';
import { throwawayPostgres } from './postgres.js';
import { ROUND_LIMITS, replicaRound } from './replica-round.js';
import { type ReplicaSet, startReplicas, type TimedReplica } from './replica-set.js';
import { type RoundRobinProxy, roundRobinProxy } from './round-robin-proxy.js';
import { postSlashCommand } from './slack-request.js';

const QUICK = process.env.BENCH_QUICK === '1';
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const OWNERS = num('BENCH_OWNERS', QUICK ? 500 : 5_000);
const ACTIVITIES = num('BENCH_ACTIVITIES', Math.round(OWNERS * 2.4));
const REPLICAS = 3;
const LEVELS = [10, 50];
const LOAD = QUICK
  ? { rounds: 1, roundMs: 2_000, warmUpMs: 1_000 }
  : { rounds: ROUNDS, roundMs: ROUND_MS, warmUpMs: WARM_UP_MS };
const IDLE_MS = QUICK ? 2_000 : 5_000;
const SECRET = 'bench-signing-secret';
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const progress = (line: string) => process.stderr.write(`${line}\n`);

const started = performance.now();
const lines: string[] = [];
const out = (line = '') => lines.push(line);
out(
  `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — replicas.bench.ts${QUICK ? ' (BENCH_QUICK=1)' : ''}`,
);
out();
out(
  `- **Command:** \`${QUICK ? 'BENCH_QUICK=1 ' : ''}npm run bench:replicas\`; load average (1 / 5 / 15 min) at the start ${load()}`,
);
out(
  `- ${os.cpus().length} cores: the ${REPLICAS} replicas, PostgreSQL, the proxy, the load generator and the fake Slack all share them.`,
);
out();

// (a) and the first start-up set: three replicas on an empty database, the shipped catalog.
const startups: { label: string; replicas: readonly TimedReplica[]; rss: readonly number[] }[] = [];
const throughput: { level: number; results: Measured[]; spread: number[][] }[] = [];
let answersAgree = '';
let slowPath = 0;
/** (a) on three replicas started together on an empty database (with the shipped catalog). */
async function throughputOfReplicas(): Promise<void> {
  const pg = await throwawayPostgres('replicas');
  if (!pg) return;
  const slack = new FakeSlack();
  await slack.start();
  slack.users.set('U0BENCH', { email: 'bench@example.org', name: 'Bench User' });
  const env = {
    DATABASE_URL: pg.url,
    DELMAL_ENV: 'test',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
  };
  progress(`throughput: starting ${REPLICAS} replicas on an empty database`);
  let set: ReplicaSet | undefined;
  try {
    set = await startReplicas(REPLICAS, env);
    startups.push({
      label: 'empty database, started together (one migrates and seeds under the advisory lock)',
      replicas: set.replicas,
      rss: await set.idleRss(IDLE_MS),
    });
    // What each replica answers alone, asked twice (the first may take the slow path while the
    // replica looks the user up): the load checks every answer against it.
    const ask = (r: TimedReplica) =>
      postSlashCommand(`${r.base}/slack/events`, SECRET, '5', slack.responseUrl('alone'));
    const alone = await Promise.all(
      set.replicas.map(async (r) => {
        await ask(r);
        return ask(r);
      }),
    );
    const slowBefore = slack.delivered('response').length;
    const expect = alone[0] ?? '';
    answersAgree = alone.every((a) => a === expect && a.length > 100)
      ? `all ${REPLICAS} replicas gave the same ${expect.length}-byte answer alone`
      : `**the replicas' answers differ** (${alone.map((a) => a.length).join(', ')} bytes)`;
    const one = await roundRobinProxy([set.replicas[0]?.port ?? 0]);
    const all = await roundRobinProxy(set.replicas.map((r) => r.port));
    const contender = (label: string, proxy: RoundRobinProxy): Contender => ({
      label,
      run: (ms, concurrency) =>
        runLoad(
          {
            kind: 'slack',
            url: `http://127.0.0.1:${proxy.port}/slack/events`,
            secret: SECRET,
            text: '5',
            responseUrl: slack.responseUrl(label),
            expect,
          },
          ms,
          concurrency,
        ),
    });
    for (const level of LEVELS) {
      progress(`throughput: ${level} concurrent`);
      const before = [one, all].map((p) => [...p.perUpstream]);
      const results = await alternate(
        [contender('1 replica', one), contender(`${REPLICAS} replicas`, all)],
        level,
        LOAD,
      );
      const spread = [one, all].map((p, i) => p.perUpstream.map((n, k) => n - (before[i]?.[k] ?? 0)));
      throughput.push({ level, results, spread });
    }
    slowPath = slack.delivered('response').length - slowBefore;
    await one.close();
    await all.close();
  } finally {
    await set?.stop();
    await slack.stop();
    await pg.drop();
  }
}
await throughputOfReplicas();

progress(`round: ${OWNERS} owners, ${ACTIVITIES} activities, ${REPLICAS} replicas`);
const loadBeforeRound = load();
const forced = process.env.BENCH_ROUND_OPEN;
const round = await replicaRound(
  {
    owners: OWNERS,
    activities: ACTIVITIES,
    count: REPLICAS,
    idleMs: IDLE_MS,
    ...(forced === 'ticker' || forced === 'run-due' ? { open: forced } : {}),
  },
  progress,
);
if (round)
  startups.push({
    label: `migrated database holding the ${OWNERS}-owner, ${ACTIVITIES}-activity catalog, started together`,
    replicas: round.replicas,
    rss: round.idleRss,
  });

out('### (a) `/delmal 5` through a round-robin proxy: 1 vs 3 replicas');
out();
if (throughput.length === 0) out('PostgreSQL unreachable: not measured.');
else {
  out(
    `Signed slash commands (a fresh signature and trigger id each), clients in a worker thread, ${LOAD.rounds} alternating round(s) of ${LOAD.roundMs / 1000} s per row after ${LOAD.warmUpMs / 1000} s warm-up; ${answersAgree}, and every answer under load is checked byte for byte against it (a different answer, a non-200 or a failed connection is an error; an empty ack is Slack's slow path, the answer following through the response_url: ${slowPath} of those).`,
  );
  out();
  out('| concurrent | behind the proxy | req/s | p50 ms | p95 ms | p99 ms | errors | requests per replica |');
  out('|---:|---|---:|---:|---:|---:|---:|---|');
  for (const { level, results, spread } of throughput)
    for (const [i, r] of results.entries()) {
      const p = summarize(r.samples);
      out(
        `| ${level} | ${r.label} | ${(r.requests / r.seconds).toFixed(0)} | ${p.p50.toFixed(1)} | ${p.p95.toFixed(1)} | ${p.p99.toFixed(1)} | ${r.errors} | ${spread[i]?.join(' / ')} |`,
      );
    }
  out();
  out(
    `On this ${os.cpus().length}-core machine the ${REPLICAS} replicas compete for the same cores (with PostgreSQL, the proxy and the load generator), so more replicas cannot mean more req/s here; what the figures show is that spreading the requests over replicas adds no coordination cost and that every replica answers correctly. Scaling out needs cores per replica.`,
  );
}
out();
out('### (b) one check-in round on PostgreSQL, 3 replicas, against the rate-limit floor');
out();
if (!round) out('PostgreSQL unreachable: not measured.');
else {
  out(
    `Fake Slack enforcing 1 message/s per channel and chat.postMessage ${ROUND_LIMITS.tier.limit}/s (burst ${ROUND_LIMITS.tier.limit}), Tier 3 50/min; every owner's DM stored beforehand (what the identity warm-up does over the days before). Opened by: ${round.mechanism === 'ticker' ? `the replicas' own minute ticker (replica ${round.openedBy + 1} claimed the slot)` : '`delmal checkins run-due --now` (today is no workday in Sweden), delivered by the replicas'}. Load average before the round ${loadBeforeRound}.`,
  );
  out();
  out('| measure | value |');
  out('|---|---:|');
  out(`| prompts (one per owner) | ${round.prompts} |`);
  out(`| delivered at the fake | ${round.delivered} |`);
  out(`| lost (must be 0) | ${round.lost} |`);
  out(`| duplicates (must be 0) | ${round.duplicates} |`);
  out(`| round opened → all prompts enqueued | ${s(round.enqueuedMs)} |`);
  out(`| round opened → last prompt at the fake | ${s(round.tookMs)} |`);
  out(
    `| floor ((${round.prompts} − ${ROUND_LIMITS.tier.limit} burst) / ${ROUND_LIMITS.tier.limit} per s) | ${s(round.floorMs)} |`,
  );
  out(`| **ratio** | **${(round.tookMs / round.floorMs).toFixed(3)}** |`);
  out(`| 429 answers from the fake | ${round.rejected} |`);
  out(
    `| sends of unknown outcome looked up in the conversation (conversations.history) | ${round.lookups} |`,
  );
}
out();
out('### (c) start-up and idle RSS per replica');
out();
out(
  `\`delmal serve\` spawned with \`LOG_LEVEL=info\`; listening = its "delmal listening" line, ready = \`/readyz\` 200 (search index built), idle RSS from /proc ${IDLE_MS / 1000} s after the last was ready.`,
);
out();
out('| start | replica | start → listening | start → ready | idle RSS |');
out('|---|---:|---:|---:|---:|');
for (const set of startups)
  for (const [i, r] of set.replicas.entries())
    out(
      `| ${set.label} | ${i + 1} | ${s(r.listeningMs)} | ${s(r.readyMs)} | ${(set.rss[i] ?? 0).toFixed(1)} MB |`,
    );
out();
out(`- ${machine()}; whole run ${s(performance.now() - started)}`);
console.log(lines.join('\n'));
