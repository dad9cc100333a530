import type { SlackMessage } from './slack-limits.js';

/**
 * An ack body serialised once: `bytes` are the UTF-8 JSON of `value`. delmal's HTTP receiver
 * writes the bytes as they are (with their precomputed length); anything else that serialises the
 * body — Bolt's Socket Mode receiver, `JSON.stringify` anywhere — gets `value` through `toJSON`,
 * so the same ack means the same JSON on every transport.
 */
export class SerializedAck {
  readonly bytes: Buffer;
  readonly headers: Readonly<Record<string, string | number>>;

  constructor(readonly value: unknown) {
    this.bytes = Buffer.from(JSON.stringify(value), 'utf8');
    this.headers = { 'content-type': 'application/json', 'content-length': this.bytes.length };
  }

  toJSON(): unknown {
    return this.value;
  }
}

/**
 * The ephemeral ack of a slash command, serialised once per rendered message and share button.
 * A cached reply is rendered once per catalog snapshot, check-in state and locale (reply-cache.ts,
 * slack-context.ts), so its rendering is the same object until the catalog or a check-in changes;
 * the bytes are keyed by that object (weakly: they go with it) and the share button's command and
 * label. A reply that is not cached is a new object each time and is serialised once, as before.
 */
export class EphemeralAckCache {
  private readonly byMessage = new WeakMap<SlackMessage, Map<string, SerializedAck>>();

  constructor(private readonly maxPerMessage = 100) {}

  get(
    message: SlackMessage,
    share: string | undefined,
    label: string,
    build: () => SlackMessage,
  ): SerializedAck {
    const key = share === undefined ? '' : `${label}\u0000${share}`;
    let acks = this.byMessage.get(message);
    if (!acks) {
      acks = new Map();
      this.byMessage.set(message, acks);
    }
    let ack = acks.get(key);
    if (!ack) {
      ack = new SerializedAck({ response_type: 'ephemeral', ...build() });
      // Oldest first out: one message is rarely shared under many commands, but nothing grows unbounded.
      if (acks.size >= this.maxPerMessage) acks.delete(acks.keys().next().value as string);
      acks.set(key, ack);
    }
    return ack;
  }
}
