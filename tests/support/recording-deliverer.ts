import type { DeliveryResult, RateBucket } from '../../src/chat/chat-port.js';
import type { Address, SentMessageRef } from '../../src/chat/inbound.js';
import type { Deliverer, OutboxItem } from '../../src/delivery/deliveries.js';

/**
 * The far edge of delivery in outbox tests: a pretend platform that several deliverers (one per
 * worker) can share. It remembers which outbox ids arrived, so `findSent` can answer like Slack's
 * conversation history would.
 */
export class FakePlatform {
  readonly arrived = new Map<string, SentMessageRef>();
  /** Every arrival in order (an id twice = a duplicate message a person would see). */
  readonly arrivals: string[] = [];

  arrive(item: OutboxItem): SentMessageRef {
    const to = item.to;
    const conversationId =
      to.kind === 'person' ? to.email : to.kind === 'home' ? to.userId : to.conversationId;
    const ref: SentMessageRef = {
      platform: 'local',
      workspaceId: 'w',
      conversationId,
      messageId: `m${this.arrivals.length + 1}`,
    };
    this.arrivals.push(item.id);
    this.arrived.set(item.id, ref);
    return ref;
  }
}

type Script = (
  item: OutboxItem,
  call: number,
) => DeliveryResult | 'arrive' | Promise<DeliveryResult | 'arrive'>;

/**
 * A `Deliverer` for tests: by default every item arrives; `script` decides otherwise per call
 * (return `'arrive'` to deliver, or any failed result). Waiting is event-driven (`waitForCalls`).
 */
export class RecordingDeliverer implements Deliverer {
  readonly calls: OutboxItem[] = [];
  readonly findSentCalls: string[] = [];
  script: Script = () => 'arrive';
  bucketsFor: (to: Address) => readonly RateBucket[] = () => [];
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(readonly platform: FakePlatform = new FakePlatform()) {}

  buckets(to: Address): readonly RateBucket[] {
    return this.bucketsFor(to);
  }

  async deliver(item: OutboxItem): Promise<DeliveryResult> {
    this.calls.push(item);
    const call = this.calls.length;
    for (const w of this.waiters) if (w.count <= call) w.resolve();
    this.waiters = this.waiters.filter((w) => w.count > call);
    const outcome = await this.script(item, call);
    if (outcome !== 'arrive') return outcome;
    return { ok: true, sent: this.platform.arrive(item) };
  }

  async findSent(item: OutboxItem): Promise<SentMessageRef | null> {
    this.findSentCalls.push(item.id);
    return this.platform.arrived.get(item.id) ?? null;
  }

  /** Resolves once `count` deliver calls have been made. */
  waitForCalls(count: number): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

/** A promise with its resolver, for holding a send open. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
