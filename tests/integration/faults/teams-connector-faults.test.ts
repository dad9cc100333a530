import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConnectorClient } from '../../../adapters/teams/connector-client.js';
import { teamsDeliveryResult } from '../../../adapters/teams/teams-delivery-result.js';
import { LoopbackServer } from '../../fakes/loopback-server.js';

let mode: 'big-answer' | 'never-read' = 'big-answer';
const connector = new LoopbackServer((req, res) => {
  if (mode === 'never-read') return; // takes the connection, reads nothing, never answers
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json' });
    // The id first, then a body far over the 64 KiB the client reads.
    res.end(JSON.stringify({ id: '1:big-activity', padding: 'x'.repeat(200 * 1024) }));
  });
});
const noToken = { getAppToken: async () => null };

beforeEach(() => connector.start());
afterEach(() => connector.stop());

it('still tells the created activity’s id when the connector answers with more than 64 KiB', async () => {
  mode = 'big-answer';
  const client = new ConnectorClient(noToken);
  const created = await client.createActivity(`http://127.0.0.1:${connector.port}/`, 'a:1', {
    type: 'message',
  });
  expect(created.id).toBe('1:big-activity');
});

it('knows a send aborted before its body was written never reached Teams (safe to send again)', async () => {
  mode = 'never-read';
  const client = new ConnectorClient(noToken);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  // 32 MB: more than the kernel's socket buffers take while the connector reads nothing.
  const activity = { type: 'message', text: 'y'.repeat(32 * 1024 * 1024) };
  const failure = await client
    .createActivity(`http://127.0.0.1:${connector.port}/`, 'a:1', activity, controller.signal)
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(teamsDeliveryResult(failure)).toMatchObject({ ok: false, kind: 'transient' });
});
