import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import type { DeliveryResult, UnreachableReason } from '../../src/chat/chat-port.js';
import { networkResult, retryAfterMs } from '../../src/delivery/send-outcome.js';

/** Slack errors that say the address will never work, and why (shown to admins, never retried). */
const UNREACHABLE: Readonly<Record<string, UnreachableReason>> = {
  channel_not_found: 'not_found',
  message_not_found: 'not_found',
  is_archived: 'channel_archived',
  not_in_channel: 'not_installed',
  account_inactive: 'not_in_workspace',
  user_not_found: 'not_in_workspace',
  users_not_found: 'not_in_workspace',
  user_disabled: 'not_in_workspace',
  cannot_dm_bot: 'rejected',
  restricted_action: 'rejected',
  msg_too_long: 'rejected',
  msg_blocks_too_long: 'rejected',
  invalid_blocks: 'rejected',
  cant_update_message: 'rejected',
  edit_window_closed: 'rejected',
};

/**
 * What a Web API failure means for delivery: 429 pauses the bucket (not an attempt), the errors
 * above are permanent with their reason, 5xx and refused connections are retried, and a timeout or
 * reset after the request went out is `unknown` (the worker looks for the message before resending).
 */
export function slackDeliveryResult(error: unknown, bucket?: string): DeliveryResult {
  const e = error as WebAPICallError;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return {
        ok: false,
        kind: 'rate_limited',
        retryAfterMs: e.retryAfter * 1000,
        ...(bucket ? { bucket } : {}),
      };
    case ErrorCode.HTTPError:
      if (e.statusCode === 429)
        return {
          ok: false,
          kind: 'rate_limited',
          retryAfterMs: retryAfterMs(e.headers?.['retry-after']),
          ...(bucket ? { bucket } : {}),
        };
      if (e.statusCode >= 500) return { ok: false, kind: 'transient', error: `http_${e.statusCode}` };
      if (e.statusCode === 408) return { ok: false, kind: 'unknown', error: 'http_408' };
      return { ok: false, kind: 'unreachable', reason: 'rejected', error: `http_${e.statusCode}` };
    case ErrorCode.PlatformError: {
      const code = String(e.data.error);
      if (code === 'ratelimited') return { ok: false, kind: 'rate_limited', retryAfterMs: 1000 };
      const reason = UNREACHABLE[code];
      if (reason) return { ok: false, kind: 'unreachable', reason, error: code };
      // Slack's own trouble (internal_error, service_unavailable …) passes; token trouble
      // (invalid_auth …) is fixed by an operator, not by giving up on the message.
      return { ok: false, kind: 'transient', error: code };
    }
    case ErrorCode.RequestError:
      return networkResult(e.original);
    default:
      return networkResult(error);
  }
}
