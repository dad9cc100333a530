import type { WebClient } from '@slack/web-api';
import type { AdapterDeps } from '../../src/chat/adapter-deps.js';
import { askerFor } from '../../src/chat/asker.js';
import type { Asker, CommandContext } from '../../src/chat/command.js';
import {
  type ChatDeps,
  commandContext,
  handleMessage,
  resolveCommand,
} from '../../src/chat/handle-message.js';
import type { InboundMessage } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import { describeFailure } from '../../src/errors/bot-error.js';
import { type Translate, translator } from '../../src/i18n/i18n.js';
import { type IdentityMemo, slackUserEmail } from './identity.js';
import { renderSlackMessage, type SlackMessage } from './render-blocks.js';
import { SLACK_POST_MESSAGE, SLACK_RESPONSE_URL, SLACK_VIEWS_PUBLISH } from './slack-senders.js';

export interface SlackHandlerDeps extends AdapterDeps {
  /** How long a slash command may compute before its ack goes out empty (default 2 s). */
  readonly inlineAnswerMs?: number;
}

/** Who a Slack user is (team + user id) and what they may see and do. */
export interface SlackTools {
  readonly deps: SlackHandlerDeps;
  askerOf(client: WebClient, teamId: string, userId: string): Promise<Asker>;
  contextOf(
    client: WebClient,
    teamId: string,
    userId: string,
    inbound?: InboundMessage,
  ): Promise<CommandContext>;
  /** The reply to `inbound` and its Block Kit rendering (reused for a cached reply). */
  answer(
    client: WebClient,
    inbound: InboundMessage,
  ): Promise<{ reply: Reply; t: Translate; message: SlackMessage }>;
  publishHome(client: WebClient, teamId: string, userId: string, dedupeKey?: string): Promise<void>;
  /** Runs `work` inside the adapter's error boundary; failures reach the user as an apology. */
  boundary(
    where: { responseUrl?: string; channel?: string; threadTs?: string },
    work: () => Promise<void>,
  ): Promise<void>;
}

/**
 * The adapter's error boundary, worded: anything unexpected is logged with a reference id, and the
 * user gets a short Swedish apology carrying that id.
 */
export function apology(tools: { deps: SlackHandlerDeps }, error: unknown): SlackMessage {
  const t = translator(tools.deps.locale);
  const { text } = describeFailure(error, { logger: tools.deps.logger, t, where: 'slack' });
  return renderSlackMessage({ summary: text, blocks: [{ type: 'text', text }] }, t);
}

/** The shared pieces of every Slack handler, bound to one set of dependencies. */
export function slackTools(deps: SlackHandlerDeps): SlackTools {
  const chat: ChatDeps = { ...deps.chat, platform: 'slack' };
  const memo: IdentityMemo = new Map();
  const rendered = new WeakMap<Reply, SlackMessage>();
  const askerOf = async (client: WebClient, teamId: string, userId: string) => {
    const email = await slackUserEmail({ ...deps, client, memo }, teamId, userId);
    const { view } = await deps.chat.store.get();
    return askerFor(view, email, deps.locale);
  };
  const contextOf = async (client: WebClient, teamId: string, userId: string, inbound?: InboundMessage) =>
    commandContext(chat, await askerOf(client, teamId, userId), inbound);
  const publishHome = async (client: WebClient, teamId: string, userId: string, dedupeKey?: string) => {
    const ctx = await contextOf(client, teamId, userId);
    const { blocks } = renderSlackMessage(deps.chat.home(ctx), ctx.t);
    await deps.outbox.send({
      platform: 'slack',
      kind: SLACK_VIEWS_PUBLISH,
      payload: { user_id: userId, view: { type: 'home', blocks } },
      ...(dedupeKey ? { dedupeKey } : {}),
    });
  };
  return {
    deps,
    askerOf,
    contextOf,
    answer: async (client, received) => {
      const teamId = received.workspaceId;
      const userId = received.asker.userId;
      const asker = await askerOf(client, teamId, userId);
      const inbound: InboundMessage = {
        ...received,
        asker: { ...received.asker, ...(asker.email ? { email: asker.email } : {}), locale: asker.locale },
      };
      const { text } = inbound;
      const reply = await handleMessage(chat, inbound, asker);
      const t = translator(asker.locale);
      if (resolveCommand(text, deps.chat.commands).command.name === 'checkIn')
        // A check-in from a message or button changes the owner's App Home too.
        void publishHome(client, teamId, userId).catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'App Home not republished'),
        );
      // A reply object is rendered in one language only (cached replies are keyed by locale).
      let message = rendered.get(reply);
      if (!message) {
        message = renderSlackMessage(reply, t);
        rendered.set(reply, message);
      }
      return { reply, t, message };
    },
    publishHome,
    boundary: async (where, work) => {
      try {
        await work();
      } catch (error) {
        const message = apology({ deps }, error);
        const send = where.responseUrl
          ? {
              kind: SLACK_RESPONSE_URL,
              payload: { url: where.responseUrl, body: { response_type: 'ephemeral', ...message } },
            }
          : where.channel
            ? {
                kind: SLACK_POST_MESSAGE,
                payload: { channel: where.channel, thread_ts: where.threadTs, ...message },
              }
            : undefined;
        if (send)
          await deps.outbox
            .send({ platform: 'slack', ...send })
            .catch((failure: unknown) =>
              deps.logger.error({ err: failure }, 'the apology could not be queued either'),
            );
      }
    },
  };
}
