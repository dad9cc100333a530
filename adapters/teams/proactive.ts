import type { App } from '@microsoft/teams.apps';
import { findChatIdentityByEmail } from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import {
  personalTeamsConversation,
  saveTeamsConversation,
  tenantServiceUrl,
} from '../../db/teams-conversations.repository.js';
import type { Clock } from '../../src/clock.js';
import type { Outbox, SendOutcome } from '../../src/delivery/outbox.js';
import type { ServiceUrlPolicy } from './service-urls.js';
import { teamsOutcome } from './teams-senders.js';

/** Outbox kind: a message delmal starts itself, to one person, opening a 1:1 chat when needed. */
export const TEAMS_PROACTIVE = 'teams.proactive';

export interface ProactivePayload {
  /** Who it is for, for the record of failed deliveries. */
  readonly recipient: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly userAadObjectId: string;
  readonly activity: Record<string, unknown>;
}

export type ProactiveResult = 'queued' | 'unreachable';

/**
 * Queues a message to a person in Teams — a check-in prompt, a digest — found by the e-mail the
 * catalog lists: their stored identity gives their AAD object id and tenant, a stored conversation
 * of that tenant gives its service URL. 'unreachable' when delmal has never seen them in Teams
 * (the app must be installed for them, or they must have written to it, first).
 */
export async function queueTeamsMessage(
  deps: { readonly db: Db; readonly outbox: Outbox },
  email: string,
  activity: Record<string, unknown>,
  dedupeKey?: string,
): Promise<ProactiveResult> {
  const identity = await findChatIdentityByEmail(deps.db.kysely, 'teams', email);
  if (!identity) return 'unreachable';
  const serviceUrl = await tenantServiceUrl(deps.db.kysely, identity.tenant_id);
  if (!serviceUrl) return 'unreachable';
  const payload: ProactivePayload = {
    recipient: email.toLowerCase(),
    serviceUrl,
    tenantId: identity.tenant_id,
    userAadObjectId: identity.user_id,
    activity,
  };
  await deps.outbox.send({
    platform: 'teams',
    kind: TEAMS_PROACTIVE,
    payload,
    ...(dedupeKey ? { dedupeKey } : {}),
  });
  return 'queued';
}

/**
 * Delivers proactive messages: into the person's existing 1:1 chat with delmal, or a new one
 * created at their tenant's service URL (and remembered). 403 — not installed for them, or they
 * blocked the app — is permanent and recorded with who it was for.
 */
export function registerProactiveSender(
  outbox: Outbox,
  app: App,
  deps: { readonly db: Db; readonly clock: Clock; readonly serviceUrls: ServiceUrlPolicy },
): void {
  outbox.register(TEAMS_PROACTIVE, async (raw): Promise<SendOutcome> => {
    const payload = raw as ProactivePayload;
    if (!deps.serviceUrls(payload.serviceUrl))
      return { ok: false, retry: false, error: `${payload.recipient}: service_url_not_allowed` };
    const api = app.api.fromServiceUrl({ serviceUrl: payload.serviceUrl });
    try {
      const known = await personalTeamsConversation(deps.db.kysely, payload.userAadObjectId);
      let conversationId = known?.conversation_id;
      if (!conversationId) {
        const created = await api.conversations.create({
          members: [{ id: payload.userAadObjectId, role: 'user', name: payload.recipient }],
          tenantId: payload.tenantId,
          isGroup: false,
        });
        conversationId = created.id;
        await saveTeamsConversation(
          deps.db.kysely,
          {
            conversationId,
            serviceUrl: payload.serviceUrl,
            tenantId: payload.tenantId,
            conversationType: 'personal',
            userAadObjectId: payload.userAadObjectId,
            teamId: undefined,
          },
          deps.clock.now().toISOString(),
        );
      }
      await api.conversations.activities(conversationId).create(payload.activity as never);
      return { ok: true };
    } catch (error) {
      const outcome = teamsOutcome(error);
      return outcome.ok ? outcome : { ...outcome, error: `${payload.recipient}: ${outcome.error}` };
    }
  });
}
