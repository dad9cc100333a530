import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy: its port, the requests each upstream got, and how many failed at the proxy. */
export interface RoundRobinProxy {
  readonly port: number;
  readonly perUpstream: number[];
  failed: number;
  close(): Promise<void>;
}

/**
 * The simplest load balancer: every request to the next of `upstreams` (ports on 127.0.0.1) in
 * turn, streamed through unchanged, over keep-alive connections (at most `sockets` per upstream).
 * An upstream that cannot be reached gets the request answered 502 (counted in `failed`).
 */
export async function roundRobinProxy(upstreams: readonly number[], sockets = 64): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const perUpstream = upstreams.map(() => 0);
  let next = 0;
  const proxy: Omit<RoundRobinProxy, 'port'> & { port: number } = {
    port: 0,
    perUpstream,
    failed: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
  const server = createServer((req, res) => {
    const i = next;
    next = (next + 1) % upstreams.length;
    perUpstream[i] = (perUpstream[i] ?? 0) + 1;
    const upstream = request(
      {
        host: '127.0.0.1',
        port: upstreams[i],
        method: req.method,
        path: req.url,
        headers: { ...req.headers, connection: 'keep-alive' },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      proxy.failed++;
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  return proxy;
}
