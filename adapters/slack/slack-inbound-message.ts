import type { Address, ConversationKind, InboundMessage } from '../../src/chat/inbound.js';
import { toInbound } from '../../src/chat/inbound-schema.js';

/** What kind of place a Slack conversation is, from its `channel_type` or, failing that, its id. */
function slackConversationKind(channelId: string, channelType?: string): ConversationKind {
  if (channelType === 'im' || channelType === 'directmessage') return 'dm';
  if (channelType === 'mpim' || channelType?.startsWith('mpdm-')) return 'group';
  if (channelType) return 'channel';
  return channelId.startsWith('D') ? 'dm' : 'channel';
}

const where = (teamId: string, userId: string, channel: string, kind: ConversationKind, name?: string) => ({
  platform: 'slack' as const,
  workspaceId: teamId,
  asker: { userId },
  conversation: { kind, id: channel, ...(name ? { name } : {}) },
});

/** `/delmal …` (`text`: as delmal reads it, default the command's own): answered privately through its `response_url`. */
export function slashCommandInbound(
  command: {
    team_id: string;
    user_id: string;
    channel_id: string;
    channel_name?: string;
    trigger_id: string;
    response_url: string;
    text: string;
  },
  text = command.text,
): InboundMessage {
  const kind = slackConversationKind(command.channel_id, command.channel_name);
  return toInbound({
    ...where(command.team_id, command.user_id, command.channel_id, kind, command.channel_name),
    messageId: `command:${command.trigger_id}`,
    text,
    replyTo: privately(command.team_id, command.channel_id, command.user_id, command.response_url),
  });
}

/** A DM to the app or a mention in a channel: answered in the conversation (a mention in its thread). */
export function eventInbound(
  teamId: string,
  event: {
    channel: string;
    channel_type?: string;
    user?: string;
    ts: string;
    thread_ts?: string;
    text?: string;
  },
  options: { threaded: boolean },
): InboundMessage {
  const kind = slackConversationKind(event.channel, event.channel_type);
  const thread = options.threaded ? (event.thread_ts ?? event.ts) : event.thread_ts;
  return toInbound({
    ...where(teamId, event.user ?? 'unknown', event.channel, kind),
    conversation: { kind, id: event.channel, ...(event.thread_ts ? { threadId: event.thread_ts } : {}) },
    messageId: `${event.channel}:${event.ts}`,
    text: event.text ?? '',
    replyTo: {
      kind: 'conversation',
      platform: 'slack',
      workspaceId: teamId,
      conversationId: event.channel,
      ...(thread ? { threadId: thread } : {}),
    },
  });
}

/**
 * A button on one of delmal's messages (or App Home). Its id is the button's command on that very
 * message (or that rendering of App Home), so a double click — two payloads — is one submission.
 */
export function actionInbound(
  body: {
    team?: { id: string } | null;
    user: { id: string };
    channel?: { id: string; name?: string };
    container?: { message_ts?: string; is_ephemeral?: boolean; type?: string };
    message?: { ts: string; thread_ts?: string };
    view?: { id: string; hash?: string };
    trigger_id: string;
    response_url?: string;
  },
  command: string,
): InboundMessage {
  const teamId = body.team?.id ?? 'unknown-team';
  // From App Home there is no channel: the answer goes to the user's DM with the app.
  const channel = body.channel?.id ?? body.user.id;
  const kind = body.channel ? slackConversationKind(channel, body.channel.name) : 'dm';
  const ts = body.container?.message_ts ?? body.message?.ts;
  const messageId = ts
    ? `action:${channel}:${ts}:${command}`
    : body.view
      ? `action:view:${body.view.id}:${body.view.hash ?? body.trigger_id}:${command}`
      : `action:trigger:${body.trigger_id}`;
  const ephemeral = body.container?.is_ephemeral === true;
  const thread = body.message?.thread_ts;
  return toInbound({
    ...where(teamId, body.user.id, channel, kind, body.channel?.name),
    messageId,
    text: command,
    replyTo:
      ephemeral && body.response_url
        ? privately(teamId, channel, body.user.id, body.response_url)
        : {
            kind: 'conversation',
            platform: 'slack',
            workspaceId: teamId,
            conversationId: channel,
            ...(thread ? { threadId: thread } : {}),
          },
    ...(ts && !ephemeral
      ? { sourceMessage: { platform: 'slack', workspaceId: teamId, conversationId: channel, messageId: ts } }
      : {}),
  });
}

/** The check-in modal's submission: the view id is the submission (a second click on "Spara" repeats it). */
export function viewInbound(teamId: string, userId: string, viewId: string): InboundMessage {
  return toInbound({
    ...where(teamId, userId, userId, 'dm'),
    messageId: `view:${viewId}`,
    text: '',
    replyTo: { kind: 'conversation', platform: 'slack', workspaceId: teamId, conversationId: userId },
  });
}

function privately(teamId: string, channel: string, userId: string, handle: string): Address {
  return { kind: 'private', platform: 'slack', workspaceId: teamId, conversationId: channel, userId, handle };
}
