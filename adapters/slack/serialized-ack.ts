import type { SlackMessage } from './slack-limits.js';

/** An ephemeral slash-command answer, as it goes into the ack. */
export type EphemeralAck = Readonly<SlackMessage & { response_type: 'ephemeral' }>;

interface Serialized {
  readonly bytes: Buffer;
  readonly headers: Readonly<Record<string, string | number>>;
}

// The JSON bytes of ack bodies serialised once, by the body object (weakly: they go with it).
const serialized = new WeakMap<object, Serialized>();

/**
 * The UTF-8 JSON of an ack body built by {@link EphemeralAckCache}, with its response headers, or
 * undefined for any other body. delmal's HTTP receiver writes these bytes as they are; every other
 * transport (Socket Mode spreads the body into its envelope) sees the plain object they encode.
 */
export function serializedAck(body: unknown): Serialized | undefined {
  return typeof body === 'object' && body !== null ? serialized.get(body) : undefined;
}

/**
 * The ephemeral ack of a slash command, built and serialised once per rendered message and share
 * button. A cached reply is rendered once per catalog snapshot, check-in state and locale
 * (reply-cache.ts, slack-context.ts), so its rendering is the same object until the catalog or a
 * check-in changes; the ack is keyed by that object (weakly) and the share button's command and
 * label. A reply that is not cached is a new object each time and is serialised once, as before.
 * The ack is frozen: its bytes must stay what it says.
 */
export class EphemeralAckCache {
  private readonly byMessage = new WeakMap<SlackMessage, Map<string, EphemeralAck>>();

  constructor(private readonly maxPerMessage = 100) {}

  get(
    message: SlackMessage,
    share: string | undefined,
    label: string,
    build: () => SlackMessage,
  ): EphemeralAck {
    const key = share === undefined ? '' : `${label}\u0000${share}`;
    let acks = this.byMessage.get(message);
    if (!acks) {
      acks = new Map();
      this.byMessage.set(message, acks);
    }
    let ack = acks.get(key);
    if (!ack) {
      ack = Object.freeze({ response_type: 'ephemeral' as const, ...build() });
      const bytes = Buffer.from(JSON.stringify(ack), 'utf8');
      serialized.set(ack, {
        bytes,
        headers: { 'content-type': 'application/json', 'content-length': bytes.length },
      });
      // Oldest first out: one message is rarely shared under many commands, but nothing grows unbounded.
      if (acks.size >= this.maxPerMessage) acks.delete(acks.keys().next().value as string);
      acks.set(key, ack);
    }
    return ack;
  }
}
