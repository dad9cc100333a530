import type { RateBucket } from '../../src/chat/chat-port.js';

/** How fast delmal may write to Slack; one place, so an operator can tune it to their workspace. */
export interface SlackRateLimits {
  /** Slack documents about one message per second per channel (short bursts tolerated). */
  readonly perChannel: { readonly limit: number; readonly perMs: number };
  /** chat.postMessage across the workspace: Slack publishes no number; a conservative default. */
  readonly postMessage: { readonly limit: number; readonly perMs: number };
  /** chat.update is Tier 3: about 50 a minute. */
  readonly update: { readonly limit: number; readonly perMs: number };
}

export const SLACK_RATE_LIMITS: SlackRateLimits = {
  perChannel: { limit: 1, perMs: 1000 },
  postMessage: { limit: 50, perMs: 1000 },
  update: { limit: 50, perMs: 60_000 },
};

/** The buckets one write to `channel` in workspace `teamId` draws on. */
export function slackBuckets(
  limits: SlackRateLimits,
  teamId: string,
  channel: string | undefined,
  method: 'chat.postMessage' | 'chat.update',
): RateBucket[] {
  const workspace =
    method === 'chat.update'
      ? { key: `slack:${teamId}:method:chat.update`, ...limits.update }
      : { key: `slack:${teamId}:method:chat.postMessage`, ...limits.postMessage };
  return channel
    ? [{ key: `slack:${teamId}:channel:${channel}`, ...limits.perChannel }, workspace]
    : [workspace];
}
