import { WebClient } from '@slack/web-api';
import type { DeliveryResult, RateBucket } from '../src/chat/chat-port.js';
import type { Address } from '../src/chat/inbound.js';
import type { Deliverer, OutboxItem } from '../src/delivery/deliveries.js';
import { renderMessage } from '../src/delivery/message-types.js';

/** The limits the deliverer declares to the outbox, as documented (and as the fake enforces them). */
export interface SlackLimits {
  readonly perChannel: { readonly limit: number; readonly perMs: number };
  readonly tier: { readonly limit: number; readonly perMs: number };
}

/**
 * Bench-only: delivers outbox items to Slack's `chat.postMessage` with the real `@slack/web-api`
 * client, carrying the outbox id in the message `metadata`, and reports 429s to the outbox instead
 * of retrying them itself. Until the Slack ChatPort is on main this stands in for it; it renders
 * only the summary line (the bench measures delivery, not Block Kit).
 */
export class BenchSlackDeliverer implements Deliverer {
  private readonly client: WebClient;

  constructor(
    apiUrl: string,
    private readonly limits: SlackLimits,
  ) {
    this.client = new WebClient('xoxb-bench', {
      slackApiUrl: apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 10_000,
    });
  }

  buckets(to: Address): readonly RateBucket[] {
    const channel = to.kind === 'conversation' ? to.conversationId : to.kind === 'person' ? to.email : '?';
    return [
      { key: `slack:T1:channel:${channel}`, ...this.limits.perChannel },
      { key: 'slack:T1:method:chat.postMessage', ...this.limits.tier },
    ];
  }

  async deliver(item: OutboxItem): Promise<DeliveryResult> {
    if (item.to.kind !== 'conversation')
      return {
        ok: false,
        kind: 'unreachable',
        reason: 'not_found',
        error: 'bench sends to conversations only',
      };
    const reply = renderMessage(item.message, item.locale ?? 'sv');
    try {
      const answer = await this.client.chat.postMessage({
        channel: item.to.conversationId,
        text: reply.summary,
        metadata: { event_type: 'delmal_outbox', event_payload: { outbox_id: item.id } },
      });
      return {
        ok: true,
        sent: {
          platform: 'slack',
          workspaceId: item.to.workspaceId,
          conversationId: item.to.conversationId,
          messageId: String(answer.ts),
        },
      };
    } catch (error) {
      const e = error as { code?: string; retryAfter?: number; message?: string };
      if (e.code === 'slack_webapi_rate_limited_error')
        return { ok: false, kind: 'rate_limited', retryAfterMs: (e.retryAfter ?? 1) * 1000 };
      return { ok: false, kind: 'transient', error: e.message ?? String(error) };
    }
  }
}
