import type { WebClient } from '@slack/web-api';
import type { AdapterDeps } from '../../src/asking/adapter-deps.js';
import { askerFor } from '../../src/asking/asker.js';
import type { Asker, CommandContext } from '../../src/asking/command.js';
import {
  type ChatDeps,
  commandContext,
  handleMessage,
  resolveCommand,
} from '../../src/asking/handle-message.js';
import type { Address, InboundMessage } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import type { NewDelivery } from '../../src/delivery/outbox-message.js';
import { describeFailure } from '../../src/errors/bot-error.js';
import { type Locale, type Translate, translator } from '../../src/i18n/i18n.js';
import { type IdentityMemo, slackUserEmail } from './identity.js';
import { renderSlackMessage, type SlackMessage } from './render-blocks.js';

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
  /** The reply to `inbound`, in the asker's language, and its Block Kit rendering (reused for a cached reply). */
  answer(
    client: WebClient,
    inbound: InboundMessage,
  ): Promise<{ reply: Reply; locale: Locale; t: Translate; message: SlackMessage }>;
  /**
   * Publishes the user's App Home (through the outbox, at once); with `once`, once per its
   * `receiptKey`, calling its `stored` when that receipt is committed.
   */
  publishHome(
    client: WebClient,
    teamId: string,
    userId: string,
    once?: { readonly receiptKey: string; readonly stored?: () => void },
  ): Promise<void>;
  /**
   * Runs `work` inside the adapter's error boundary; failures reach the user as an apology at
   * `where` (once per `receiptKey` when given: a retried event is not apologised for twice).
   */
  boundary(where: Address | undefined, work: () => Promise<void>, receiptKey?: string): Promise<void>;
}

/**
 * The adapter's error boundary, worded: anything unexpected is logged with a reference id, and the
 * user gets a short Swedish apology carrying that id.
 */
export function apology(tools: { deps: SlackHandlerDeps }, error: unknown): SlackMessage {
  const t = translator(tools.deps.locale);
  return renderSlackMessage(apologyReply(tools, error), t);
}

function apologyReply(tools: { deps: SlackHandlerDeps }, error: unknown): Reply {
  const t = translator(tools.deps.locale);
  const { text } = describeFailure(error, { logger: tools.deps.logger, t, where: 'slack' });
  return { summary: text, blocks: [{ type: 'text', text }] };
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
  const publishHome: SlackTools['publishHome'] = async (client, teamId, userId, once) => {
    const ctx = await contextOf(client, teamId, userId);
    const delivery: NewDelivery = {
      lane: 'interactive',
      to: { kind: 'home', platform: 'slack', workspaceId: teamId, userId },
      message: { type: 'reply', reply: await deps.chat.home(ctx), locale: ctx.asker.locale },
    };
    // The person is looking at it right now: one attempt at once, the outbox keeps it if that fails.
    if (once) await deps.deliveries.sendNowOnce(once.receiptKey, delivery, once.stored);
    else await deps.deliveries.sendNow(delivery);
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
      return { reply, locale: asker.locale, t, message };
    },
    publishHome,
    boundary: async (where, work, receiptKey) => {
      try {
        await work();
      } catch (error) {
        const reply = apologyReply({ deps }, error);
        if (!where) return;
        const delivery: NewDelivery = {
          lane: 'interactive',
          to: where,
          message: { type: 'reply', reply, locale: deps.locale },
        };
        await (receiptKey
          ? deps.deliveries.sendNowOnce(receiptKey, delivery)
          : deps.deliveries.sendNow(delivery)
        ).catch((failure: unknown) =>
          deps.logger.error({ err: failure }, 'the apology could not be sent either'),
        );
      }
    },
  };
}
