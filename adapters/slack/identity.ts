import type { WebClient } from '@slack/web-api';
import { findChatIdentity, saveChatIdentity } from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';

/** How long a looked-up e-mail is trusted before Slack is asked again (people change addresses rarely). */
const FRESH_MS = 24 * 60 * 60 * 1000;

/**
 * The e-mail of a Slack user (team + user id), from our cache or `users.info` (scope
 * `users:read.email`). Undefined when Slack will not say: the person can still ask questions.
 */
export async function slackUserEmail(
  deps: { db: Db; client: WebClient; clock: Clock; logger: Logger; memo?: IdentityMemo },
  teamId: string,
  userId: string,
): Promise<string | undefined> {
  const now = deps.clock.now();
  const remembered = deps.memo?.get(`${teamId}:${userId}`);
  if (remembered && remembered.until > now.getTime()) return remembered.email;
  const email = await lookUp(deps, teamId, userId, now);
  deps.memo?.set(`${teamId}:${userId}`, { email, until: now.getTime() + MEMO_MS });
  if (deps.memo && deps.memo.size > MEMO_ENTRIES) deps.memo.delete(deps.memo.keys().next().value as string);
  return email;
}

/** Recent answers kept in memory, so a busy channel does not read the database for each message. */
export type IdentityMemo = Map<string, { email: string | undefined; until: number }>;
const MEMO_MS = 5 * 60 * 1000;
const MEMO_ENTRIES = 10_000;

async function lookUp(
  deps: { db: Db; client: WebClient; clock: Clock; logger: Logger },
  teamId: string,
  userId: string,
  now: Date,
): Promise<string | undefined> {
  const known = await findChatIdentity(deps.db.kysely, 'slack', teamId, userId);
  if (known && now.getTime() - Date.parse(known.updated_at) < FRESH_MS) return known.email ?? undefined;
  try {
    const info = await deps.client.users.info({ user: userId });
    const email = info.user?.profile?.email;
    await saveChatIdentity(
      deps.db.kysely,
      {
        platform: 'slack',
        tenantId: teamId,
        userId,
        email,
        displayName: info.user?.real_name ?? info.user?.name,
      },
      now.toISOString(),
    );
    return email?.toLowerCase();
  } catch (error) {
    deps.logger.warn({ err: error, userId }, 'users.info failed; answering without identity');
    // Remember that Slack would not say (user_not_found, missing scope …) so the next message does
    // not ask again; a transient failure is retried after the cache period too.
    if (!known)
      await saveChatIdentity(
        deps.db.kysely,
        { platform: 'slack', tenantId: teamId, userId, email: undefined, displayName: undefined },
        now.toISOString(),
      );
    return known?.email ?? undefined;
  }
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
  const known = await deps.db.kysely
    .selectFrom('chat_identities')
    .select('user_id')
    .where('platform', '=', 'slack')
    .where('tenant_id', '=', teamId)
    .where('email', '=', address)
    .executeTakeFirst();
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
