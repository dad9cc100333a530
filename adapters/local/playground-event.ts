import { randomUUID } from 'node:crypto';

interface EventBase {
  /** Increases within one process (see {@link nextMessageId}); the same id again is an update. */
  readonly id: string;
  /** `dm:<email>` or `network:<id>`. */
  readonly conversation: string;
  /** When it was written, by the app's (possibly simulated) clock, ISO 8601 UTC. */
  readonly at: string;
}

/** What delmal wrote: a card rendered from the same Adaptive Card JSON Teams receives. */
export interface BotEvent extends EventBase {
  readonly from: 'delmal';
  readonly summary: string;
  readonly card: unknown;
  /** Sent back with any of the card's buttons: the same button twice is one submission. */
  readonly formToken: string;
}

/** What a person wrote (or the words on the button they pressed). */
export interface PersonEvent extends EventBase {
  readonly from: 'person';
  readonly author: string;
  readonly text: string;
  /** The id the page gave its own copy while the message was on its way. */
  readonly clientId?: string;
}

/** One message in a playground conversation, as stored and as the page receives it (server-sent events). */
export type PlaygroundEvent = BotEvent | PersonEvent;

/** The DM conversation of one playground person ('' is the anonymous visitor). */
export const dmOf = (email: string) => `dm:${email.toLowerCase()}`;

let sequence = 0;

/**
 * A new message id that sorts after the previous one from this process: messages written at the
 * same clock time (a test's fixed clock, a question and its answer) keep the order they were
 * written in on reload. The random tail keeps ids from several processes apart.
 */
export function nextMessageId(): string {
  sequence += 1;
  return `m${sequence.toString(36).padStart(8, '0')}-${randomUUID().slice(0, 8)}`;
}
