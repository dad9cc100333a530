import type { Kysely } from 'kysely';
import { findChatIdentity } from './chat-identities.repository.js';
import type { Database } from './database.js';

/** Rows per query: far below both dialects' parameter limits. */
const CHUNK = 500;

/** A DM delmal has stored for a person on one platform. */
export interface KnownDm {
  readonly platform: string;
  /** Slack team id, Teams tenant id. */
  readonly workspaceId: string;
  readonly conversationId: string;
}

/**
 * The stored DMs of `emails` (Slack identities with their DM channel, Teams personal
 * conversations), the most recently seen first: where a round can post without looking anyone up.
 */
export async function knownDms(
  db: Kysely<Database>,
  emails: readonly string[],
): Promise<Map<string, KnownDm[]>> {
  const map = new Map<string, (KnownDm & { at: string })[]>();
  const add = (email: string | null, dm: KnownDm & { at: string }) => {
    if (email) map.set(email, [...(map.get(email) ?? []), dm]);
  };
  for (let i = 0; i < emails.length; i += CHUNK) {
    const chunk = emails.slice(i, i + CHUNK);
    const direct = await db
      .selectFrom('chat_identities')
      .select(['email', 'platform', 'tenant_id', 'conversation_id', 'updated_at'])
      .where('email', 'in', chunk)
      .where('conversation_id', 'is not', null)
      .execute();
    for (const r of direct)
      add(r.email, {
        platform: r.platform,
        workspaceId: r.tenant_id,
        conversationId: r.conversation_id ?? '',
        at: r.updated_at,
      });
    // Two indexed look-ups rather than a join: teams_conversations has no index on the user.
    const identities = await db
      .selectFrom('chat_identities')
      .select(['email', 'tenant_id', 'user_id'])
      .where('email', 'in', chunk)
      .where('platform', '=', 'teams')
      .execute();
    const byUser = new Map(identities.map((r) => [r.user_id, r]));
    const personal = byUser.size
      ? await db
          .selectFrom('teams_conversations')
          .select(['conversation_id', 'user_aad_object_id', 'updated_at'])
          .where('user_aad_object_id', 'in', [...byUser.keys()])
          .where('conversation_type', '=', 'personal')
          .execute()
      : [];
    for (const r of personal) {
      const who = byUser.get(r.user_aad_object_id ?? '');
      if (who)
        add(who.email, {
          platform: 'teams',
          workspaceId: who.tenant_id,
          conversationId: r.conversation_id,
          at: r.updated_at,
        });
    }
  }
  return new Map(
    [...map].map(([email, list]) => [
      email,
      list.sort((a, b) => b.at.localeCompare(a.at)).map(({ at: _, ...dm }) => dm),
    ]),
  );
}

/**
 * Of `emails`, those that already have a DM delmal can write to without asking the platform: a
 * Slack identity with its DM conversation stored, or a Teams identity with a personal
 * conversation. What the identity warm-up skips.
 */
export async function emailsWithKnownDm(
  db: Kysely<Database>,
  emails: readonly string[],
): Promise<Set<string>> {
  return new Set((await knownDms(db, emails)).keys());
}

/**
 * Whose stored DM `dm` is: the e-mail of the Slack identity with that DM channel, or of the Teams
 * identity of that personal conversation; undefined when it is no one's (or a channel). Only read
 * after a send to the DM failed for good, to offer the person their fallback (e-mail).
 */
export async function emailOfKnownDm(db: Kysely<Database>, dm: KnownDm): Promise<string | undefined> {
  const direct = await db
    .selectFrom('chat_identities')
    .select('email')
    .where('platform', '=', dm.platform)
    .where('tenant_id', '=', dm.workspaceId)
    .where('conversation_id', '=', dm.conversationId)
    .where('email', 'is not', null)
    .executeTakeFirst();
  if (direct?.email) return direct.email;
  if (dm.platform !== 'teams') return undefined;
  const personal = await db
    .selectFrom('teams_conversations')
    .select('user_aad_object_id')
    .where('conversation_id', '=', dm.conversationId)
    .where('conversation_type', '=', 'personal')
    .executeTakeFirst();
  if (!personal?.user_aad_object_id) return undefined;
  const who = await findChatIdentity(db, 'teams', dm.workspaceId, personal.user_aad_object_id);
  return who?.email ?? undefined;
}
