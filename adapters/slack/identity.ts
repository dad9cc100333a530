import type { WebClient } from '@slack/web-api';
import { findChatIdentityByEmail, saveChatIdentity } from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../src/clock.js';
import { type IdentityDeps, identityEmail } from '../../src/identity/identity-cache.js';
import type { Logger } from '../../src/logger.js';

export type { IdentityMemo } from '../../src/identity/identity-cache.js';

/**
 * The e-mail of a Slack user (team + user id): `users.info` (scope `users:read.email`) behind the
 * identity cache. Undefined when Slack will not say: the person can still ask questions.
 */
export function slackUserEmail(
  deps: IdentityDeps & { client: WebClient },
  teamId: string,
  userId: string,
): Promise<string | undefined> {
  return identityEmail(deps, { platform: 'slack', tenantId: teamId, userId }, async () => {
    const info = await deps.client.users.info({ user: userId });
    return { email: info.user?.profile?.email, displayName: info.user?.real_name ?? info.user?.name };
  });
}

/**
 * The Slack user id of a catalog person, by the e-mail the catalog lists (`users.lookupByEmail`,
 * scope `users:read.email`), remembered in chat identities. Used when delmal must write to an owner
 * first (check-in prompts). Undefined when the workspace has no such user.
 */
export async function slackUserIdForEmail(
  deps: { db: Db; client: WebClient; clock: Clock; logger: Logger },
  teamId: string,
  email: string,
): Promise<string | undefined> {
  const address = email.toLowerCase();
  const known = await findChatIdentityByEmail(deps.db.kysely, 'slack', address, teamId);
  if (known) return known.user_id;
  try {
    const found = await deps.client.users.lookupByEmail({ email: address });
    const userId = found.user?.id;
    if (!userId) return undefined;
    await saveChatIdentity(
      deps.db.kysely,
      {
        platform: 'slack',
        tenantId: teamId,
        userId,
        email: address,
        displayName: found.user?.real_name ?? found.user?.name,
      },
      deps.clock.now().toISOString(),
    );
    return userId;
  } catch (error) {
    deps.logger.info({ err: error }, 'users.lookupByEmail found no Slack user');
    return undefined;
  }
}
