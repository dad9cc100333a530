import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { EmulatorConnector, type EmulatorSession } from '../fakes/emulator-connector.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { emulatorConversationUpdate, emulatorMessage, emulatorPostBack } from '../support/emulator.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity } from '../support/teams.js';
import { until } from '../support/wait.js';

/**
 * delmal as the Bot Framework Emulator v4.15.1 sees it ("Open Bot", `DELMAL_ENV=local`, no App ID
 * or password). The Emulator is a desktop app and cannot run here; this replays its activity
 * shapes and answers as its connector does, learned from microsoft/BotFramework-Emulator at
 * a89a783c98a553b60d3b518c9852cc290b10250d (2024-10-01):
 * - packages/app/client/src/state/sagas/botSagas.ts (openBotViaUrl: user `{ id, name: 'User' }`),
 *   packages/sdk/shared/src/emulatorApi/conversationService.ts (startConversation: a new bot id),
 *   packages/app/main/src/server/state/conversationSet.ts (conversation id `<uuid>|<mode>`),
 *   packages/app/client/src/state/sagas/chatSagas.ts (sendInitialActivities: the conversationUpdate);
 * - packages/app/main/src/server/state/conversation.ts (postage, prepActivityToBeSentToBot,
 *   prepActivityToBeSentToUser — which reads `from.name` of the bot's activity), and
 *   packages/app/shared/src/types/serverSettingsTypes.ts (locale `en-US` by default);
 * - packages/app/main/src/emulator.ts (serviceUrl `http://localhost:<port>`);
 * - packages/app/main/src/server/routes/channel/conversations/mountConversationsRoutes.ts and its
 *   handlers/ (no `GET …/members/{id}`; the roster has no e-mail), utils/sendErrorResponse.ts;
 * - packages/app/client/src/ui/editor/emulator/parts/chat/chat.tsx (Web Chat, no Action.Execute).
 * And from npm: botframework-webchat(-core) 4.15.6, the Emulator's locked Web Chat —
 * sagas/postActivitySaga.ts, sendMessageToPostActivitySaga.js, sendPostBackToPostActivitySaga.js,
 * adaptiveCards/Attachment/AdaptiveCardRenderer.tsx (Action.Submit with object data → a message
 * with `value`; Action.Execute → "received unknown action", nothing sent) — and restify 11.1.0's
 * router (404 `ResourceNotFound` for a path without a route).
 */
const emulator = new EmulatorConnector();
let server: TestServer;

beforeAll(async () => {
  await emulator.start();
  server = await startTestServer({ DELMAL_ENV: 'local' }, 'sqlite', systemClock);
});
afterAll(async () => {
  await server?.stop();
  await emulator.stop();
});

type Card = Record<string, unknown>;
const cardOf = (body: Record<string, unknown>): Card =>
  ((body.attachments as { content: Card }[] | undefined) ?? [])[0]?.content ?? {};

/** Every object in a card with a `type` that `wanted` accepts, however deeply nested. */
function elementsIn(json: unknown, wanted: (type: string) => boolean): Card[] {
  if (Array.isArray(json)) return json.flatMap((item) => elementsIn(item, wanted));
  if (typeof json !== 'object' || json === null) return [];
  const record = json as Card;
  const own = typeof record.type === 'string' && wanted(record.type) ? [record] : [];
  return [...own, ...Object.values(record).flatMap((value) => elementsIn(value, wanted))];
}
const actionsIn = (card: Card) => elementsIn(card, (type) => type.startsWith('Action.'));

/** "Open Bot": a new conversation, which the Emulator announces with a conversationUpdate. */
async function openBot(): Promise<EmulatorSession> {
  const session = emulator.open();
  const response = await postActivity(server.base, emulatorConversationUpdate(session));
  expect(response.ok).toBe(true);
  return session;
}

/** Posts `activity` as the Emulator does and resolves with the card it then shows in `session`. */
async function shownAfter(session: EmulatorSession, activity: Record<string, unknown>): Promise<Card> {
  const inSession = () => emulator.shownActivities().filter((c) => c.path.includes(session.conversationId));
  const before = inSession().length;
  const response = await postActivity(server.base, activity);
  expect(response.status).toBe(200);
  await until(() => inSession().length > before, `an answer in ${session.conversationId}`);
  const card = cardOf(inSession()[before]?.body ?? {});
  // A button Web Chat 4.15.6 does not act on would do nothing when pressed.
  expect(actionsIn(card).filter((a) => a.type === 'Action.Execute')).toEqual([]);
  return card;
}

describe('delmal in the Bot Framework Emulator', () => {
  it('takes the conversationUpdate of "Open Bot" without answering or failing', async () => {
    const session = await openBot();
    await server.app.settled();
    expect(emulator.calls.filter((c) => c.path.includes(session.conversationId))).toEqual([]);
  });

  it('shows the card for "delmal 5" in the Emulator’s chat, in Swedish despite its en-US locale', async () => {
    const session = await openBot();
    const card = await shownAfter(session, emulatorMessage(session, 'delmal 5', { first: true }));
    expect(textBlockTexts(card)).toContain('Delmål 5: Sårbara barn får det stöd de behöver');
    const calls = emulator.calls.filter((c) => c.path.includes(session.conversationId));
    expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
      // Who is asking: the member look-up the Emulator has no route for, answered 404 …
      ['GET', `/v3/conversations/${session.conversationId}/members/${session.userId}`, 404],
      // … and the answer in the Emulator's own conversation, `|livechat-url` and all.
      ['POST', `/v3/conversations/${session.conversationId}/activities`, 200],
    ]);
  });

  it('searches', async () => {
    const session = await openBot();
    const card = await shownAfter(session, emulatorMessage(session, 'delmal sok ensamhet', { first: true }));
    expect(JSON.stringify(card)).toContain('CHERRIES');
  });

  it('answers a check-in by the Emulator’s user (no e-mail) with the refusal in Swedish', async () => {
    const session = await openBot();
    const card = await shownAfter(
      session,
      emulatorMessage(session, 'delmal avstamning cross', { first: true }),
    );
    expect(textBlockTexts(card)[0]).toMatch(
      /^Avstämningen sparades inte: jag vet inte vem du är, så jag kan inte se om du är ansvarig för CROSS\. I Slack och Teams känner jag igen dig på din e-postadress/,
    );
  });

  it('runs the command behind a card button (Action.Submit, posted back with its value)', async () => {
    const session = await openBot();
    const goal = await shownAfter(session, emulatorMessage(session, 'delmal 5', { first: true }));
    // An activity in the goal's list: the whole row is the button, its first text the name.
    const row = elementsIn(goal, (type) => type === 'Container').find((c) => {
      const action = c.selectAction as Card | undefined;
      return (
        action?.type === 'Action.Submit' && /^delmal aktivitet /.test(String((action.data as Card)?.command))
      );
    });
    const button = row?.selectAction as Card | undefined;
    const name = textBlockTexts(row)[0];
    expect(name).toBeTruthy();
    const card = await shownAfter(session, emulatorPostBack(session, button?.data));
    expect(textBlockTexts(card)[0]).toBe(name);
  });
});
