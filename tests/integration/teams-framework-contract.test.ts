import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeConnector } from '../fakes/fake-connector.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import type { TestServer } from '../support/server.js';
import { postActivity, startTeamsTestServer, teamsMessage } from '../support/teams.js';

/**
 * What delmal relies on in the Teams SDK, through the real route: a message goes through the SDK's
 * processing (its `app.use` middleware runs, and can stop it), the mention is stripped by the
 * App's `activity.mentions.stripText` option before delmal reads the text, and activities the SDK
 * cannot rebuild are refused with 400 before it sees them. An SDK upgrade that changes one fails
 * here. Activities are in the shape the Teams docs and teams.ts's own tests use.
 */
const connector = new FakeConnector();
let server: TestServer;
const seen: { type: string; text: string | undefined }[] = [];

beforeAll(async () => {
  server = await startTeamsTestServer(connector, {
    // Middleware, as a delmal maintainer (or a plugin) would add it with `app.use`.
    teamsMiddleware: [
      async ({ activity, next }) => {
        const text = 'text' in activity && typeof activity.text === 'string' ? activity.text : undefined;
        seen.push({ type: activity.type, text });
        if (text === 'stopped by middleware') return;
        return next();
      },
    ],
  });
});
afterAll(() => server?.stop());
beforeEach(() => {
  seen.length = 0;
  connector.calls.length = 0;
});

const cardOf = (call: { body: Record<string, unknown> } | undefined) =>
  ((call?.body.attachments as { content: object }[] | undefined) ?? [])[0]?.content ?? {};

const channelMention = (text: string) => ({
  ...teamsMessage(`<at>delmal</at> ${text}`, {
    serviceUrl: connector.serviceUrl,
    conversationId: '19:network@thread.tacv2;messageid=1700000000001',
    conversationType: 'channel',
  }),
  entities: [{ type: 'mention', text: '<at>delmal</at>', mentioned: { id: '28:delmal', name: 'delmal' } }],
  channelData: { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:network@thread.tacv2' } },
});

describe('the Teams SDK’s processing is the path a message takes', () => {
  it('runs app.use middleware for a message, and the user still gets the answer', async () => {
    const response = await postActivity(
      server.base,
      teamsMessage('delmal 5', { serviceUrl: connector.serviceUrl }),
    );
    expect(response.status).toBe(200);
    const [call] = await connector.waitFor();
    expect(textBlockTexts(cardOf(call))).toContain('Delmål 5: Sårbara barn får det stöd de behöver');
    expect(seen).toEqual([{ type: 'message', text: 'delmal 5' }]);
  });

  it('lets middleware stop a message: delmal’s handler only runs behind the chain', async () => {
    const response = await postActivity(
      server.base,
      teamsMessage('stopped by middleware', { serviceUrl: connector.serviceUrl }),
    );
    expect(response.status).toBe(200);
    await server.app.settled();
    expect(connector.delivered()).toHaveLength(0);
  });

  it('strips the bot’s mention by the App’s stripText option, before middleware and handler read it', async () => {
    await postActivity(server.base, channelMention('delmal 5'));
    const [call] = await connector.waitFor();
    // Middleware added after the App's own sees the text as the option left it.
    expect(seen).toEqual([{ type: 'message', text: 'delmal 5' }]);
    expect(textBlockTexts(cardOf(call))).toContain('Delmål 5: Sårbara barn får det stöd de behöver');
  });
});

describe('Teams protocol edge cases', () => {
  const update = (channelData: unknown) => ({
    ...teamsMessage('ändrad text', { serviceUrl: connector.serviceUrl }),
    type: 'messageUpdate',
    ...(channelData === undefined ? {} : { channelData }),
  });

  it.each([
    ['messageUpdate', 'without channelData'],
    ['messageDelete', 'with channelData null'],
  ])('refuses a %s %s with 400 (the SDK cannot rebuild it), never 500', async (type, _how) => {
    const activity = { ...update(type === 'messageDelete' ? null : undefined), type };
    const response = await postActivity(server.base, activity);
    expect(response.status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('answers a messageUpdate Teams sends (channelData.eventType) with 200 and ignores it', async () => {
    const response = await postActivity(server.base, update({ eventType: 'editMessage' }));
    expect(response.status).toBe(200);
    await server.app.settled();
    expect(connector.delivered()).toHaveLength(0);
  });

  it.each(['task/fetch', 'task/submit'])(
    'answers %s with a message task in Swedish: delmal has no dialogs',
    async (name) => {
      const response = await postActivity(server.base, {
        ...teamsMessage('', { serviceUrl: connector.serviceUrl }),
        type: 'invoke',
        name,
        value: { data: { type: 'task/fetch' }, context: { theme: 'default' } },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        task: {
          type: 'message',
          value: 'Den här appen har inga dialoger. Skriv delmal hjälp för att se vad du kan göra.',
        },
      });
    },
  );
});
