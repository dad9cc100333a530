import type { App, BlockAction, ButtonAction, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Address, InboundMessage } from '../../src/chat/inbound.js';
import { eventStored } from './event-stored.js';
import { COMMAND_ACTION_PREFIX, URL_ACTION_PREFIX } from './render-blocks.js';
import { EphemeralAckCache } from './serialized-ack.js';
import { SHARE_ACTION, shareCommand, withShareButton } from './share-command.js';
import { apology, type SlackTools } from './slack-context.js';
import { actionInbound, eventInbound, slashCommandInbound } from './slack-inbound-message.js';
import { SLASH_COMMAND } from './slack-surface.js';

/** How long a slash command may take to answer inside its ack; Slack allows 3 s in all. */
const INLINE_ANSWER_MS = 2000;

/** `work`'s result if it settles within `ms`, else undefined (work goes on; the timer does not linger). */
function within<T>(work: Promise<T>, ms: number): Promise<{ value: T } | { error: unknown } | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms, undefined);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve({ value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ error });
      },
    );
  });
}

/** What the `/delmal` listener reads of Bolt's listener arguments. */
type SlashCommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack'> & {
  readonly client: WebClient;
};

/**
 * `/delmal`, reply buttons, "Dela i kanalen", DMs and mentions. Commands and buttons ack first
 * (Slack's 3 seconds) and answer through the outbox (an attempt at once; stored for retry only when
 * it fails); events are answered once per event id against Slack's retries, and acknowledged only
 * once that answer is stored.
 * `openCheckIn` lets "Stäm av nu" open a modal instead of answering in the conversation.
 */
export function registerMessageHandlers(
  app: App,
  tools: SlackTools,
  openCheckIn: (value: string, teamId: string, userId: string, triggerId: string) => Promise<boolean>,
): void {
  const { deps, answer, boundary } = tools;
  const acks = new EphemeralAckCache();

  const slashCommand = async ({ command, ack, client }: SlashCommandArgs): Promise<void> => {
    // A quick answer goes back in the ack itself: one round trip, nothing to deliver later. A slow
    // one (identity look-up, a cold cache) must not hold the ack past Slack's 3 seconds: ack empty,
    // then answer through the outbox (to the command's response_url) when it is ready.
    const text = `${SLASH_COMMAND} ${command.text}`.trim();
    const inbound = slashCommandInbound(command, text);
    const share = shareCommand(text, deps.chat.commands);
    const answered = answer(client, inbound);
    const inline = await within(
      answered.then(({ message, t }) => {
        const label = t('slack.share');
        return acks.get(message, share, label, () => withShareButton(message, share, label));
      }),
      deps.inlineAnswerMs ?? INLINE_ANSWER_MS,
    );
    if (inline && 'value' in inline) {
      // Serialised once per rendered answer: the HTTP receiver writes its bytes, Socket Mode its JSON.
      await ack(inline.value);
      return;
    }
    if (inline) {
      // Failed fast (database down …): the apology goes in the ack, which needs nothing else to work.
      await ack({ response_type: 'ephemeral', ...apology(tools, inline.error) });
      return;
    }
    await ack();
    const to: Address = { ...inbound.replyTo, ...(share ? { shareCommand: share } : {}) };
    await boundary(to, async () => {
      const { reply, locale } = await answered;
      await deps.deliveries.sendNow({
        lane: 'interactive',
        to,
        message: { type: 'reply', reply, locale },
        dedupeKey: `slack:command:${command.trigger_id}`,
      });
    });
  };
  app.command(SLASH_COMMAND, slashCommand);

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, async ({ action, body, ack, client }) => {
    await ack();
    const inbound = actionInbound(body, action.value ?? '');
    const shared = privateAnswer(inbound, body.response_url, 'share');
    await boundary(shared, async () => {
      const { reply, locale } = await answer(client, inbound);
      // A refusal is not shared: it stays with the person who pressed.
      const to = reply.privately && shared.kind === 'private' ? { ...shared, mode: 'new' as const } : shared;
      await deps.deliveries.sendNow({
        lane: 'interactive',
        to,
        message: { type: 'reply', reply, locale },
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
      const inbound = actionInbound(body, command);
      // A button on a private answer replaces that answer (and may be shared in turn); elsewhere the
      // answer goes to the conversation (from App Home: the user's DM with the app), in its thread.
      const share = shareCommand(command, deps.chat.commands);
      const answerTo: Address =
        inbound.replyTo.kind === 'private'
          ? { ...inbound.replyTo, mode: 'replace' as const, ...(share ? { shareCommand: share } : {}) }
          : inbound.replyTo;
      await boundary(answerTo, async () => {
        if (await openCheckIn(command, teamId, body.user.id, body.trigger_id)) return;
        const { reply, locale } = await answer(client, inbound);
        // A refusal of a button on a channel's message goes to the presser alone (ephemeral).
        const to =
          reply.privately && answerTo.kind === 'conversation'
            ? privateAnswer(inbound, body.response_url, 'new')
            : answerTo;
        await deps.deliveries.sendNow({
          lane: 'interactive',
          to,
          message: { type: 'reply', reply, locale },
          dedupeKey: `slack:action:${body.trigger_id}`,
        });
      });
    },
  );
  // Link buttons still send an action; Slack wants it acknowledged.
  app.action(new RegExp(`^${URL_ACTION_PREFIX}`), async ({ ack }) => ack());

  // A DM to the app and a mention are answered once per event id, however often Slack delivers it:
  // the receipt and the answer are written together (Slack's 200 waits for that commit), then the
  // answer is sent at once.
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const receipt = `slack:event:${body.event_id}`;
    const inbound = eventInbound(body.team_id, event, { threaded: false });
    await boundary(
      inbound.replyTo,
      async () => {
        const { reply, locale } = await answer(client, inbound);
        await deps.deliveries.sendNowOnce(
          receipt,
          { lane: 'interactive', to: inbound.replyTo, message: { type: 'reply', reply, locale } },
          eventStored(context),
        );
      },
      receipt,
    );
  });

  app.event('app_mention', async ({ event, body, client, context }) => {
    const receipt = `slack:event:${body.event_id}`;
    const inbound = eventInbound(body.team_id, event, { threaded: true });
    await boundary(
      inbound.replyTo,
      async () => {
        const { reply, locale } = await answer(client, inbound);
        await deps.deliveries.sendNowOnce(
          receipt,
          { lane: 'interactive', to: inbound.replyTo, message: { type: 'reply', reply, locale } },
          eventStored(context),
        );
      },
      receipt,
    );
  });
}

/** The private answer through an interaction's response_url, in `mode`; else where `replyTo` says. */
function privateAnswer(
  inbound: InboundMessage,
  responseUrl: string | undefined,
  mode: 'new' | 'replace' | 'share',
): Address {
  const { replyTo } = inbound;
  if (replyTo.kind === 'private') return { ...replyTo, mode };
  if (!responseUrl) return replyTo;
  return {
    kind: 'private',
    platform: 'slack',
    workspaceId: inbound.workspaceId,
    conversationId: inbound.conversation.id,
    userId: inbound.asker.userId,
    handle: responseUrl,
    mode,
  };
}
