import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { HttpServer } from '../../../src/server/http-server.js';

const lines: Record<string, unknown>[] = [];
const stream = new PassThrough();
stream.on('data', (chunk) => {
  for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
});
const logger = createLogger('info', stream);
let server: HttpServer;
let base: string;

beforeAll(async () => {
  server = new HttpServer(logger);
  server.route('GET', '/work', async (_req, res) => {
    // A deeper layer, after an await: it only has the logger, not the request.
    await new Promise((resolve) => setTimeout(resolve, 5));
    logger.info({ step: 'deep' }, 'working');
    res.end('ok');
  });
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});
afterAll(() => server.close());

const logged = async (id: string) => {
  for (let i = 0; i < 50 && !lines.some((l) => l.requestId === id); i++)
    await new Promise((resolve) => setImmediate(resolve));
  return lines.filter((l) => l.requestId === id);
};

describe('request ids', () => {
  it('keep a load balancer’s x-request-id and put it on every line logged for the request', async () => {
    const response = await fetch(`${base}/work`, { headers: { 'x-request-id': 'lb-0123456789' } });
    expect(response.headers.get('x-request-id')).toBe('lb-0123456789');
    expect((await logged('lb-0123456789')).map((l) => l.step)).toEqual(['deep']);
  });

  it('mint one when there is none, or when the given one is not an id', async () => {
    const cases: Record<string, string>[] = [{}, { 'x-request-id': 'hej <script> med mellanslag' }];
    for (const headers of cases) {
      const response = await fetch(`${base}/work`, { headers });
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await logged(id)).map((l) => l.step)).toEqual(['deep']);
    }
  });
});
