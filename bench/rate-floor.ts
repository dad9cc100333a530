/** A token bucket's rate: `limit` per `perMs`, a burst of `limit`. */
interface Rate {
  readonly limit: number;
  readonly perMs: number;
}

/**
 * The shortest time Slack's limits allow for `total` messages with at most `perChannel` to any one
 * channel: after the tier's burst, the chat.postMessage tier's rate; never faster than one channel's
 * own limit for its messages. The fake Slack enforces exactly these token buckets.
 */
export function floorMs(total: number, perChannel: number, limits: { perChannel: Rate; tier: Rate }): number {
  const tier = (Math.max(0, total - limits.tier.limit) * limits.tier.perMs) / limits.tier.limit;
  const channel = ((perChannel - 1) * limits.perChannel.perMs) / limits.perChannel.limit;
  return Math.max(tier, channel);
}
