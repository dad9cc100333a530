import type { Locale } from '../i18n/i18n.js';
import type { Address, Platform, ResolvedAddress, SentMessageRef } from './inbound.js';
import type { Reply } from './reply.js';

/** Why an address cannot be reached; shown to admins in plain Swedish, never retried forever. */
export type UnreachableReason =
  | 'not_in_workspace'
  | 'not_installed'
  | 'blocked'
  | 'channel_archived'
  | 'not_found'
  | 'rejected'
  /** The platform has no such place (e.g. an App Home outside Slack). */
  | 'not_supported';

/** A rate limit a send draws on: at most `limit` sends per `perMs` for everything sharing `key`. */
export interface RateBucket {
  /** e.g. `slack:T1:channel:C1`, `slack:T1:method:chat.postMessage`, `teams:tenant:t1`. */
  readonly key: string;
  readonly limit: number;
  readonly perMs: number;
}

/** What one attempt to deliver came to. */
export type DeliveryResult =
  | { readonly ok: true; readonly sent?: SentMessageRef }
  /** The platform said "slow down": pause the bucket; this is not a failed attempt. */
  | {
      readonly ok: false;
      readonly kind: 'rate_limited';
      readonly retryAfterMs: number;
      readonly bucket?: string;
    }
  /** Worth another try with backoff (5xx, network error). */
  | { readonly ok: false; readonly kind: 'transient'; readonly error: string }
  /** It may or may not have arrived (timeout, connection reset after the request was written). */
  | { readonly ok: false; readonly kind: 'unknown'; readonly error: string }
  /** Never going to work: recorded with its reason, shown to admins. */
  | {
      readonly ok: false;
      readonly kind: 'unreachable';
      readonly reason: UnreachableReason;
      readonly error: string;
    };

/** Options of one send. */
export interface SendOptions {
  /** The reader's language: replies are rendered at send time. */
  readonly locale: Locale;
  /** The outbox item being delivered: carried in the message (Slack `metadata`) so a resend can look for it. */
  readonly outboxId?: string;
  /** Aborted when the send's time is up. */
  readonly signal?: AbortSignal;
  /**
   * The stored message the reply was rendered from, for a port that renders from the neutral
   * message itself (e-mail links a check-in prompt to its answer page); chat ports ignore it.
   */
  readonly message?: { readonly type: string };
}

/**
 * How a port takes a person: `first` (before any chat port, which are then not tried), `fallback`
 * (only once the chat ports failed for good) or `never`.
 */
export type PersonReach = 'first' | 'fallback' | 'never';

/**
 * One platform's way out, neutral: the core and `commands/` send only through a `ChatPort`
 * (via the outbox), never through a platform SDK. One implementation per adapter.
 */
export interface ChatPort {
  readonly platform: Platform;
  /**
   * A person (by catalog e-mail) as a reachable DM on this platform, or why not. The one place a
   * person is resolved is the outbox's `PortDeliverer`, which asks each port this question.
   */
  resolvePerson(
    email: string,
  ): Promise<
    | { readonly ok: true; readonly address: Address & { kind: 'conversation' } }
    | { readonly ok: false; readonly reason: UnreachableReason }
  >;
  /**
   * For ports that are not everyone's way in (e-mail): how this port takes the person with this
   * catalog e-mail. Chat ports leave it out and are tried in the usual order.
   */
  reachOf?(email: string): Promise<PersonReach>;
  /** The rate buckets a send to `address` draws on (known before sending). */
  buckets(address: Address): readonly RateBucket[];
  /** Sends to a resolved address (a person is resolved first, through `resolvePerson`). */
  send(address: ResolvedAddress, reply: Reply, options: SendOptions): Promise<DeliveryResult>;
  /** Replaces a message delmal sent earlier (an answered prompt, a confirmed check-in). */
  update(ref: SentMessageRef, reply: Reply, options: SendOptions): Promise<DeliveryResult>;
  /**
   * Whether a message carrying `outboxId` already is in the conversation (an earlier attempt whose
   * outcome was unknown arrived after all). `undefined` when the platform gives a bot no way to tell.
   */
  findSent?(
    address: ResolvedAddress,
    outboxId: string,
    /** Look no further back than this (a little before the item was stored). */
    since?: Date,
    /** Aborted when the look-up has taken as long as a send may. */
    signal?: AbortSignal,
  ): Promise<SentMessageRef | null | undefined>;
}
