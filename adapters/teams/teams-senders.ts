import type { App } from '@microsoft/teams.apps';
import type { Outbox, SendOutcome } from '../../src/delivery/outbox.js';
import type { ServiceUrlPolicy } from './service-urls.js';

/** Outbox kind: one activity to one Teams conversation, at that tenant's service URL. */
export const TEAMS_ACTIVITY = 'teams.activity';

export interface TeamsActivityPayload {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly activity: Record<string, unknown>;
}

interface HttpFailure {
  response?: {
    status?: number;
    headers?: Record<string, unknown>;
    data?: { error?: { code?: string; message?: string } };
  };
  message?: string;
}

/**
 * What a connector failure means for delivery. 403 is permanent: the bot is not in the roster (the
 * app is not installed for that user) or the user blocked it (`MessageWritesBlocked`). 429, 412,
 * 502, 504 and other 5xx are retried — after Retry-After when the connector sends one.
 */
export function teamsOutcome(error: unknown): SendOutcome {
  const failure = error as HttpFailure;
  const status = failure.response?.status;
  const code = failure.response?.data?.error?.code;
  const label =
    [status ? `http_${status}` : undefined, code].filter(Boolean).join(' ') ||
    (failure.message ?? 'request_failed');
  if (status === undefined) return { ok: false, retry: true, error: label };
  if (status === 429 || status === 412 || status >= 500) {
    const seconds = Number(failure.response?.headers?.['retry-after']);
    return {
      ok: false,
      retry: true,
      error: label,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
    };
  }
  return { ok: false, retry: false, error: label };
}

/** Registers the Teams sender: activities go to the conversation's own service URL. */
export function registerTeamsSenders(outbox: Outbox, app: App, serviceUrls: ServiceUrlPolicy): void {
  outbox.register(TEAMS_ACTIVITY, async (payload) => {
    const { serviceUrl, conversationId, activity } = payload as TeamsActivityPayload;
    // Checked again at the last step: nothing queued may reach a host outside the allow-list.
    if (!serviceUrls(serviceUrl)) return { ok: false, retry: false, error: 'service_url_not_allowed' };
    try {
      await app.api
        .fromServiceUrl({ serviceUrl })
        .conversations.activities(conversationId)
        .create(activity as never);
      return { ok: true };
    } catch (error) {
      return teamsOutcome(error);
    }
  });
}
