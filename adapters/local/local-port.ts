import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import {
  localConversationHistory,
  markLocalMessagesSeen,
  saveLocalMessage,
} from '../../db/local-messages.repository.js';
import type { ChatPort, DeliveryResult, RateBucket, SendOptions } from '../../src/chat/chat-port.js';
import type { ResolvedAddress, SentMessageRef } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Clock } from '../../src/clock.js';
import type { Locale } from '../../src/i18n/i18n.js';
import { translator } from '../../src/i18n/i18n.js';
import { renderAdaptiveCard } from '../teams/render-card.js';
import {
  type BotEvent,
  dmOf,
  nextMessageId,
  type PersonEvent,
  type PlaygroundEvent,
} from './playground-event.js';

type Listener = (event: PlaygroundEvent) => void;

/**
 * The playground as a `ChatPort`, and the keeper of its conversations: everything written in the
 * playground — what delmal sends on its own, what a person types, delmal's answers — is stored and
 * goes at once to every open page that shows that conversation (server-sent events). A page that
 * connects (a reload, a second tab, another person chosen) first gets that person's DM and the
 * channels as stored, so nothing is shown once and lost. Cards are rendered in the reader's
 * language at send time, as Teams'.
 */
export class LocalPort implements ChatPort {
  readonly platform = 'local' as const;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly deps: { readonly db: Db; readonly clock: Clock }) {}

  /**
   * A browser showing `email`'s playground: gets their DM and every channel, first as stored (the
   * latest messages), then live. Returns the unsubscribe function.
   */
  async subscribe(email: string, listener: Listener): Promise<() => void> {
    const dm = dmOf(email);
    const set = this.listeners.get(dm) ?? new Set<Listener>();
    // Live messages wait until the stored ones are out: the page sees them in order.
    const early: PlaygroundEvent[] = [];
    const buffer: Listener = (event) => early.push(event);
    set.add(buffer);
    this.listeners.set(dm, set);
    const history = await localConversationHistory(this.deps.db.kysely, dm);
    for (const message of history) listener(JSON.parse(message.body) as PlaygroundEvent);
    for (const event of early) listener(event);
    set.delete(buffer);
    set.add(listener);
    await markLocalMessagesSeen(
      this.deps.db.kysely,
      history.filter((m) => !m.seen).map((m) => m.id),
      this.deps.clock.now().toISOString(),
    );
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(dm);
    };
  }

  /** Whether a browser is showing `email`'s playground right now. */
  connected(email: string): boolean {
    return this.listeners.has(dmOf(email));
  }

  async resolvePerson(email: string) {
    // In the playground everyone in the catalog can be written to: their DM with the bot.
    return {
      ok: true as const,
      address: {
        kind: 'conversation' as const,
        platform: 'local' as const,
        workspaceId: 'local',
        conversationId: dmOf(email),
      },
    };
  }

  buckets(): readonly RateBucket[] {
    return [];
  }

  async send(to: ResolvedAddress, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    if (to.kind === 'home')
      return {
        ok: false,
        kind: 'unreachable',
        reason: 'not_supported',
        error: 'the playground has no app home',
      };
    return this.deliver(nextMessageId(), to.conversationId, reply, options);
  }

  update(ref: SentMessageRef, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    return this.deliver(ref.messageId, ref.conversationId, reply, options);
  }

  /** Stores and shows what a person wrote in the playground (typed, or the button they pressed). */
  async said(
    conversation: string,
    author: string,
    text: string,
    clientId: string | undefined,
  ): Promise<PersonEvent> {
    const event: PersonEvent = {
      from: 'person',
      id: nextMessageId(),
      conversation,
      at: this.deps.clock.now().toISOString(),
      author,
      text,
      ...(clientId ? { clientId } : {}),
    };
    await this.publish(event);
    return event;
  }

  /** Stores and shows delmal's answer to what a person wrote, rendered in `locale`. */
  async answered(conversation: string, reply: Reply, locale: Locale): Promise<BotEvent> {
    const event = this.botEvent(nextMessageId(), conversation, reply, locale);
    await this.publish(event);
    return event;
  }

  private async deliver(
    id: string,
    conversation: string,
    reply: Reply,
    options: SendOptions,
  ): Promise<DeliveryResult> {
    await this.publish(this.botEvent(id, conversation, reply, options.locale));
    return {
      ok: true,
      sent: { platform: 'local', workspaceId: 'local', conversationId: conversation, messageId: id },
    };
  }

  private botEvent(id: string, conversation: string, reply: Reply, locale: Locale): BotEvent {
    return {
      from: 'delmal',
      id,
      conversation,
      at: this.deps.clock.now().toISOString(),
      summary: reply.summary,
      card: renderAdaptiveCard(reply, translator(locale)),
      formToken: randomUUID(),
    };
  }

  /**
   * Shows `event` on every open page that has its conversation (a DM: that person's pages; a
   * channel: every page) and stores it. An update keeps the message's place and first time.
   */
  private async publish(event: PlaygroundEvent): Promise<void> {
    const targets = event.conversation.startsWith('dm:')
      ? [...(this.listeners.get(event.conversation) ?? [])]
      : [...this.listeners.values()].flatMap((set) => [...set]);
    for (const listener of targets) listener(event);
    const now = this.deps.clock.now().toISOString();
    await saveLocalMessage(
      this.deps.db.kysely,
      { id: event.id, conversationId: event.conversation, body: JSON.stringify(event) },
      now,
      targets.length > 0 ? now : null,
    );
  }
}
