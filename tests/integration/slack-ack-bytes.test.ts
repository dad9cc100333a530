import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SlackMessage } from '../../adapters/slack/render-blocks.js';
import { importCatalog } from '../../src/catalog/catalog-import.js';
import { systemClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postSlack, slackEnv, slashCommand } from '../support/slack.js';

// A cached answer's ack is serialised once and its bytes reused (adapters/slack/serialized-ack.ts):
// what a user sees must still follow the catalog, and the bytes must be a whole, valid answer.

const slack = new FakeSlack();
let server: TestServer;
const form = 'application/x-www-form-urlencoded';
const OLD_TITLE = 'Sårbara barn får det stöd de behöver';
const NEW_TITLE = 'Barn i utsatta situationer får stöd i tid';

const ask = async (text: string) => {
  const response = await postSlack(
    server.base,
    slashCommand(text, { responseUrl: slack.responseUrl('b') }),
    form,
  );
  const body = Buffer.from(await response.arrayBuffer());
  return {
    response,
    body,
    message: JSON.parse(body.toString('utf8')) as SlackMessage & { response_type: string },
  };
};
const headerOf = (message: SlackMessage) => {
  const header = message.blocks.find((b) => b.type === 'header');
  return header && 'text' in header ? (header.text as { text: string }).text : undefined;
};

beforeAll(async () => {
  await slack.start();
  server = await startTestServer(slackEnv(slack), 'sqlite', systemClock);
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
});

it('answers the same question with the same whole JSON, its length declared, in Swedish', async () => {
  const first = await ask('5');
  const second = await ask('5');
  expect(first.response.headers.get('content-type')).toBe('application/json');
  expect(Number(first.response.headers.get('content-length'))).toBe(first.body.length);
  expect(second.body.equals(first.body)).toBe(true);
  expect(first.message.response_type).toBe('ephemeral');
  expect(headerOf(first.message)).toBe(`Delmål 5: ${OLD_TITLE}`);
  expect(first.body.toString('utf8')).toContain('Dela i kanalen');
  // Another question is not answered with the first one's bytes.
  expect(headerOf((await ask('3')).message)).toMatch(/^Delmål 3: /);
});

it('shows the new title once the catalog is imported with it, without a restart', {
  timeout: 30_000,
}, async () => {
  expect(headerOf((await ask('5')).message)).toBe(`Delmål 5: ${OLD_TITLE}`);
  const shipped = readFileSync(new URL('../../db/catalog/catalog.yaml', import.meta.url), 'utf8');
  expect(shipped).toContain(OLD_TITLE);
  await importCatalog(
    server.app.db,
    { path: 'catalog.yaml', text: shipped.replaceAll(OLD_TITLE, NEW_TITLE) },
    { clock: systemClock },
  );
  // Another replica's import is seen within the revision check's 250 ms; this one's at once or so.
  const started = performance.now();
  let header = headerOf((await ask('5')).message);
  while (header !== `Delmål 5: ${NEW_TITLE}` && performance.now() - started < 5000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    header = headerOf((await ask('5')).message);
  }
  expect(header).toBe(`Delmål 5: ${NEW_TITLE}`);
});
