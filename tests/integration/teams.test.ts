import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { cardProblems, textBlockTexts } from '../support/adaptive-cards.js';
import { shippedCatalog } from '../support/catalog.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity, startTeamsTestServer, teamsCardAction, teamsMessage } from '../support/teams.js';

const connector = new FakeConnector();
let server: TestServer;

beforeAll(async () => {
  // DELMAL_ENV=test, no Teams credentials: unauthenticated activities are accepted (as from the Emulator).
  server = await startTeamsTestServer(connector);
});
afterAll(() => server?.stop());
beforeEach(() => {
  connector.calls.length = 0;
});

/** What the bot posted to conversations (not its roster look-ups). */
const activityPosts = () => connector.calls.filter((c) => c.method === 'POST');

const cardOf = (call: { body: Record<string, unknown> } | undefined) =>
  ((call?.body.attachments as { content: object }[] | undefined) ?? [])[0]?.content ?? {};

describe('Teams through POST /api/messages', () => {
  it('answers "delmal 5" in a personal chat with an Adaptive Card 1.5, at the activity’s serviceUrl', async () => {
    const activity = teamsMessage('delmal 5', { serviceUrl: connector.serviceUrl });
    const response = await postActivity(server.base, activity);
    expect(response.status).toBe(200);
    const [call] = await connector.waitFor();
    expect(decodeURIComponent(call?.path ?? '')).toBe('/v3/conversations/a:personal-1/activities');
    expect(call?.body.replyToId).toBe(activity.id);
    const card = cardOf(call);
    expect(textBlockTexts(card)).toContain('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(cardProblems(card)).toEqual([]);
  });

  it('runs the command behind a card button (Action.Submit)', async () => {
    await postActivity(
      server.base,
      teamsMessage('', { serviceUrl: connector.serviceUrl, value: { command: 'delmal aktivitet cross' } }),
    );
    const [call] = await connector.waitFor();
    expect(textBlockTexts(cardOf(call))).toContain('CROSS');
  });

  it('answers a channel mention in its thread', async () => {
    const activity = teamsMessage('<at>delmal</at> sok ensamhet', {
      serviceUrl: connector.serviceUrl,
      conversationId: '19:network@thread.tacv2;messageid=1700000000000',
      conversationType: 'channel',
    });
    (activity as { entities?: unknown[] }).entities = [
      { type: 'mention', text: '<at>delmal</at>', mentioned: { id: '28:delmal', name: 'delmal' } },
    ];
    await postActivity(server.base, activity);
    const [call] = await connector.waitFor();
    expect(decodeURIComponent(call?.path ?? '')).toBe(
      '/v3/conversations/19:network@thread.tacv2;messageid=1700000000000/activities',
    );
    expect(JSON.stringify(cardOf(call))).toContain('CHERRIES');
  });

  it('answers a redelivered activity once', async () => {
    const activity = teamsMessage('delmal 2', { serviceUrl: connector.serviceUrl });
    await postActivity(server.base, activity);
    await postActivity(server.base, activity);
    await connector.waitFor();
    await server.app.settled();
    expect(connector.delivered()).toHaveLength(1);
  });

  it('remembers the conversation for proactive messages', async () => {
    await postActivity(
      server.base,
      teamsMessage('hjälp', { serviceUrl: connector.serviceUrl, conversationId: 'a:personal-2' }),
    );
    await connector.waitFor();
    const row = await server.app.db.kysely
      .selectFrom('teams_conversations')
      .selectAll()
      .where('conversation_id', '=', 'a:personal-2')
      .executeTakeFirst();
    expect(row).toMatchObject({
      service_url: connector.serviceUrl,
      tenant_id: 'tenant-1',
      conversation_type: 'personal',
      user_aad_object_id: '00000000-0000-0000-0000-0000000000a1',
    });
  });

  it('retries 429 and 5xx from the connector, after Retry-After', async () => {
    connector.failNext({ status: 429, retryAfter: 1 }, { status: 502 });
    await postActivity(server.base, teamsMessage('delmal 1', { serviceUrl: connector.serviceUrl }));
    await connector.waitFor(1, 10_000);
    // Activities only: whether the sender's roster look-up shows up depends on earlier tests.
    expect(activityPosts().map((c) => c.status)).toEqual([429, 502, 200]);
  });

  it('records a 403 (bot not in roster / blocked) as failed for good, without retrying', async () => {
    connector.failNext({ status: 403, code: 'MessageWritesBlocked' });
    await postActivity(
      server.base,
      teamsMessage('delmal 3', { serviceUrl: connector.serviceUrl, conversationId: 'a:blocked' }),
    );
    await server.app.settled();
    expect(activityPosts().map((c) => c.status)).toEqual([403]);
    const failed = await server.app.db.kysely
      .selectFrom('outbox_items')
      .select(['status', 'failure_reason', 'last_error'])
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toContainEqual({
      status: 'failed',
      failure_reason: 'blocked',
      last_error: 'http_403 MessageWritesBlocked',
    });
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hej',
    });
    expect(response.status).toBe(415);
  });
});

describe('Teams authentication', () => {
  it('refuses requests without a valid Bot Framework token when credentials are set', async () => {
    const secured = await startTestServer(
      {
        TEAMS_CLIENT_ID: '6f1a3f4e-2d7b-4a61-9a55-2b9c2f3d4e5f',
        TEAMS_CLIENT_SECRET: 'secret',
        DELMAL_ENV: 'production',
      },
      'sqlite',
      systemClock,
      { teamsServiceUrls: [connector.serviceUrl] },
    );
    try {
      const activity = teamsMessage('delmal 5', { serviceUrl: connector.serviceUrl });
      expect((await postActivity(secured.base, activity)).status).toBe(401);
      expect((await postActivity(secured.base, activity, { authorization: 'Bearer not-a-jwt' })).status).toBe(
        401,
      );
      await secured.app.settled();
      expect(connector.calls).toEqual([]);
    } finally {
      await secured.stop();
    }
  });

  it('has no Teams route in production without credentials', async () => {
    const prod = await startTestServer(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', DELMAL_ENV: 'production' },
      'sqlite',
      systemClock,
    );
    try {
      expect(
        (await postActivity(prod.base, teamsMessage('delmal', { serviceUrl: connector.serviceUrl }))).status,
      ).toBe(404);
    } finally {
      await prod.stop();
    }
  });
});

describe('cards that act', () => {
  const OWNER = { id: '29:owner-1', aadObjectId: '00000000-0000-0000-0000-0000000000c3' };
  const owner = shippedCatalog.activities.find((a) => a.id === 'cross')?.owners[0] ?? '';

  beforeAll(() => {
    connector.members.set('29:owner-1', { name: 'Ägare', email: owner });
  });

  it('offers the check-in form with its statuses as Universal Actions (Action.Submit fallback) carrying the typed text', async () => {
    await postActivity(
      server.base,
      teamsMessage('delmal avstamning cross', {
        serviceUrl: connector.serviceUrl,
        conversationId: 'a:owner',
        from: OWNER,
      }),
    );
    const [call] = await connector.waitFor();
    const card = cardOf(call);
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('"type":"Action.Execute"');
    expect(text).toContain('"verb":"delmal"');
    expect(text).toContain('"fallback":{"type":"Action.Submit"');
    // One set of status buttons, each sending the form's inputs: the note is never left behind.
    expect(text.match(/"command":"delmal avstamning cross on_track"/g)).toHaveLength(2);
    expect(text).toContain('"type":"Input.Text"');
  });

  it('records the check-in and replaces the card in place ("Tack! Registrerat …")', async () => {
    const invoke = teamsCardAction(
      { command: 'delmal avstamning cross on_track' },
      { serviceUrl: connector.serviceUrl, conversationId: 'a:owner', from: OWNER },
    );
    const response = await postActivity(server.base, invoke);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: object };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textBlockTexts(body.value).join(' ')).toMatch(/Tack! Registrerat \d\d:\d\d — Enligt plan/);
    expect(cardProblems(body.value)).toEqual([]);
    const stored = await server.app.db.kysely
      .selectFrom('check_ins')
      .select(['activity_id', 'status_code', 'platform'])
      .execute();
    expect(stored).toContainEqual({ activity_id: 'cross', status_code: 'on_track', platform: 'teams' });
  });
});

describe('the message extension', () => {
  it('finds delmål and activities from the compose box and offers their cards to insert', async () => {
    const query = {
      ...teamsMessage('', {
        serviceUrl: connector.serviceUrl,
        conversationId: '19:chat@thread.v2',
        conversationType: 'groupChat',
      }),
      type: 'invoke',
      name: 'composeExtension/query',
      value: {
        commandId: 'searchPlan',
        parameters: [{ name: 'query', value: 'ensamhet' }],
        queryOptions: { skip: 0, count: 10 },
      },
    };
    const response = await postActivity(server.base, query);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      composeExtension: {
        type: string;
        attachments: { content: object; preview: { content: { title: string } } }[];
      };
    };
    expect(body.composeExtension.type).toBe('result');
    const titles = body.composeExtension.attachments.map((a) => a.preview.content.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        '2. Ökade möjligheter till meningsfull fritid och social samvaro',
        'CHERRIES',
        'CROSS',
      ]),
    );
    for (const attachment of body.composeExtension.attachments)
      expect(cardProblems(attachment.content)).toEqual([]);
  });
});

describe('installation', () => {
  it('remembers a team channel it is installed in (installationUpdate) for digests later', async () => {
    const install = {
      type: 'installationUpdate',
      action: 'add',
      id: 'install-1',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:admin-user', aadObjectId: '00000000-0000-0000-0000-0000000000d4' },
      recipient: { id: '28:delmal', name: 'delmal' },
      conversation: { id: '19:lag-missbruk@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' },
      channelData: { team: { id: '19:team-lag@thread.tacv2' } },
    };
    expect((await postActivity(server.base, install)).status).toBe(200);
    const row = await server.app.db.kysely
      .selectFrom('teams_conversations')
      .selectAll()
      .where('conversation_id', '=', '19:lag-missbruk@thread.tacv2')
      .executeTakeFirst();
    expect(row).toMatchObject({
      conversation_type: 'channel',
      team_id: '19:team-lag@thread.tacv2',
      service_url: connector.serviceUrl,
    });
  });
});
