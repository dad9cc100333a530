import { randomUUID } from 'node:crypto';
import type { EmulatorSession } from '../fakes/emulator-connector.js';

/**
 * Activities as the Bot Framework Emulator v4.15.1 posts them to the bot: what Web Chat 4.15.6
 * writes, then the Emulator's `postage` (channelId `emulator`, a bare `conversation: { id }`, a
 * new id, `recipient` the bot with role, timestamps, its locale setting — `en-US` by default —
 * and its own `serviceUrl`). No `conversationType`, `tenantId` or `aadObjectId` anywhere.
 * The sources are listed in tests/integration/teams-emulator.test.ts.
 */
function postage(session: EmulatorSession, activity: Record<string, unknown>): Record<string, unknown> {
  return {
    ...activity,
    channelId: 'emulator',
    conversation: { id: session.conversationId },
    id: randomUUID(),
    localTimestamp: '2026-12-07T09:30:00+01:00',
    recipient: { id: session.botId, name: 'Bot', role: 'bot' },
    timestamp: new Date().toISOString(),
    from: activity.from ?? user(session),
    locale: 'en-US',
    serviceUrl: session.serviceUrl,
  };
}

const user = (session: EmulatorSession) => ({ id: session.userId, name: 'User', role: 'user' });

/** Sent once the chat opens: the bot and the user added, in the Emulator's member order. */
export function emulatorConversationUpdate(session: EmulatorSession): Record<string, unknown> {
  return postage(session, {
    type: 'conversationUpdate',
    membersAdded: [
      { id: session.botId, name: 'Bot' },
      { id: session.userId, name: 'User' },
    ],
    membersRemoved: [],
  });
}

/** What Web Chat adds to every activity the user sends (before the Emulator's postage). */
function webChat(session: EmulatorSession, activity: Record<string, unknown>, first: boolean) {
  return postage(session, {
    ...activity,
    channelData: { ...(activity.channelData as object | undefined), clientActivityID: randomUUID() },
    from: user(session),
    localTimezone: 'Europe/Stockholm',
    attachments: [],
    // Web Chat announces its capabilities on the first activity of a connection only.
    ...(first
      ? {
          entities: [
            {
              requiresBotState: true,
              supportsListening: true,
              supportsTts: true,
              type: 'ClientCapabilities',
            },
          ],
        }
      : {}),
  });
}

/** The user typed `text` in the Emulator's chat. */
export function emulatorMessage(
  session: EmulatorSession,
  text: string,
  options: { readonly first?: boolean } = {},
): Record<string, unknown> {
  return webChat(session, { type: 'message', text, textFormat: 'plain' }, options.first ?? false);
}

/**
 * The user pressed an Adaptive Card `Action.Submit` whose `data` is an object: Web Chat posts it
 * back as a message with that `value`, no text, and `channelData.postBack` (no `replyToId`).
 */
export function emulatorPostBack(session: EmulatorSession, value: unknown): Record<string, unknown> {
  return webChat(session, { type: 'message', value, channelData: { postBack: true } }, false);
}
