import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeConnector } from '../fakes/fake-connector.js';
import { anyJson, assertEach, chatText, FUZZ_RUNS, fuzzTimeout, mutate } from '../support/fuzz.js';
import type { TestServer } from '../support/server.js';
import { postActivity, startTeamsTestServer, teamsMessage } from '../support/teams.js';

/**
 * Property tests for every Teams entry point through the real route and Teams SDK: messages and
 * card submits, invokes (adaptiveCard/action, composeExtension/query), conversationUpdate. Any
 * body gets a 2xx or a 4xx — never a 5xx — and no check-in is written (nobody here owns one).
 */
const connector = new FakeConnector();
let server: TestServer;

beforeAll(async () => {
  server = await startTeamsTestServer(connector);
});
afterAll(() => server?.stop());

const checkIns = async () =>
  Number(
    (
      await server.app.db.kysely
        .selectFrom('check_ins')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const base = (text: string, extra: Record<string, unknown> = {}) => ({
  ...teamsMessage(text, { serviceUrl: connector.serviceUrl, conversationId: 'a:fuzz' }),
  ...extra,
});
const mention = (text: string) =>
  base(`<at>delmal</at> ${text}`, {
    entities: [{ type: 'mention', text: '<at>delmal</at>', mentioned: { id: '28:delmal', name: 'delmal' } }],
    conversation: { id: '19:fuzz@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' },
  });

const messages = fc.oneof(
  anyJson,
  chatText.map((text) => base(text)),
  chatText.chain((text) => mutate(mention(text))),
  chatText.chain((text) => mutate(base('', { value: { command: text } }))),
  anyJson.map((value) => base('', { value })),
);
const invokes = fc.oneof(
  fc.tuple(chatText, fc.constantFrom('delmal', 'other')).chain(([command, verb]) =>
    mutate(
      base('', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { verb, data: { command } } },
      }),
    ),
  ),
  chatText.chain((query) =>
    mutate(
      base('', {
        type: 'invoke',
        name: 'composeExtension/query',
        value: { commandId: 'search', parameters: [{ name: 'query', value: query }] },
      }),
    ),
  ),
  anyJson.map((value) => base('', { type: 'invoke', name: 'adaptiveCard/action', value })),
);
const updates = fc.oneof(
  mutate(base('', { type: 'conversationUpdate', membersAdded: [{ id: '28:delmal' }, { id: '29:someone' }] })),
  anyJson.map((membersAdded) => base('', { type: 'conversationUpdate', membersAdded })),
  mutate(base('', { type: 'installationUpdate', action: 'add' })),
);

const accepted = (status: number) => expect(status < 500 && status !== 0).toBe(true);

describe(`Teams entry points under ${FUZZ_RUNS} generated activities each`, () => {
  it(
    'messages and card submits: any body gets 2xx or 4xx',
    async () => {
      await assertEach(messages, async (body) => accepted((await postActivity(server.base, body)).status));
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    },
    fuzzTimeout(),
  );

  it(
    'invokes (card actions, message extension queries): 2xx or 4xx, and no check-in written',
    async () => {
      const before = await checkIns();
      await assertEach(invokes, async (body) => accepted((await postActivity(server.base, body)).status));
      expect(await checkIns()).toBe(before);
    },
    fuzzTimeout(),
  );

  it(
    'conversationUpdate and installation updates: 2xx or 4xx',
    async () => {
      await assertEach(updates, async (body) => accepted((await postActivity(server.base, body)).status));
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    },
    fuzzTimeout(),
  );
});
