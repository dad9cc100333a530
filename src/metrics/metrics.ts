import type { DeliveryResult } from '../chat/chat-port.js';
import type { TickSummary } from '../checkins/round-engine.js';
import type { Deliverer } from '../delivery/deliveries.js';
import type { DigestRun } from '../digest/run-due-digests.js';

/** What one delivery attempt came to, as metrics count it (429s are `rate_limited`). */
type DeliveryOutcome = 'sent' | 'rate_limited' | 'transient' | 'unknown' | 'failed';

/** What this process counts for `GET /metrics`. Off by default: see `DELMAL_METRICS_TOKEN`. */
export interface Metrics {
  delivery(platform: string, outcome: DeliveryOutcome): void;
  checkInTick(summary: TickSummary): void;
  digestRun(run: DigestRun): void;
  /** The Prometheus text exposition of everything counted, plus the database's gauges. */
  render(): Promise<{ readonly contentType: string; readonly body: string }>;
}

/** The outcome of one attempt. */
function outcomeOf(result: DeliveryResult): DeliveryOutcome {
  if (result.ok) return 'sent';
  return result.kind === 'unreachable' ? 'failed' : result.kind;
}

/** `deliverer`, with every attempt's outcome counted per platform. */
export function countedDeliverer(deliverer: Deliverer, metrics: Metrics): Deliverer {
  return {
    buckets: (to) => deliverer.buckets(to),
    deliver: async (item, signal) => {
      const result = await deliverer.deliver(item, signal);
      metrics.delivery(item.replaces?.platform ?? item.to.platform ?? 'person', outcomeOf(result));
      return result;
    },
    ...(deliverer.findSent ? { findSent: deliverer.findSent.bind(deliverer) } : {}),
  };
}
