import { createHash, timingSafeEqual } from 'node:crypto';
import { type HttpServer, sendJson } from './http-server.js';

/** What the route needs of the metrics (src/metrics/metrics.ts): their text, ready to serve. */
interface MetricsText {
  render(): Promise<{ readonly contentType: string; readonly body: string }>;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` in Prometheus' text format, for a scraper that sends `Authorization: Bearer
 * <DELMAL_METRICS_TOKEN>`; anything else gets 401. Registered only when metrics are on, so
 * without the token the route does not exist (404).
 */
export function registerMetricsRoute(server: HttpServer, metrics: MetricsText, token: string): void {
  const expected = digest(token);
  server.route('GET', '/metrics', async (req, res) => {
    const header = req.headers.authorization ?? '';
    const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    // Compared as digests, in constant time: the token's length and content do not leak.
    if (!timingSafeEqual(digest(given), expected)) {
      res.setHeader('www-authenticate', 'Bearer realm="delmal metrics"');
      return sendJson(res, 401, { error: 'unauthorized' });
    }
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(body);
  });
}
