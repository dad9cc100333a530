import type { Kysely } from 'kysely';
import type { ChatIdentityRow, Database } from './database.js';

export interface ChatIdentity {
  readonly platform: 'slack' | 'teams';
  /** Slack team id, Teams tenant id. */
  readonly tenantId: string;
  readonly userId: string;
  readonly email: string | undefined;
  readonly displayName: string | undefined;
}

export async function findChatIdentity(
  db: Kysely<Database>,
  platform: ChatIdentity['platform'],
  tenantId: string,
  userId: string,
): Promise<ChatIdentityRow | undefined> {
  return db
    .selectFrom('chat_identities')
    .selectAll()
    .where('platform', '=', platform)
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Stores what a platform told us about a user and links it to the person with the same e-mail,
 * when there is one. Later messages find the person without asking the platform again.
 */
export async function saveChatIdentity(
  db: Kysely<Database>,
  identity: ChatIdentity,
  now: string,
): Promise<void> {
  const email = identity.email?.toLowerCase() ?? null;
  const person = email
    ? await db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst()
    : undefined;
  const row = {
    platform: identity.platform,
    tenant_id: identity.tenantId,
    user_id: identity.userId,
    person_id: person?.id ?? null,
    email,
    display_name: identity.displayName ?? null,
    updated_at: now,
  };
  await db
    .insertInto('chat_identities')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['platform', 'tenant_id', 'user_id']).doUpdateSet({
        person_id: row.person_id,
        email: row.email,
        display_name: row.display_name,
        updated_at: now,
      }),
    )
    .execute();
}
