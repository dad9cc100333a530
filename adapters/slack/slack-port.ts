import type { WebClient } from '@slack/web-api';
import {
  findChatIdentityByEmail,
  saveChatConversation,
  saveChatIdentity,
} from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import type {
  ChatPort,
  DeliveryResult,
  RateBucket,
  SendOptions,
  UnreachableReason,
} from '../../src/chat/chat-port.js';
import type { Address, ResolvedAddress, SentMessageRef } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Clock } from '../../src/clock.js';
import { networkResult, retryAfterMs, withinSignal } from '../../src/delivery/send-outcome.js';
import { translator } from '../../src/i18n/i18n.js';
import { renderSlackMessage, type SlackMessage } from './render-blocks.js';
import { withShareButton } from './share-command.js';
import { slackDeliveryResult } from './slack-delivery-result.js';
import { SLACK_RATE_LIMITS, type SlackRateLimits, slackBuckets } from './slack-rate-limits.js';

/** The `metadata.event_type` delmal's messages carry, with the outbox id as payload. */
export const OUTBOX_EVENT_TYPE = 'delmal_outbox';

export interface SlackPortDeps {
  /** A client with Web API retries off and rate-limited calls rejected: the outbox retries. */
  readonly client: WebClient;
  readonly db: Db;
  readonly clock: Clock;
  readonly fetch?: typeof fetch;
  readonly limits?: SlackRateLimits;
}

/** Messages per history page (Slack's recommended maximum is 200). */
const FIND_SENT_PAGE_SIZE = 200;
/** Pages read back at most: 4,000 newer messages in one conversation since the attempt. */
const FIND_SENT_PAGES = 20;

/**
 * How long one Web API call may take before the client aborts it: shorter than the outbox's
 * default send timeout (10 s), so a send that times out is really over on this side before the
 * outbox counts it as unknown and waits to look for it.
 */
export const SLACK_CALL_TIMEOUT_MS = 8_000;

function carriesOutboxId(message: unknown, outboxId: string): boolean {
  const metadata = (
    message as { metadata?: { event_type?: string; event_payload?: { outbox_id?: unknown } } }
  ).metadata;
  return metadata?.event_type === OUTBOX_EVENT_TYPE && metadata.event_payload?.outbox_id === outboxId;
}

/** How a response_url post treats the private message it answers. */
const RESPONSE_MODE = {
  new: { response_type: 'ephemeral', replace_original: false },
  replace: { response_type: 'ephemeral', replace_original: true },
  share: { response_type: 'in_channel', delete_original: true },
} as const;

type Resolved =
  | { readonly ok: true; readonly address: Address & { kind: 'conversation' } }
  | { readonly ok: false; readonly reason: UnreachableReason };

/**
 * Slack as a `ChatPort`: a person by catalog e-mail (users.lookupByEmail, then conversations.open,
 * both remembered in chat identities), messages rendered to Block Kit in the reader's language at
 * send time and carrying their outbox id in `metadata`, updates with chat.update, private answers
 * through the interaction's response_url, App Home with views.publish, and — after an attempt whose outcome is unknown — a look in
 * the conversation for that outbox id before anything is sent again.
 */
export class SlackPort implements ChatPort {
  readonly platform = 'slack' as const;
  private team: Promise<string> | undefined;
  private knownTeam: string | undefined;
  private readonly limits: SlackRateLimits;

  constructor(private readonly deps: SlackPortDeps) {
    this.limits = deps.limits ?? SLACK_RATE_LIMITS;
  }

  /** The workspace the bot token belongs to (auth.test once). */
  teamId(): Promise<string> {
    this.team ??= this.deps.client.auth.test().then(
      (r) => {
        this.knownTeam = String(r.team_id);
        return this.knownTeam;
      },
      (error: unknown) => {
        this.team = undefined;
        throw error;
      },
    );
    return this.team;
  }

  async resolvePerson(email: string): Promise<Resolved> {
    const teamId = await this.teamId();
    const known = await findChatIdentityByEmail(this.deps.db.kysely, 'slack', email, teamId);
    if (known?.conversation_id)
      return { ok: true, address: this.conversation(teamId, known.conversation_id) };
    const now = this.deps.clock.now().toISOString();
    let userId = known?.user_id;
    try {
      if (!userId) {
        const found = await this.deps.client.users.lookupByEmail({ email: email.toLowerCase() });
        userId = found.user?.id;
        if (!userId) return { ok: false, reason: 'not_in_workspace' };
        const who = { platform: 'slack' as const, tenantId: teamId, userId };
        await saveChatIdentity(
          this.deps.db.kysely,
          { ...who, email: email.toLowerCase(), displayName: found.user?.real_name ?? found.user?.name },
          now,
        );
      }
      const opened = await this.deps.client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) return { ok: false, reason: 'not_found' };
      await saveChatConversation(
        this.deps.db.kysely,
        { platform: 'slack', tenantId: teamId, userId },
        channel,
      );
      return { ok: true, address: this.conversation(teamId, channel) };
    } catch (error) {
      const result = slackDeliveryResult(error);
      if (!result.ok && result.kind === 'unreachable') return { ok: false, reason: result.reason };
      throw error;
    }
  }

  buckets(address: Address): readonly RateBucket[] {
    const team = address.kind === 'person' ? (this.knownTeam ?? 'workspace') : address.workspaceId;
    if (address.kind === 'home') return slackBuckets(this.limits, team, undefined, 'views.publish');
    const channel = address.kind === 'person' ? undefined : address.conversationId;
    return slackBuckets(this.limits, team, channel, 'chat.postMessage');
  }

  async send(to: ResolvedAddress, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    const t = translator(options.locale);
    const message = renderSlackMessage(reply, t);
    if (to.kind === 'home')
      return this.call(options.signal, `slack:${to.workspaceId}:method:views.publish`, async () => {
        await this.deps.client.views.publish({
          user_id: to.userId,
          view: { type: 'home', blocks: message.blocks },
        });
        return { ok: true };
      });
    if (to.kind === 'private')
      return this.sendPrivately(to, withShareButton(message, to.shareCommand, t('slack.share')), options);
    const { workspaceId, conversationId, threadId } = to;
    const bucket = `slack:${workspaceId}:channel:${conversationId}`;
    return this.call(options.signal, bucket, async () => {
      const posted = await this.deps.client.chat.postMessage({
        channel: conversationId,
        ...(threadId ? { thread_ts: threadId } : {}),
        ...message,
        ...(options.outboxId
          ? { metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: options.outboxId } } }
          : {}),
      });
      return {
        ok: true,
        sent: {
          platform: 'slack',
          workspaceId,
          conversationId: posted.channel ?? conversationId,
          messageId: String(posted.ts),
        },
      };
    });
  }

  update(ref: SentMessageRef, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    const message = renderSlackMessage(reply, translator(options.locale));
    return this.call(options.signal, `slack:${ref.workspaceId}:method:chat.update`, async () => {
      await this.deps.client.chat.update({ channel: ref.conversationId, ts: ref.messageId, ...message });
      return { ok: true, sent: ref };
    });
  }

  /**
   * The message carrying `outboxId`, read back from the conversation (conversations.history with
   * `include_all_metadata`; conversations.replies in a thread), paging back (cursor) from the
   * newest message to `since`, so a busy channel cannot hide it. Bounded: at most
   * `FIND_SENT_PAGES` pages, and `signal` ends the look-up; either way it throws (the outbox
   * retries later instead of sending blindly).
   */
  async findSent(
    to: ResolvedAddress,
    outboxId: string,
    since?: Date,
    signal?: AbortSignal,
  ): Promise<SentMessageRef | null | undefined> {
    // A response_url answer and App Home cannot be read back (App Home is replaced whole anyway).
    if (to.kind !== 'conversation') return undefined;
    const oldest = since ? String(since.getTime() / 1000) : undefined;
    let cursor: string | undefined;
    for (let page = 0; page < FIND_SENT_PAGES; page++) {
      signal?.throwIfAborted();
      const query = {
        channel: to.conversationId,
        limit: FIND_SENT_PAGE_SIZE,
        include_all_metadata: true,
        ...(oldest ? { oldest } : {}),
        ...(cursor ? { cursor } : {}),
      };
      const answer = to.threadId
        ? await this.deps.client.conversations.replies({ ...query, ts: to.threadId })
        : await this.deps.client.conversations.history(query);
      const found = (answer.messages ?? []).find((m) => carriesOutboxId(m, outboxId));
      if (found?.ts)
        return {
          platform: 'slack',
          workspaceId: to.workspaceId,
          conversationId: to.conversationId,
          messageId: found.ts,
        };
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!answer.has_more || !cursor) return null;
    }
    throw new Error(`findSent: more than ${FIND_SENT_PAGES} pages since the attempt; cannot tell`);
  }

  private conversation(teamId: string, channel: string): Address & { kind: 'conversation' } {
    return { kind: 'conversation', platform: 'slack', workspaceId: teamId, conversationId: channel };
  }

  /**
   * A private answer: through the interaction's response_url when there is one (replacing the
   * private message it answers, or shared with the channel, as `mode` says), else postEphemeral.
   */
  private async sendPrivately(
    to: Address & { kind: 'private' },
    message: SlackMessage,
    options: SendOptions,
  ): Promise<DeliveryResult> {
    if (!to.handle)
      return this.call(options.signal, undefined, async () => {
        await this.deps.client.chat.postEphemeral({
          channel: to.conversationId,
          user: to.userId,
          ...message,
        });
        return { ok: true };
      });
    const post = this.deps.fetch ?? fetch;
    try {
      const response = await post(to.handle, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...RESPONSE_MODE[to.mode ?? 'new'], ...message }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (response.ok) return { ok: true };
      if (response.status === 429)
        return {
          ok: false,
          kind: 'rate_limited',
          retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
        };
      if (response.status >= 500)
        return { ok: false, kind: 'transient', error: `response_url_${response.status}` };
      // A response_url lives 30 minutes and takes 5 posts; 404 and 410 mean it is spent.
      return { ok: false, kind: 'unreachable', reason: 'rejected', error: `response_url_${response.status}` };
    } catch (error) {
      return networkResult(error);
    }
  }

  /** One Web API call, mapped to a `DeliveryResult`; an abort while it is in flight is `unknown`. */
  private call(
    signal: AbortSignal | undefined,
    bucket: string | undefined,
    work: () => Promise<DeliveryResult>,
  ): Promise<DeliveryResult> {
    return withinSignal(signal, () => work().catch((error: unknown) => slackDeliveryResult(error, bucket)));
  }
}
