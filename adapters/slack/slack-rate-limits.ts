import type { RateBucket } from '../../src/chat/chat-port.js';

/** How fast delmal may write to Slack; one place, so an operator can tune it to their workspace. */
export interface SlackRateLimits {
  /** Slack documents about one message per second per channel (short bursts tolerated). */
  readonly perChannel: { readonly limit: number; readonly perMs: number };
  /** chat.postMessage across the workspace: Slack publishes no number; a conservative default. */
  readonly postMessage: { readonly limit: number; readonly perMs: number };
  /** chat.update is Tier 3: about 50 a minute. */
  readonly update: { readonly limit: number; readonly perMs: number };
  /** views.publish (App Home) is Tier 4: about 100 a minute. */
  readonly publish: { readonly limit: number; readonly perMs: number };
}

export const SLACK_RATE_LIMITS: SlackRateLimits = {
  perChannel: { limit: 1, perMs: 1000 },
  postMessage: { limit: 50, perMs: 1000 },
  update: { limit: 50, perMs: 60_000 },
  publish: { limit: 100, perMs: 60_000 },
};

/** The buckets one write to `channel` in workspace `teamId` draws on. */
export function slackBuckets(
  limits: SlackRateLimits,
  teamId: string,
  channel: string | undefined,
  method: 'chat.postMessage' | 'chat.update' | 'views.publish',
): RateBucket[] {
  const perMethod = {
    'chat.postMessage': limits.postMessage,
    'chat.update': limits.update,
    'views.publish': limits.publish,
  }[method];
  const workspace = { key: `slack:${teamId}:method:${method}`, ...perMethod };
  return channel
    ? [{ key: `slack:${teamId}:channel:${channel}`, ...limits.perChannel }, workspace]
    : [workspace];
}
