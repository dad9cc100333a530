/**
 * Summarises a `.cpuprofile` (from `node --cpu-prof`): self time per package or project file, and
 * inclusive time of the functions named on the command line (where each request's time goes).
 * Run: node dist-bench/bench/profile-summary.js <file.cpuprofile> [function names…]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...names] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [function names…]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** Where a frame's code lives: a package, a project file, or Node/V8 itself. */
function place(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith('node:')) return url;
  const own = /dist-bench\/(.*)$/.exec(url);
  return own?.[1] ?? url;
}

const bySelf = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id);
  if (!n) continue;
  const key = place(n.callFrame.url, n.callFrame.functionName);
  bySelf.set(key, (bySelf.get(key) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
console.log(`total ${(total / 1e6).toFixed(2)} s sampled`);
console.log('\nself time by place');
for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${pct(v).padStart(7)}  ${k}`);

// Where each request's time goes: every sample goes to the first stage that a frame on its
// (synchronous) stack belongs to, leaf first; async hops cut stacks, so packages stand in for callers.
const STAGES: readonly (readonly [string, RegExp])[] = [
  [
    'signature / JWT',
    /isValidSlackRequest|verifySlackRequest|signed@|createHmac|Hmac|jsonwebtoken|jwks|JwtValidator|validateAccessToken|timingSafeEqual/,
  ],
  ['identity look-up', /identityEmail|findChatIdentity|identity-cache|adapters\/slack\/identity/],
  [
    'receipt + enqueue (database)',
    /claimReceipt|insertOutboxItems|settleOutboxItem|sendNowOnce|enqueueOnce|group-commit|better-sqlite3|kysely|pg\/|pg-protocol|rate-buckets|rate-gate/,
  ],
  [
    'render (Block Kit / Adaptive Card)',
    /renderBlocks|render-blocks|renderAdaptiveCard|render-card|slack-limits|mrkdwn|reply-text/,
  ],
  [
    'command (catalog, answer)',
    /handleMessage|commands\/|src\/catalog|src\/search|src\/intents|reply-cache|askerFor/,
  ],
  [
    'send to the platform (HTTP client)',
    /axios|follow-redirects|_http_client|_http_agent|teams\.api|deliver@|port-deliverer|teams-port|slack-port|web-api/,
  ],
  [
    'parse + shape checks',
    /JSON\.parse|^parse@|querystring|zod|safeParse|readBody|readJson|checkSlackBody|teamsActivityShape|slack-inbound|teams-inbound/,
  ],
  [
    'framework routing (Bolt / Teams SDK)',
    /@slack\/bolt|@microsoft\/teams\.apps|@microsoft\/teams\.common|processEvent/,
  ],
  [
    'HTTP server + response',
    /_http_server|_http_outgoing|_http_incoming|writev|writeLatin1String|writeUtf8String|stream_base|node:net|streams\/|http-server/,
  ],
  ['garbage collection', /\(garbage collector\)/],
  ['idle', /\(idle\)/],
];
const byStage = new Map<string, number>();
for (const [id, us] of self) {
  let stage = 'other (Node internals, promises, timers)';
  const frames: string[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (!n) break;
    frames.push(
      `${n.callFrame.functionName}@${n.callFrame.url ? place(n.callFrame.url, '') : n.callFrame.functionName}`,
    );
  }
  search: for (const frame of frames)
    for (const [name, pattern] of STAGES)
      if (pattern.test(frame)) {
        stage = name;
        break search;
      }
  byStage.set(stage, (byStage.get(stage) ?? 0) + us);
}
console.log('\nby stage (leaf first)');
for (const [k, v] of [...byStage].sort((a, b) => b[1] - a[1])) console.log(`${pct(v).padStart(7)}  ${k}`);
if (names.length > 0) {
  console.log('\ninclusive time of named functions (synchronous stacks only)');
  const inclusive = new Map<string, number>(names.map((n) => [n, 0]));
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      for (const name of names)
        if (!seen.has(name) && `${n.callFrame.functionName}@${place(n.callFrame.url, '')}`.includes(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        }
    }
  }
  for (const [k, v] of inclusive) console.log(`${pct(v).padStart(7)}  ${k}`);
}
