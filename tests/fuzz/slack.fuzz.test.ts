import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits, type SlackMessage } from '../../adapters/slack/render-blocks.js';
import { systemClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { anyJson, assertEach, chatText, FUZZ_RUNS, fuzzTimeout, mutate } from '../support/fuzz.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  blockAction,
  eventCallback,
  postSlack,
  slashCommand,
  TEST_SIGNING_SECRET,
  viewSubmission,
} from '../support/slack.js';

/**
 * Property tests for every Slack entry point, through the real route, signature and Bolt app: a
 * correctly signed request of any shape is answered 200 or 400 — never a 5xx, never a crash — and
 * nothing is half-written (nobody here owns an activity, so no check-in may ever appear).
 */
const slack = new FakeSlack();
let server: TestServer;
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  await slack.start();
  server = await startTestServer(
    {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    'sqlite',
    systemClock,
  );
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
});

const checkIns = async () =>
  Number(
    (
      await server.app.db.kysely
        .selectFrom('check_ins')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let eventCounter = 0;
const envelope = (event: Record<string, unknown>) => JSON.parse(eventCallback(event, `EvF${eventCounter++}`));
const events = fc.oneof(
  anyJson,
  chatText.map((text) =>
    envelope({ type: 'message', channel_type: 'im', channel: 'D0F', user: 'U0F', text, ts: '1.1' }),
  ),
  chatText.chain((text) =>
    mutate(envelope({ type: 'app_mention', channel: 'C0F', user: 'U0F', text, ts: '1.2' })),
  ),
  mutate(
    envelope({
      type: 'message',
      channel_type: 'im',
      channel: 'D0F',
      user: 'U0F',
      text: 'delmal 5',
      ts: '1.3',
    }),
  ),
  mutate(envelope({ type: 'app_home_opened', user: 'U0F', tab: 'home' })),
  mutate({ type: 'url_verification', challenge: 'c', token: 't' }),
);

const FIELDS = ['command', 'text', 'team_id', 'user_id', 'response_url', 'trigger_id', 'channel_id'];
const commands = fc
  .tuple(chatText, fc.subarray(FIELDS, { maxLength: 2 }), fc.subarray(FIELDS, { maxLength: 1 }), fc.boolean())
  .map(([text, dropped, doubled, valid]) => {
    const fields = new URLSearchParams(slashCommand(text, { responseUrl: slack.responseUrl('fc') }));
    if (valid) return fields.toString();
    for (const name of dropped) fields.delete(name);
    for (const name of doubled) fields.append(name, 'again');
    return fields.toString();
  });

const actionIds = fc.oneof(
  fc.constantFrom('delmal_share', 'delmal_cmd_1', 'delmal_url_1', 'someone_else'),
  fc.string({ maxLength: 20 }),
);
const interactions = fc.oneof(
  fc.tuple(actionIds, chatText, fc.boolean()).chain(([actionId, value, ephemeral]) =>
    fc.oneof(
      fc.constant(blockAction({ actionId, value }, { responseUrl: slack.responseUrl('fa'), ephemeral })),
      mutate(
        JSON.parse(
          new URLSearchParams(
            blockAction({ actionId, value }, { responseUrl: slack.responseUrl('fa'), ephemeral }),
          ).get('payload') ?? '',
        ),
      ).map((payload) => new URLSearchParams({ payload: JSON.stringify(payload) ?? '' }).toString()),
    ),
  ),
  fc
    .tuple(fc.constantFrom('cross', 'nope', ''), fc.constantFrom('on_track', 'blocked', 'x', ''), chatText)
    .chain(([activityId, status, note]) =>
      mutate(
        JSON.parse(
          new URLSearchParams(viewSubmission({ userId: 'U0F', activityId, status, note })).get('payload') ??
            '',
        ),
      ).map((payload) => new URLSearchParams({ payload: JSON.stringify(payload) ?? '' }).toString()),
    ),
  anyJson.map((payload) => new URLSearchParams({ payload: JSON.stringify(payload) ?? '' }).toString()),
);

describe(`Slack entry points under ${FUZZ_RUNS} generated requests each`, () => {
  it(
    'Events API: any signed JSON gets 200 or 400',
    async () => {
      await assertEach(events, async (body) => {
        const response = await postSlack(server.base, JSON.stringify(body) ?? '', 'application/json');
        expect([200, 400]).toContain(response.status);
      });
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    },
    fuzzTimeout(),
  );

  it(
    'slash commands: any signed form gets 200 (within Block Kit limits) or 400',
    async () => {
      await assertEach(commands, async (body) => {
        const response = await postSlack(server.base, body, form);
        expect([200, 400]).toContain(response.status);
        const text = await response.text();
        if (response.status === 200 && text.startsWith('{'))
          expect(checkSlackLimits(JSON.parse(text) as SlackMessage)).toEqual([]);
      });
    },
    fuzzTimeout(),
  );

  it(
    'interactivity: block_actions and view_submission of any shape get 200 or 400 and write no check-in',
    async () => {
      const before = await checkIns();
      await assertEach(interactions, async (body) => {
        const response = await postSlack(server.base, body, form);
        expect([200, 400]).toContain(response.status);
      });
      expect(await checkIns()).toBe(before);
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    },
    fuzzTimeout(),
  );
});
