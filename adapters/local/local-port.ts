import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import {
  markLocalMessagesSeen,
  saveLocalMessage,
  unseenLocalMessages,
} from '../../db/local-messages.repository.js';
import type { ChatPort, DeliveryResult, RateBucket, SendOptions } from '../../src/chat/chat-port.js';
import type { ResolvedAddress, SentMessageRef } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Clock } from '../../src/clock.js';
import { translator } from '../../src/i18n/i18n.js';
import { renderAdaptiveCard } from '../teams/render-card.js';

/** One message as the playground page receives it (server-sent event data). */
interface PlaygroundEvent {
  readonly id: string;
  /** `dm:<email>` or `network:<id>`. */
  readonly conversation: string;
  readonly summary: string;
  readonly card: unknown;
  readonly formToken: string;
}

type Listener = (event: PlaygroundEvent) => void;

/** The DM conversation of one playground person ('' is the anonymous visitor). */
const dmOf = (email: string) => `dm:${email.toLowerCase()}`;

/**
 * The playground as a `ChatPort`: a message goes to the open browser at once (server-sent events)
 * and is kept in the database until a browser has shown it, so what arrived while no page was open
 * appears when one connects. Cards are rendered in the reader's language at send time, as Teams'.
 */
export class LocalPort implements ChatPort {
  readonly platform = 'local' as const;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly deps: { readonly db: Db; readonly clock: Clock }) {}

  /**
   * A browser showing `email`'s playground: gets their DM and every channel. Replays what is unseen
   * first. Returns the unsubscribe function.
   */
  async subscribe(email: string, listener: Listener): Promise<() => void> {
    const dm = dmOf(email);
    const set = this.listeners.get(dm) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(dm, set);
    const unseen = await unseenLocalMessages(this.deps.db.kysely, dm);
    for (const message of unseen) listener(JSON.parse(message.body) as PlaygroundEvent);
    await markLocalMessagesSeen(
      this.deps.db.kysely,
      unseen.map((m) => m.id),
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
    return this.deliver(randomUUID(), to.conversationId, reply, options);
  }

  update(ref: SentMessageRef, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    return this.deliver(ref.messageId, ref.conversationId, reply, options);
  }

  private async deliver(
    id: string,
    conversation: string,
    reply: Reply,
    options: SendOptions,
  ): Promise<DeliveryResult> {
    const event: PlaygroundEvent = {
      id,
      conversation,
      summary: reply.summary,
      card: renderAdaptiveCard(reply, translator(options.locale)),
      formToken: randomUUID(),
    };
    const targets = conversation.startsWith('dm:')
      ? [...(this.listeners.get(conversation) ?? [])]
      : [...this.listeners.values()].flatMap((set) => [...set]);
    for (const listener of targets) listener(event);
    const now = this.deps.clock.now().toISOString();
    await saveLocalMessage(
      this.deps.db.kysely,
      { id, conversationId: conversation, body: JSON.stringify(event) },
      now,
      targets.length > 0 ? now : null,
    );
    return {
      ok: true,
      sent: { platform: 'local', workspaceId: 'local', conversationId: conversation, messageId: id },
    };
  }
}
