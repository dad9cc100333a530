import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { signedSlashCommand } from './slack-request.js';

/** What the main thread asks for: signed /delmal requests against `url` for `durationMs`. */
interface LoadRequest {
  /** `slack`: signed slash commands; `teams`: Bot Framework message activities. */
  readonly kind?: 'slack' | 'teams';
  readonly url: string;
  readonly secret: string;
  readonly text: string;
  /** Slack: the response_url; Teams: the serviceUrl. */
  readonly responseUrl: string;
  readonly concurrency: number;
  readonly durationMs: number;
  /**
   * When set, an answer whose body is neither exactly this nor empty (Slack's slow path: the answer
   * follows through the response_url) counts as an error.
   */
  readonly expect?: string;
}

/** One request body and its headers, fresh each time (unique ids, current signature). */
function nextRequest(): { body: string; headers: Record<string, string> } {
  if (load.kind === 'teams')
    return {
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: load.responseUrl,
        from: { id: '29:bench', aadObjectId: '00000000-0000-0000-0000-0000000000be' },
        recipient: { id: '28:delmal', name: 'delmal' },
        conversation: { id: 'a:bench', conversationType: 'personal', tenantId: 'tenant-bench' },
        text: load.text,
      }),
      headers: { 'content-type': 'application/json' },
    };
  return signedSlashCommand(load.secret, load.text, load.responseUrl);
}

// Runs in its own thread (its own event loop) so the load generator does not queue behind the
// server it measures. Every request is a fresh slash command, signed as Slack signs it.
const load = workerData as LoadRequest;
const samples: number[] = [];
// node:http with keep-alive: lighter per response than fetch's web streams, so the generator stays
// cheap next to the server whatever the size of the answers it reads.
const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
const target = new URL(load.url);

/** The status of one POST; 0 when `expect` is set and the body is another answer. */
function post(body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (load.expect !== undefined) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve(
            load.expect === undefined ||
              chunks.length === 0 ||
              Buffer.concat(chunks).toString('utf8') === load.expect
              ? (res.statusCode ?? 0)
              : 0,
          ),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
let errors = 0;
const until = Date.now() + load.durationMs;

async function client(): Promise<void> {
  while (Date.now() < until) {
    const { body, headers } = nextRequest();
    const start = process.hrtime.bigint();
    try {
      const status = await post(body, headers);
      if (status !== 200) errors++;
      else samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    } catch {
      errors++;
    }
  }
}

await Promise.all(Array.from({ length: load.concurrency }, () => client()));
agent.destroy();
parentPort?.postMessage({ samples, errors });
