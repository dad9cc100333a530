import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSlackLimits, type SlackMessage } from '../../adapters/slack/render-blocks.js';
import { systemClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { shippedCatalog } from '../support/catalog.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  blockAction,
  eventCallback,
  postSlack,
  slashCommand,
  TEST_SIGNING_SECRET,
  viewSubmission,
} from '../support/slack.js';

const slack = new FakeSlack();
let server: TestServer;
const owner = shippedCatalog.activities[0]?.owners[0] ?? '';
const ownerName = shippedCatalog.people.find((p) => p.email === owner)?.name ?? '';

/** delmal with Slack configured against the fake, on real time (retries wait real seconds). */
const startSlackServer = (options: { slackInlineAnswerMs?: number } = {}) =>
  startTestServer(
    {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    'sqlite',
    systemClock,
    options,
  );

beforeAll(async () => {
  await slack.start();
  slack.users.set('U0OWNER', { email: owner, name: ownerName });
  server = await startSlackServer();
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
});
beforeEach(() => {
  slack.calls.length = 0;
});

const headerOf = (message: SlackMessage) => {
  const header = message.blocks.find((b) => b.type === 'header');
  return header && 'text' in header ? (header.text as { text: string }).text : undefined;
};

describe('Slack requests are verified', () => {
  it('answers the url_verification challenge', async () => {
    const response = await postSlack(
      server.base,
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'application/json',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });

  it('rejects a bad signature, a wrong secret and an expired timestamp with 401, and does nothing', async () => {
    const body = slashCommand('5', { responseUrl: slack.responseUrl('nope') });
    const form = 'application/x-www-form-urlencoded';
    expect((await postSlack(server.base, body, form, { signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await postSlack(server.base, body, form, { secret: 'another-secret' })).status).toBe(401);
    expect(
      (await postSlack(server.base, body, form, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }))
        .status,
    ).toBe(401);
    await server.app.settled();
    expect(slack.calls.filter((c) => c.method === 'response')).toEqual([]);
  });
});

describe('/delmal', () => {
  const form = 'application/x-www-form-urlencoded';

  it('answers in its ack, within Slack’s 3 seconds, only to the asker, with a button to share', async () => {
    const started = Date.now();
    const response = await postSlack(
      server.base,
      slashCommand('5', { responseUrl: slack.responseUrl('c1') }),
      form,
    );
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const message = (await response.json()) as SlackMessage & { response_type: string };
    expect(message.response_type).toBe('ephemeral');
    expect(headerOf(message)).toBe('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(JSON.stringify(message.blocks)).toContain('Dela i kanalen');
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('shares the answer in the channel when the asker presses "Dela i kanalen"', async () => {
    const press = blockAction(
      { actionId: 'delmal_share', value: '/delmal 5' },
      { responseUrl: slack.responseUrl('s1'), ephemeral: true, channel: 'C0NETWORK' },
    );
    expect((await postSlack(server.base, press, form)).status).toBe(200);
    const [call] = await slack.waitFor('response');
    expect(call?.body).toMatchObject({ response_type: 'in_channel', delete_original: true });
    expect(headerOf(call?.body as unknown as SlackMessage)).toBe(
      'Delmål 5: Sårbara barn får det stöd de behöver',
    );
  });

  it('runs a reply’s button as a command, replacing the ephemeral answer', async () => {
    const press = blockAction(
      { actionId: 'delmal_cmd_3', value: 'delmal aktivitet cross' },
      { responseUrl: slack.responseUrl('a1'), ephemeral: true },
    );
    await postSlack(server.base, press, form);
    const [call] = await slack.waitFor('response');
    expect(call?.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(headerOf(call?.body as unknown as SlackMessage)).toBe('CROSS');
  });

  it('knows an owner by the e-mail Slack gives for them', async () => {
    const response = await postSlack(
      server.base,
      slashCommand('mina', { responseUrl: slack.responseUrl('m1'), userId: 'U0OWNER' }),
      form,
    );
    expect(headerOf((await response.json()) as SlackMessage)).toBe(`Mina aktiviteter – ${ownerName}`);
    expect(slack.calls.some((c) => c.method === 'users.info' && c.body.user === 'U0OWNER')).toBe(true);
  });

  describe('when the answer takes longer than the ack may wait', () => {
    let slow: TestServer;
    beforeAll(async () => {
      slow = await startSlackServer({ slackInlineAnswerMs: 0 });
    });
    afterAll(() => slow?.stop());

    it('acks empty at once and answers through the response URL, surviving a 5xx', async () => {
      slack.failNext('response', { status: 503 });
      const response = await postSlack(
        slow.base,
        slashCommand('7', { responseUrl: slack.responseUrl('r5') }),
        form,
      );
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      const [call] = await slack.waitFor('response');
      expect(call?.body.response_type).toBe('ephemeral');
      expect(headerOf(call?.body as unknown as SlackMessage)).toBe(
        'Delmål 7: Ökad möjlighet till egen försörjning',
      );
      expect(slack.calls.filter((c) => c.method === 'response').map((c) => c.status)).toEqual([503, 200]);
    });
  });
});

describe('direct messages and mentions', () => {
  it('answers a DM in the DM, once, however often Slack retries the event', async () => {
    const event = eventCallback(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0DM',
        user: 'U0MEMBER',
        text: 'delmal 3',
        ts: '1700000000.000200',
      },
      'Ev0DM1',
    );
    expect((await postSlack(server.base, event, 'application/json')).status).toBe(200);
    expect((await postSlack(server.base, event, 'application/json', { retryNum: 1 })).status).toBe(200);
    expect((await postSlack(server.base, event, 'application/json', { retryNum: 2 })).status).toBe(200);
    const [call] = await slack.waitFor('chat.postMessage');
    expect(call?.body.channel).toBe('D0DM');
    expect(call?.body.text).toBe('Delmål 3: Människor lever ett liv fritt från missbruk och beroende');
    await server.app.settled();
    expect(slack.delivered('chat.postMessage')).toHaveLength(1);
  });

  it('answers @delmal in a channel in the thread', async () => {
    const event = eventCallback(
      {
        type: 'app_mention',
        channel: 'C0NETWORK',
        user: 'U0MEMBER',
        text: '<@UBOT> sok ensamhet',
        ts: '1700000000.000300',
      },
      'Ev0MENTION',
    );
    await postSlack(server.base, event, 'application/json');
    const [call] = await slack.waitFor('chat.postMessage');
    expect(call?.body).toMatchObject({ channel: 'C0NETWORK', thread_ts: '1700000000.000300' });
    expect(JSON.stringify(call?.body.blocks)).toContain('CHERRIES');
  });

  it('waits out a 429 and delivers exactly once', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await postSlack(
      server.base,
      eventCallback(
        {
          type: 'message',
          channel_type: 'im',
          channel: 'D0DM',
          user: 'U0MEMBER',
          text: 'delmal 8',
          ts: '1700000000.000400',
        },
        'Ev0RATE',
      ),
      'application/json',
    );
    const [call] = await slack.waitFor('chat.postMessage');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(call?.body.text).toBe('Delmål 8: Kompetensbehovet inom den sociala välfärden är tillgodosett');
    await server.app.settled();
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.status)).toEqual([
      429, 200,
    ]);
  });

  it('ignores its own messages and other bots', async () => {
    await postSlack(
      server.base,
      eventCallback(
        {
          type: 'message',
          channel_type: 'im',
          channel: 'D0DM',
          bot_id: 'BBOT',
          user: 'UBOT',
          text: 'Delmål 3',
          ts: '1',
        },
        'Ev0BOT',
      ),
      'application/json',
    );
    await server.app.settled();
    expect(slack.delivered('chat.postMessage')).toEqual([]);
  });
});

describe('start-up', () => {
  it('refuses to start when Slack rejects the bot token, saying what to fix', async () => {
    const rejecting = new FakeSlack();
    await rejecting.start();
    rejecting.failNext('auth.test', { status: 200, error: 'invalid_auth' });
    try {
      await expect(
        startTestServer({
          SLACK_BOT_TOKEN: 'xoxb-wrong',
          SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
          SLACK_API_URL: rejecting.apiUrl,
        }),
      ).rejects.toMatchObject({ code: 'SLACK_REJECTED', slackError: 'invalid_auth' });
    } finally {
      await rejecting.stop();
    }
  });
});

describe('App Home and checking in', () => {
  const cross = shippedCatalog.activities.find((a) => a.id === 'cross');
  const crossOwner = cross?.owners[0] ?? '';

  beforeAll(() => {
    slack.users.set('U0CROSS', {
      email: crossOwner,
      name: shippedCatalog.people.find((p) => p.email === crossOwner)?.name ?? '',
    });
  });

  it('publishes "Mina aktiviteter" with a check-in button for each of the owner’s activities', async () => {
    await postSlack(
      server.base,
      eventCallback({ type: 'app_home_opened', user: 'U0CROSS', channel: 'D0HOME', tab: 'home' }, 'Ev0HOME1'),
      'application/json',
    );
    const [call] = await slack.waitFor('views.publish');
    const view = call?.body.view as { type: string; blocks: unknown[] };
    expect(call?.body.user_id).toBe('U0CROSS');
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Mina aktiviteter');
    expect(text).toContain('CROSS');
    expect(text).toContain('"value":"delmal avstamning cross"');
    expect(text).toContain('Stäm av nu');
  });

  it('opens the check-in modal within the trigger’s lifetime when "Stäm av nu" is pressed', async () => {
    const press = blockAction(
      { actionId: 'delmal_cmd_1', value: 'delmal avstamning cross' },
      { responseUrl: slack.responseUrl('h1'), ephemeral: false, userId: 'U0CROSS' },
    );
    await postSlack(server.base, press, 'application/x-www-form-urlencoded');
    const [call] = await slack.waitFor('views.open');
    const modal = call?.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string }[];
    };
    expect(modal.callback_id).toBe('delmal_checkin');
    expect(JSON.parse(modal.private_metadata)).toEqual({ activityId: 'cross', mode: 'new' });
    expect(modal.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'status',
      'note',
      'next_step',
      'support',
    ]);
  });

  it('shows a personnummer in the note as an inline Swedish error and stores nothing', async () => {
    const response = await postSlack(
      server.base,
      viewSubmission({
        userId: 'U0CROSS',
        activityId: 'cross',
        status: 'on_track',
        note: 'Gäller 850709-9805.',
      }),
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.note).toMatch(/^Kommentaren innehåller ett personnummer eller samordningsnummer/);
    const stored = await server.app.db.kysely.selectFrom('check_ins').selectAll().execute();
    expect(stored).toEqual([]);
  });

  it('refuses someone who does not own the activity, under the status field', async () => {
    slack.users.set('U0READER', { email: 'lasare@example.org', name: 'Läsare' });
    const submit = async (userId: string) => {
      const response = await postSlack(
        server.base,
        viewSubmission({ userId, activityId: 'cross', status: 'on_track' }),
        'application/x-www-form-urlencoded',
      );
      return ((await response.json()) as { errors: Record<string, string> }).errors.status;
    };
    expect(await submit('U0READER')).toMatch(/^Du står inte som ansvarig för CROSS/);
    // Someone whose Slack account shows no e-mail cannot be looked up: told so, not "ask to be added".
    expect(await submit('U0MEMBER')).toMatch(
      /^Jag vet inte vem du är, så jag kan inte se om du är ansvarig för CROSS/,
    );
  });

  it('records a valid check-in, thanks the owner and refreshes their App Home', async () => {
    const response = await postSlack(
      server.base,
      viewSubmission({
        userId: 'U0CROSS',
        activityId: 'cross',
        status: 'at_risk',
        note: 'Enkäten är försenad.',
      }),
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const [thanks] = await slack.waitFor('chat.postMessage');
    expect(thanks?.body.channel).toBe('U0CROSS');
    expect(String(thanks?.body.text)).toMatch(/^CROSS: Tack! Registrerat \d\d:\d\d — Risk för avvikelse$/);
    const [home] = await slack.waitFor('views.publish');
    expect(JSON.stringify(home?.body.view)).toContain('Risk för avvikelse');
    const stored = await server.app.db.kysely
      .selectFrom('check_ins')
      .select(['activity_id', 'status_code', 'note', 'platform'])
      .execute();
    expect(stored).toEqual([
      { activity_id: 'cross', status_code: 'at_risk', note: 'Enkäten är försenad.', platform: 'slack' },
    ]);
  });
});

describe('the error boundary', () => {
  it('answers with a short Swedish apology and a reference id when the database is gone', async () => {
    const broken = await startSlackServer();
    try {
      await broken.app.db.close();
      const response = await postSlack(
        broken.base,
        slashCommand('5', { responseUrl: slack.responseUrl('e1'), userId: 'U0NEW' }),
        'application/x-www-form-urlencoded',
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { text: string; response_type: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toMatch(
        /^Jag kommer inte åt min databas just nu, förlåt\. .* Referens: [0-9a-f]{8}\.$/,
      );
    } finally {
      await broken.stop().catch(() => {});
    }
  });
});

describe('checking in from a DM', () => {
  it('records the check-in, answers in the DM and refreshes App Home', async () => {
    const dm = eventCallback(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0CROSS',
        user: 'U0CROSS',
        text: 'delmal avstamning cross hinder Lokalen är stängd.',
        ts: '1700000000.001000',
      },
      'Ev0DMCHECKIN',
    );
    await postSlack(server.base, dm, 'application/json');
    const [answer] = await slack.waitFor('chat.postMessage');
    expect(String(answer?.body.text)).toMatch(/^Tack! Registrerat \d\d:\d\d — Hinder \/ avvikelse$/);
    const [home] = await slack.waitFor('views.publish');
    expect(home?.body.user_id).toBe('U0CROSS');
    expect(JSON.stringify(home?.body.view)).toContain('Hinder / avvikelse');
  });
});
