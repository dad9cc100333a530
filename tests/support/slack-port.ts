import { LogLevel, WebClient } from '@slack/web-api';
import { SlackPort } from '../../adapters/slack/slack-port.js';
import type { Db } from '../../db/connection.js';
import type { ChatPort } from '../../src/chat/chat-port.js';
import type { Platform } from '../../src/chat/inbound.js';
import type { Clock } from '../../src/clock.js';
import { PortDeliverer } from '../../src/delivery/port-deliverer.js';

/**
 * The real Slack port on `db`, talking to a fake Web API at `slack.apiUrl` with no retries of its
 * own (rate limits come back to the caller), and a Swedish deliverer over it.
 */
export function slackPortDeliverer(
  slack: { apiUrl: string },
  db: Db,
  clock: Clock,
): { port: SlackPort; deliverer: PortDeliverer } {
  const client = new WebClient('xoxb-test', {
    slackApiUrl: slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  const port = new SlackPort({ client, db, clock });
  const deliverer = new PortDeliverer(new Map<Platform, ChatPort>([['slack', port]]), { db, locale: 'sv' });
  return { port, deliverer };
}
