import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSlackLimits, type SlackMessage } from '../../../adapters/slack/render-blocks.js';
import { SLACK_BODY_LIMIT } from '../../../adapters/slack/slack-http-route.js';
import { systemClock } from '../../../src/clock.js';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { shippedCatalog } from '../../support/catalog.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import {
  blockAction,
  eventCallback,
  postSlack,
  slashCommand,
  TEST_SIGNING_SECRET,
  viewSubmission,
} from '../../support/slack.js';

const slack = new FakeSlack();
let server: TestServer;
const form = 'application/x-www-form-urlencoded';
const json = 'application/json';

const startSlackServer = () =>
  startTestServer(
    {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    'sqlite',
    systemClock,
  );

beforeAll(async () => {
  await slack.start();
  server = await startSlackServer();
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
});
beforeEach(() => {
  slack.calls.length = 0;
});

const textOf = (message: SlackMessage) => JSON.stringify(message.blocks);
const buttonValues = (message: SlackMessage) =>
  message.blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements.flatMap((e) => ('value' in e && e.value ? [e.value] : [])) : [],
  );

describe('signed Slack requests of the wrong shape', () => {
  it('answer 400 — never crash the process, never 5xx (JSON null, payload=null, arrays, strings)', async () => {
    const cases: Array<[string, typeof form | typeof json]> = [
      ['null', json],
      ['[]', json],
      ['"event"', json],
      ['{}', json],
      ['{"type":"event_callback","event":null}', json],
      ['payload=null', form],
      ['payload=%5B%5D', form],
      ['payload=%7B%22type%22%3A%22block_actions%22%7D', form],
      ['payload=not-json', form],
      ['command=%2Fdelmal', form],
    ];
    for (const [body, type] of cases) {
      const response = await postSlack(server.base, body, type);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(slack.calls).toEqual([]);
  });

  it(`refuses a body over ${SLACK_BODY_LIMIT / 1024} kB with 413 before reading it all`, async () => {
    const text = 'ensamhet '.repeat(120_000);
    const body = eventCallback(
      { type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0MEMBER', text, ts: '1.1' },
      'Ev-big',
    );
    const response = await postSlack(server.base, body, json);
    expect(response.status).toBe(413);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });
});

describe('interactions delmal does not offer', () => {
  it('acknowledges an unknown action_id at once and says politely that the button is not known', async () => {
    const started = Date.now();
    const press = blockAction(
      { actionId: 'someone_elses_button', value: 'x' },
      { responseUrl: slack.responseUrl('u1'), ephemeral: true },
    );
    const response = await postSlack(server.base, press, form);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    const [call] = await slack.waitFor('response');
    expect(call?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(call?.body.text)).toContain('Knappen känns inte igen');
  });

  it('acknowledges a submission of a view that is not delmal’s', async () => {
    const payload = new URLSearchParams(viewSubmission({ userId: 'U0MEMBER', activityId: 'cross' }));
    const parsed = JSON.parse(payload.get('payload') ?? '{}');
    parsed.view.callback_id = 'another_app_modal';
    const response = await postSlack(
      server.base,
      new URLSearchParams({ payload: JSON.stringify(parsed) }).toString(),
      form,
    );
    expect(response.status).toBe(200);
  });
});

describe('/delmal with a number that is not a delmål', () => {
  it.each(['-1', '0', '99', '1000'])(
    '/delmal %s lists the delmål that exist instead of searching',
    async (n) => {
      const response = await postSlack(
        server.base,
        slashCommand(n, { responseUrl: slack.responseUrl(`n${n}`) }),
        form,
      );
      const message = (await response.json()) as SlackMessage;
      expect(textOf(message)).toMatch(
        new RegExp(`Det finns inget delmål ${n} i [^.]+\\. Delmålen är numrerade 1–\\d+`),
      );
      expect(textOf(message)).not.toContain('Sökresultat');
    },
  );
});

describe('"Dela i kanalen" carries a command, not the text', () => {
  it('keeps the button value within Slack’s 2,000 characters and reproduces the same answer', async () => {
    const question = `sok ${'ensamhet bland äldre personer i kommunen '.repeat(45)}`.slice(0, 1990);
    const response = await postSlack(
      server.base,
      slashCommand(question, { responseUrl: slack.responseUrl('q') }),
      form,
    );
    const message = (await response.json()) as SlackMessage;
    expect(checkSlackLimits(message)).toEqual([]);
    const [value] = buttonValues(message).slice(-1);
    expect(value).toBeDefined();
    expect(value?.length).toBeLessThanOrEqual(300);
    const press = blockAction(
      { actionId: 'delmal_share', value: value ?? '' },
      { responseUrl: slack.responseUrl('q-share'), ephemeral: true, channel: 'C0NETWORK' },
    );
    expect((await postSlack(server.base, press, form)).status).toBe(200);
    const [shared] = await slack.waitFor('response');
    const sharedBlocks = (shared?.body as unknown as SlackMessage | undefined)?.blocks ?? [];
    expect(sharedBlocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(sharedBlocks)).toBe(JSON.stringify(message.blocks.slice(0, sharedBlocks.length)));
  });

  it('answers a message over 2,000 characters politely, in Swedish, with nothing to share', async () => {
    const response = await postSlack(
      server.base,
      slashCommand('x'.repeat(4000), { responseUrl: slack.responseUrl('long') }),
      form,
    );
    const message = (await response.json()) as SlackMessage;
    expect(textOf(message)).toContain('Meddelandet är för långt för mig');
    expect(checkSlackLimits(message)).toEqual([]);
    expect(buttonValues(message)).toEqual([]);
  });

  it('offers no share button for a check-in (sharing would record it again)', async () => {
    const response = await postSlack(
      server.base,
      slashCommand('avstamning cross gron', { responseUrl: slack.responseUrl('ci') }),
      form,
    );
    const message = (await response.json()) as SlackMessage;
    expect(textOf(message)).not.toContain('delmal_share');
  });
});

describe('the check-in form when the database is gone', () => {
  it('shows an apology with a reference in the form, where the user is looking', async () => {
    const own = await startSlackServer();
    try {
      const owner = shippedCatalog.activities[0]?.owners[0] ?? '';
      slack.users.set('U0OWNER2', { email: owner, name: 'Owner' });
      const activityId = shippedCatalog.activities[0]?.id ?? '';
      // Warm the identity and catalog caches, then take the database away.
      await postSlack(
        own.base,
        slashCommand('mina', { responseUrl: slack.responseUrl('w'), userId: 'U0OWNER2' }),
        form,
      );
      await own.app.db.close();
      const response = await postSlack(
        own.base,
        viewSubmission({ userId: 'U0OWNER2', activityId, status: 'on_track', note: 'ok' }),
        form,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.values(body.errors).join(' ')).toMatch(/databas.*Referens: [0-9a-f]{8}/);
    } finally {
      await own.stop().catch(() => {});
    }
  });
});
