import { WebClient } from '@slack/web-api';
import { SlackPort } from '../adapters/slack/slack-port.js';
import { SLACK_RATE_LIMITS } from '../adapters/slack/slack-rate-limits.js';
import type { Db } from '../db/connection.js';
import type { ChatPort } from '../src/chat/chat-port.js';
import type { Platform } from '../src/chat/inbound.js';
import { systemClock } from '../src/clock.js';
import { PortDeliverer } from '../src/delivery/port-deliverer.js';

/** The limits the port declares to the outbox, as documented (and as the fake enforces them). */
export interface SlackLimits {
  readonly perChannel: { readonly limit: number; readonly perMs: number };
  readonly tier: { readonly limit: number; readonly perMs: number };
}

/**
 * What delmal itself delivers through: the real `PortDeliverer` over the real `SlackPort` (Block
 * Kit rendered at send time, the outbox id in `metadata`, 429s reported to the outbox), with a
 * Web API client set up as `createSlackAdapter` sets it up, pointed at the fake Slack.
 */
export function slackPortDeliverer(db: Db, apiUrl: string, limits: SlackLimits): PortDeliverer {
  const client = new WebClient('xoxb-bench', {
    slackApiUrl: apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
  const port = new SlackPort({
    client,
    db,
    clock: systemClock,
    limits: { ...SLACK_RATE_LIMITS, perChannel: limits.perChannel, postMessage: limits.tier },
  });
  return new PortDeliverer(new Map<Platform, ChatPort>([['slack', port]]), { db, locale: 'sv' });
}
