import type { Locale } from '../i18n/i18n.js';

/**
 * The platforms delmal speaks on. `local` is the playground (and the CLI's `ask`); `email` reaches
 * owners outside Slack and Teams (prompts by e-mail, answered on delmal's own page).
 */
export type Platform = 'slack' | 'teams' | 'local' | 'email';

/** What kind of place a message was written in. */
export type ConversationKind = 'dm' | 'channel' | 'group';

/** Where a message was written: a DM, a channel (Slack channel, Teams channel) or a group chat. */
export interface Conversation {
  readonly kind: ConversationKind;
  /** The platform's conversation id (Slack channel/DM id, Teams conversation id, playground `dm`/`network:<id>`). */
  readonly id: string;
  /** Human name when the platform told us (e.g. `#lag-missbruk`). */
  readonly name?: string;
  /** The thread the message is in, when it is in one (Slack thread_ts, Teams reply chain id). */
  readonly threadId?: string;
}

/**
 * A neutral address: where something is (or will be) delivered. Adapters fill it in from what
 * their platform says; the outbox stores it; a `ChatPort` turns it into a platform call at send time.
 */
export type Address =
  /** A whole conversation (a bound channel, a person's DM once resolved), optionally one thread in it. */
  | {
      readonly kind: 'conversation';
      readonly platform: Platform;
      readonly workspaceId: string;
      readonly conversationId: string;
      readonly threadId?: string;
      /** The message this answers, where the platform links answers to it (Teams `replyToId`). */
      readonly inReplyTo?: string;
    }
  /** A person known by catalog e-mail: resolved to a reachable DM by the platform's port when sent. */
  | { readonly kind: 'person'; readonly email: string; readonly platform?: Platform }
  /**
   * Only the asker sees it (a Slack ephemeral answer to a slash command, the playground's own
   * reply). `handle` is the platform's opaque reply handle (e.g. a Slack `response_url`).
   */
  | {
      readonly kind: 'private';
      readonly platform: Platform;
      readonly workspaceId: string;
      readonly conversationId: string;
      readonly userId: string;
      readonly handle?: string;
      /**
       * What the answer does with the private message it answers (through `handle`): `new` (the
       * default) adds one; `replace` replaces it (a button on a private answer); `share` shows the
       * answer to the whole conversation and removes the private one (Slack "Dela i kanalen").
       */
      readonly mode?: 'new' | 'replace' | 'share';
      /**
       * The command that reproduces this answer: the platform may offer to share it with the
       * conversation (Slack: a "Dela i kanalen" button). Absent: nothing to offer.
       */
      readonly shareCommand?: string;
    }
  /**
   * A person's own start page in the app (Slack App Home), replaced as a whole by each delivery.
   * Platforms without one answer that it is not supported.
   */
  | {
      readonly kind: 'home';
      readonly platform: Platform;
      readonly workspaceId: string;
      readonly userId: string;
    };

/** An address a port can deliver to as it is: anything but a person still to be resolved. */
export type ResolvedAddress = Exclude<Address, { kind: 'person' }>;

/** A message delmal has already sent, so it can be updated in place (Slack ts, Teams activity id). */
export interface SentMessageRef {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly messageId: string;
}

/** Who wrote the message, as far as the platform told us. */
export interface InboundAsker {
  /** The platform's own user id (Slack U…, Teams 29:… / AAD object id, playground e-mail). */
  readonly userId: string;
  /** E-mail, lower-case, when known. */
  readonly email?: string;
  readonly name?: string;
  /** The person's language when the platform or catalog tells it. */
  readonly locale?: Locale;
}

/**
 * One message or interaction from any platform, in neutral form. Every adapter builds one and
 * hands it to the core; `CommandContext` carries it, so a command knows where it was asked
 * (e.g. to bind the channel to a network) without knowing which platform it was.
 */
export interface InboundMessage {
  readonly platform: Platform;
  /** Slack team id, Teams tenant id, `local` for the playground. */
  readonly workspaceId: string;
  readonly conversation: Conversation;
  /**
   * The platform's id of this message or interaction (Slack event id / message ts / view id,
   * Teams activity id, playground form token): the base of idempotency keys.
   */
  readonly messageId: string;
  readonly text: string;
  /**
   * Values of the form submitted with the command (a card's inputs, a Slack modal, the playground):
   * by field name, e.g. `note`, `nextStep`, `needsSupport` ("true"/"false"). Absent for plain text.
   */
  readonly form?: Readonly<Record<string, string>>;
  readonly asker: InboundAsker;
  /** Where the answer goes. */
  readonly replyTo: Address;
  /** The message a button was pressed on, when it was one of ours: answers may replace it in place. */
  readonly sourceMessage?: SentMessageRef;
}
