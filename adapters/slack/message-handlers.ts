import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { claimReceipt } from '../../db/receipts.repository.js';
import {
  COMMAND_ACTION_PREFIX,
  SLACK_LIMITS,
  type SlackMessage,
  URL_ACTION_PREFIX,
} from './render-blocks.js';
import { shareCommand } from './share-command.js';
import { apology, type SlackTools } from './slack-context.js';
import { actionInbound, eventInbound, slashCommandInbound } from './slack-inbound-message.js';
import { SLACK_POST_MESSAGE, SLACK_RESPONSE_URL } from './slack-senders.js';
import { SLASH_COMMAND } from './slack-surface.js';

export const SHARE_ACTION = 'delmal_share';

/** How long a slash command may take to answer inside its ack; Slack allows 3 s in all. */
export const INLINE_ANSWER_MS = 2000;

/** `work`'s result if it settles within `ms`, else undefined (work goes on; the timer does not linger). */
async function within<T>(
  work: Promise<T>,
  ms: number,
): Promise<{ value: T } | { error: unknown } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    const value = await Promise.race([work.then((v) => ({ value: v })), timeout]);
    return value;
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/delmal`, reply buttons, "Dela i kanalen", DMs and mentions. Every handler acks first (Slack's
 * 3 seconds) and answers through the outbox; events are claimed once by id against retries.
 * `openCheckIn` lets "Stäm av nu" open a modal instead of answering in the conversation.
 */
export function registerMessageHandlers(
  app: App,
  tools: SlackTools,
  openCheckIn: (value: string, teamId: string, userId: string, triggerId: string) => Promise<boolean>,
): void {
  const { deps, answer, boundary } = tools;
  const now = () => deps.clock.now().toISOString();

  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    // A quick answer goes back in the ack itself: one round trip, nothing to deliver later. A slow
    // one (identity look-up, a cold cache) must not hold the ack past Slack's 3 seconds: ack empty,
    // then answer through the outbox when it is ready.
    const text = `${SLASH_COMMAND} ${command.text}`.trim();
    const message = answer(client, slashCommandInbound({ ...command, text })).then(({ message, t }) =>
      withShareButton(message, shareCommand(text, deps.chat.commands), t('slack.share')),
    );
    const inline = await within(message, deps.inlineAnswerMs ?? INLINE_ANSWER_MS);
    if (inline && 'value' in inline) {
      await ack({ response_type: 'ephemeral', ...inline.value });
      return;
    }
    if (inline) {
      // Failed fast (database down …): the apology goes in the ack, which needs nothing else to work.
      await ack({ response_type: 'ephemeral', ...apology(tools, inline.error) });
      return;
    }
    await ack();
    await boundary({ responseUrl: command.response_url }, async () => {
      await deps.outbox.send({
        platform: 'slack',
        kind: SLACK_RESPONSE_URL,
        payload: { url: command.response_url, body: { response_type: 'ephemeral', ...(await message) } },
        dedupeKey: `slack:command:${command.trigger_id}`,
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, async ({ action, body, ack, client }) => {
    await ack();
    await boundary({ responseUrl: body.response_url }, async () => {
      const { message } = await answer(client, actionInbound(body, action.value ?? ''));
      await deps.outbox.send({
        platform: 'slack',
        kind: SLACK_RESPONSE_URL,
        payload: {
          url: body.response_url,
          body: { response_type: 'in_channel', delete_original: true, ...message },
        },
        dedupeKey: `slack:share:${body.trigger_id}`,
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${COMMAND_ACTION_PREFIX}`),
    async ({ action, body, ack, client }) => {
      await ack();
      const command = action.value ?? '';
      const teamId = body.team?.id ?? '';
      await boundary({ responseUrl: body.response_url }, async () => {
        if (await openCheckIn(command, teamId, body.user.id, body.trigger_id)) return;
        const { message, t } = await answer(client, actionInbound(body, command));
        const dedupeKey = `slack:action:${body.trigger_id}`;
        if (body.container?.is_ephemeral)
          await deps.outbox.send({
            platform: 'slack',
            kind: SLACK_RESPONSE_URL,
            payload: {
              url: body.response_url,
              body: {
                response_type: 'ephemeral',
                replace_original: true,
                ...withShareButton(message, shareCommand(command, deps.chat.commands), t('slack.share')),
              },
            },
            dedupeKey,
          });
        else
          await deps.outbox.send({
            platform: 'slack',
            kind: SLACK_POST_MESSAGE,
            // From App Home there is no channel: the answer goes to the user's DM with the app.
            payload: {
              channel: body.channel?.id ?? body.user.id,
              thread_ts: body.message?.thread_ts,
              ...message,
            },
            dedupeKey,
          });
      });
    },
  );
  // Link buttons still send an action; Slack wants it acknowledged.
  app.action(new RegExp(`^${URL_ACTION_PREFIX}`), async ({ ack }) => ack());

  app.event('message', async ({ event, body, client }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    if (!(await claimReceipt(deps.db.kysely, `slack:event:${body.event_id}`, now()))) return;
    await boundary({ channel: event.channel }, async () => {
      const { message } = await answer(client, eventInbound(body.team_id, event, { threaded: false }));
      await deps.outbox.send({
        platform: 'slack',
        kind: SLACK_POST_MESSAGE,
        payload: { channel: event.channel, ...message },
        dedupeKey: `slack:event:${body.event_id}`,
      });
    });
  });

  app.event('app_mention', async ({ event, body, client }) => {
    if (!(await claimReceipt(deps.db.kysely, `slack:event:${body.event_id}`, now()))) return;
    const thread = event.thread_ts ?? event.ts;
    await boundary({ channel: event.channel, threadTs: thread }, async () => {
      const { message } = await answer(client, eventInbound(body.team_id, event, { threaded: true }));
      await deps.outbox.send({
        platform: 'slack',
        kind: SLACK_POST_MESSAGE,
        payload: { channel: event.channel, thread_ts: thread, ...message },
        dedupeKey: `slack:event:${body.event_id}`,
      });
    });
  });
}

/** Adds "Dela i kanalen" to an ephemeral answer when there is a command to share and room for it. */
function withShareButton(message: SlackMessage, command: string | undefined, label: string): SlackMessage {
  if (command === undefined || message.blocks.length >= SLACK_LIMITS.blocksPerMessage) return message;
  return {
    ...message,
    blocks: [
      ...message.blocks,
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: SHARE_ACTION,
            text: { type: 'plain_text', text: label },
            value: command,
          },
        ],
      },
    ],
  };
}
