import type { DeliveryResult } from '../../src/chat/chat-port.js';
import { networkResult, retryAfterMs } from '../../src/delivery/send-outcome.js';

interface HttpFailure {
  response?: {
    status?: number;
    headers?: Record<string, unknown>;
    data?: { error?: { code?: string; message?: string } };
  };
}

/**
 * What a connector failure means for delivery. 429 pauses the bucket; 412, 502, 504 and other 5xx
 * pass; 403 is for good — `MessageWritesBlocked` when the person blocked delmal, otherwise the bot
 * is not in their roster (the app is not installed for them); 404: the conversation is gone.
 */
export function teamsDeliveryResult(error: unknown, bucket?: string): DeliveryResult {
  const failure = error as HttpFailure;
  const status = failure.response?.status;
  if (status === undefined) return networkResult(error);
  const code = failure.response?.data?.error?.code;
  const label = [`http_${status}`, code].filter(Boolean).join(' ');
  if (status === 429)
    return {
      ok: false,
      kind: 'rate_limited',
      retryAfterMs: retryAfterMs(failure.response?.headers?.['retry-after']),
      ...(bucket ? { bucket } : {}),
    };
  if (status === 412 || status >= 500) return { ok: false, kind: 'transient', error: label };
  if (status === 403)
    return {
      ok: false,
      kind: 'unreachable',
      reason: code === 'MessageWritesBlocked' ? 'blocked' : 'not_installed',
      error: label,
    };
  if (status === 404) return { ok: false, kind: 'unreachable', reason: 'not_found', error: label };
  return { ok: false, kind: 'unreachable', reason: 'rejected', error: label };
}
