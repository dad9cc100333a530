import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Db } from '../../db/connection.js';
import { claimReceipt } from '../../db/receipts.repository.js';
import { askerFor } from '../../src/chat/asker.js';
import { type ChatDeps, handleMessage } from '../../src/chat/handle-message.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Clock } from '../../src/clock.js';
import type { Outbox } from '../../src/delivery/outbox.js';
import { type Locale, translator } from '../../src/i18n/i18n.js';
import type { Logger } from '../../src/logger.js';
import { slackUserEmail } from './identity.js';
import {
  COMMAND_ACTION_PREFIX,
  renderSlackMessage,
  SLACK_LIMITS,
  type SlackMessage,
  URL_ACTION_PREFIX,
} from './render-blocks.js';
import { SLACK_POST_MESSAGE, SLACK_RESPONSE_URL } from './slack-senders.js';
import { SLASH_COMMAND } from './slack-surface.js';

export { SLASH_COMMAND };

export const SHARE_ACTION = 'delmal_share';

export interface SlackHandlerDeps {
  readonly chat: ChatDeps;
  readonly outbox: Outbox;
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly locale: Locale;
}

/**
 * Wires Slack's inputs to the neutral chat core: the `/delmal` slash command, buttons, direct
 * messages and mentions. Every handler acks first (Slack's 3 seconds), then answers through the
 * outbox; every event is claimed once by its id, so Slack's retries never answer twice.
 */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const answer = async (client: WebClient, teamId: string, userId: string, text: string) => {
    const email = await slackUserEmail({ ...deps, client }, teamId, userId);
    const { view } = await deps.chat.store.get();
    const asker = askerFor(view, email, deps.locale);
    const reply = await handleMessage(deps.chat, text, asker);
    return { reply, t: translator(asker.locale) };
  };
  const now = () => deps.clock.now().toISOString();

  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    await ack();
    await boundary(deps, command.response_url, undefined, async () => {
      const text = `${SLASH_COMMAND} ${command.text}`.trim();
      const { reply, t } = await answer(client, command.team_id, command.user_id, text);
      const message = withShareButton(renderSlackMessage(reply, t), text, t('slack.share'));
      await deps.outbox.send({
        platform: 'slack',
        kind: SLACK_RESPONSE_URL,
        payload: { url: command.response_url, body: { response_type: 'ephemeral', ...message } },
        dedupeKey: `slack:command:${command.trigger_id}`,
      });
    });
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, async ({ action, body, ack, client }) => {
    await ack();
    await boundary(deps, body.response_url, undefined, async () => {
      const { reply, t } = await answer(client, body.team?.id ?? '', body.user.id, action.value ?? '');
      const message = renderSlackMessage(reply, t);
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
      await boundary(deps, body.response_url, undefined, async () => {
        const { reply, t } = await answer(client, body.team?.id ?? '', body.user.id, action.value ?? '');
        const ephemeral = Boolean(body.container?.is_ephemeral);
        const message = renderSlackMessage(reply, t);
        await deps.outbox.send(
          ephemeral
            ? {
                platform: 'slack',
                kind: SLACK_RESPONSE_URL,
                payload: {
                  url: body.response_url,
                  body: {
                    response_type: 'ephemeral',
                    replace_original: true,
                    ...withShareButton(message, action.value ?? '', t('slack.share')),
                  },
                },
                dedupeKey: `slack:action:${body.trigger_id}`,
              }
            : {
                platform: 'slack',
                kind: SLACK_POST_MESSAGE,
                payload: { channel: body.channel?.id, thread_ts: body.message?.thread_ts, ...message },
                dedupeKey: `slack:action:${body.trigger_id}`,
              },
        );
      });
    },
  );
  // Link buttons still send an action; Slack wants it acknowledged.
  app.action(new RegExp(`^${URL_ACTION_PREFIX}`), async ({ ack }) => ack());

  app.event('message', async ({ event, body, client }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    if (!(await claimReceipt(deps.db.kysely, `slack:event:${body.event_id}`, now()))) return;
    await boundary(deps, undefined, { channel: event.channel }, async () => {
      const { reply, t } = await answer(client, body.team_id, event.user, event.text ?? '');
      await deps.outbox.send({
        platform: 'slack',
        kind: SLACK_POST_MESSAGE,
        payload: { channel: event.channel, ...renderSlackMessage(reply, t) },
        dedupeKey: `slack:event:${body.event_id}`,
      });
    });
  });

  app.event('app_mention', async ({ event, body, client }) => {
    if (!(await claimReceipt(deps.db.kysely, `slack:event:${body.event_id}`, now()))) return;
    const thread = event.thread_ts ?? event.ts;
    await boundary(deps, undefined, { channel: event.channel, thread_ts: thread }, async () => {
      const { reply, t } = await answer(client, body.team_id, event.user ?? '', event.text);
      await deps.outbox.send({
        platform: 'slack',
        kind: SLACK_POST_MESSAGE,
        payload: { channel: event.channel, thread_ts: thread, ...renderSlackMessage(reply, t) },
        dedupeKey: `slack:event:${body.event_id}`,
      });
    });
  });
}

/** Adds "Dela i kanalen" to an ephemeral answer when the block budget allows it. */
function withShareButton(message: SlackMessage, command: string, label: string): SlackMessage {
  if (message.blocks.length >= SLACK_LIMITS.blocksPerMessage) return message;
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

/**
 * The Slack adapter's error boundary: anything unexpected is logged with a reference id and the
 * user gets a short Swedish apology carrying that id, where they asked.
 */
async function boundary(
  deps: SlackHandlerDeps,
  responseUrl: string | undefined,
  conversation: { channel: string; thread_ts?: string } | undefined,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const ref = randomUUID().slice(0, 8);
    deps.logger.error({ err: error, ref }, 'Slack request failed');
    const t = translator(deps.locale);
    const apology: Reply = {
      summary: t('error.unexpected', { ref }),
      blocks: [{ type: 'text', text: t('error.unexpected', { ref }) }],
    };
    const message = renderSlackMessage(apology, t);
    if (responseUrl)
      await deps.outbox
        .send({
          platform: 'slack',
          kind: SLACK_RESPONSE_URL,
          payload: { url: responseUrl, body: { response_type: 'ephemeral', ...message } },
        })
        .catch(() => {});
    else if (conversation)
      await deps.outbox
        .send({ platform: 'slack', kind: SLACK_POST_MESSAGE, payload: { ...conversation, ...message } })
        .catch(() => {});
  }
}
