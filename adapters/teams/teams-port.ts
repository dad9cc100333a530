import type { App } from '@microsoft/teams.apps';
import { findChatIdentityByEmail } from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import { personalTeamsConversation, tenantServiceUrl } from '../../db/teams-conversations.repository.js';
import type {
  ChatPort,
  DeliveryResult,
  RateBucket,
  SendOptions,
  UnreachableReason,
} from '../../src/chat/chat-port.js';
import { deepFreeze, isFrozenReply } from '../../src/chat/immutable-reply.js';
import type { Address, ResolvedAddress, SentMessageRef } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Clock } from '../../src/clock.js';
import { withinSignal } from '../../src/delivery/send-outcome.js';
import { type Locale, translator } from '../../src/i18n/i18n.js';
import type { AdaptiveCardJson } from './card-types.js';
import { ActivityJson, type ConnectorClient } from './connector-client.js';
import type { ConversationReferences } from './conversation-references.js';
import { renderAdaptiveCard } from './render-card.js';
import type { ServiceUrlPolicy } from './service-urls.js';
import { teamsDeliveryResult } from './teams-delivery-result.js';
import { conversationOf } from './teams-inbound-message.js';

/** Teams' documented limits: about 7 messages a second per conversation, about 50 per tenant. */
const TEAMS_RATE_LIMITS = {
  perConversation: { limit: 7, perMs: 1000 },
  perTenant: { limit: 50, perMs: 1000 },
};

/** The bot's id without Teams credentials (local development, tests): there is no app id then. */
const LOCAL_BOT_ID = 'delmal';

/** A shared reply's card, and its attachments already as JSON. */
interface SharedCard {
  readonly card: AdaptiveCardJson;
  readonly attachmentsJson: Buffer;
}

/** An Adaptive Card as an activity's attachments. */
const cardAttachments = (card: AdaptiveCardJson) => [
  { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
];

type Resolved =
  | { readonly ok: true; readonly address: Address & { kind: 'conversation' } }
  | { readonly ok: false; readonly reason: UnreachableReason };

/**
 * Teams as a `ChatPort`. Conversations are the references stored when delmal was installed or
 * written to; a person by catalog e-mail is their 1:1 chat with delmal, or a new one created at
 * their tenant's service URL. Cards are rendered in the reader's language at send time. Teams
 * gives a bot no way to read a conversation back, so there is no `findSent` (see README).
 */
export class TeamsPort implements ChatPort {
  readonly platform = 'teams' as const;
  /** Cards of frozen replies, per language (they go with their reply). */
  private readonly cards = new WeakMap<Reply, Map<Locale, SharedCard>>();

  constructor(
    private readonly deps: {
      readonly app: App;
      /** Where messages are posted (the SDK's token, kept-alive connections). */
      readonly connector: ConnectorClient;
      /** Where each conversation is reached (shared with the handlers that learn it). */
      readonly conversations: ConversationReferences;
      readonly db: Db;
      readonly clock: Clock;
      readonly serviceUrls: ServiceUrlPolicy;
    },
  ) {}

  async resolvePerson(email: string): Promise<Resolved> {
    const identity = await findChatIdentityByEmail(this.deps.db.kysely, 'teams', email);
    // Never seen in Teams: the app must be installed for them (or they must write to it) first.
    if (!identity) return { ok: false, reason: 'not_installed' };
    const tenantId = identity.tenant_id;
    const known = await personalTeamsConversation(this.deps.db.kysely, identity.user_id);
    if (known) return { ok: true, address: this.conversation(tenantId, known.conversation_id) };
    const serviceUrl = await tenantServiceUrl(this.deps.db.kysely, tenantId);
    if (!serviceUrl) return { ok: false, reason: 'not_installed' };
    if (!this.deps.serviceUrls(serviceUrl)) return { ok: false, reason: 'rejected' };
    try {
      const created = await this.deps.app.api.fromServiceUrl({ serviceUrl }).conversations.create({
        members: [{ id: identity.user_id, role: 'user', name: identity.display_name ?? email }],
        tenantId,
        isGroup: false,
      });
      await this.deps.conversations.remember({
        conversationId: created.id,
        serviceUrl,
        tenantId,
        conversationType: 'personal',
        userAadObjectId: identity.user_id,
        teamId: undefined,
      });
      return { ok: true, address: this.conversation(tenantId, created.id) };
    } catch (error) {
      const result = teamsDeliveryResult(error);
      if (!result.ok && result.kind === 'unreachable') return { ok: false, reason: result.reason };
      throw error;
    }
  }

  buckets(address: Address): readonly RateBucket[] {
    if (address.kind === 'person' || address.kind === 'home') return [];
    return [
      { key: `teams:conversation:${address.conversationId}`, ...TEAMS_RATE_LIMITS.perConversation },
      { key: `teams:tenant:${address.workspaceId}`, ...TEAMS_RATE_LIMITS.perTenant },
    ];
  }

  async send(to: ResolvedAddress, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    if (to.kind === 'home')
      return { ok: false, kind: 'unreachable', reason: 'not_supported', error: 'teams has no app home' };
    // Teams has no private answers in a conversation: a private address is its conversation.
    const { workspaceId, conversationId } = to;
    const threadId = to.kind === 'conversation' ? to.threadId : undefined;
    const inReplyTo = to.kind === 'conversation' ? to.inReplyTo : undefined;
    const reference = await this.reference(conversationId);
    if (!reference.ok) return reference.result;
    const envelope = { ...this.envelope(reply), ...(inReplyTo ? { replyToId: inReplyTo } : {}) };
    // A shared (frozen) reply's card goes out as the JSON made once for it; any other is made now.
    const activity = isFrozenReply(reply)
      ? ActivityJson.of(envelope, this.shared(reply, options.locale).attachmentsJson)
      : { ...envelope, attachments: cardAttachments(this.card(reply, options.locale)) };
    const target = threadId ? `${conversationId};messageid=${threadId}` : conversationId;
    // The connector client honours the signal itself and says whether an aborted request had
    // left this process (unknown) or not (never sent, safe to send again).
    try {
      const created = await this.deps.connector.createActivity(
        reference.serviceUrl,
        target,
        activity,
        options.signal,
      );
      // Created, but the answer did not say its id: delivered, just not updatable later.
      if (!created.id) return { ok: true };
      return { ok: true, sent: { platform: 'teams', workspaceId, conversationId, messageId: created.id } };
    } catch (error) {
      return teamsDeliveryResult(error, `teams:conversation:${conversationId}`);
    }
  }

  /**
   * The stored service URL of a conversation, checked against the allow-list again at the last
   * step: nothing stored may reach a host outside it.
   */
  private async reference(
    conversationId: string,
  ): Promise<{ ok: true; serviceUrl: string } | { ok: false; result: DeliveryResult }> {
    // A reply chain lives in its channel: stored (and allowed) by the channel's id.
    const serviceUrl = await this.deps.conversations.serviceUrl(
      conversationOf(conversationId).conversationId,
    );
    if (!serviceUrl)
      return {
        ok: false,
        result: {
          ok: false,
          kind: 'unreachable',
          reason: 'not_found',
          error: `no stored conversation ${conversationId}`,
        },
      };
    if (!this.deps.serviceUrls(serviceUrl))
      return {
        ok: false,
        result: { ok: false, kind: 'unreachable', reason: 'rejected', error: 'service_url_not_allowed' },
      };
    return { ok: true, serviceUrl };
  }

  async update(ref: SentMessageRef, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    const reference = await this.reference(ref.conversationId);
    if (!reference.ok) return reference.result;
    // The replacement names the activity it replaces, as Bot Framework's UpdateActivity expects.
    const activity = {
      ...this.envelope(reply),
      attachments: cardAttachments(this.card(reply, options.locale)),
      id: ref.messageId,
    };
    return withinSignal(options.signal, async () => {
      try {
        await this.deps.app.api
          .fromServiceUrl({ serviceUrl: reference.serviceUrl })
          .conversations.activities(ref.conversationId)
          .update(ref.messageId, activity as never);
        return { ok: true, sent: ref };
      } catch (error) {
        return teamsDeliveryResult(error, `teams:conversation:${ref.conversationId}`);
      }
    });
  }

  private envelope(reply: Reply) {
    return {
      type: 'message',
      // The sender, as the SDK's own sends write it (`app.send`: the app's id, role bot). The Bot
      // Framework Emulator refuses an activity without it (400), so nothing would show there.
      from: { id: this.deps.app.id ?? LOCAL_BOT_ID, role: 'bot' },
      summary: reply.summary,
    };
  }

  /** The card of `reply`; a frozen (cached, shared) reply's is rendered once per language. */
  private card(reply: Reply, locale: Locale): AdaptiveCardJson {
    return isFrozenReply(reply)
      ? this.shared(reply, locale).card
      : renderAdaptiveCard(reply, translator(locale));
  }

  /**
   * The card of a frozen (cached, shared) reply and its attachments as JSON, made once per
   * language: "delmal 5" asked by everyone is rendered and serialised once, not per answer.
   */
  private shared(reply: Reply, locale: Locale): SharedCard {
    let cards = this.cards.get(reply);
    if (!cards) {
      cards = new Map();
      this.cards.set(reply, cards);
    }
    let shared = cards.get(locale);
    if (!shared) {
      const card = renderAdaptiveCard(reply, translator(locale));
      deepFreeze(card);
      shared = { card, attachmentsJson: Buffer.from(JSON.stringify(cardAttachments(card))) };
      cards.set(locale, shared);
    }
    return shared;
  }

  private conversation(tenantId: string, conversationId: string): Address & { kind: 'conversation' } {
    return { kind: 'conversation', platform: 'teams', workspaceId: tenantId, conversationId };
  }
}
