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

/**
 * A person's identity on one platform, by the e-mail the catalog lists (lower-cased), in one
 * workspace when given; the most recently refreshed first.
 */
export async function findChatIdentityByEmail(
  db: Kysely<Database>,
  platform: ChatIdentity['platform'],
  email: string,
  tenantId?: string,
): Promise<ChatIdentityRow | undefined> {
  let query = db
    .selectFrom('chat_identities')
    .selectAll()
    .where('platform', '=', platform)
    .where('email', '=', email.toLowerCase());
  if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
  return query.orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
}

/** Remembers the user's DM conversation with delmal (opened once, reused for every later message). */
export async function saveChatConversation(
  db: Kysely<Database>,
  who: { readonly platform: ChatIdentity['platform']; readonly tenantId: string; readonly userId: string },
  conversationId: string,
): Promise<void> {
  await db
    .updateTable('chat_identities')
    .set({ conversation_id: conversationId })
    .where('platform', '=', who.platform)
    .where('tenant_id', '=', who.tenantId)
    .where('user_id', '=', who.userId)
    .execute();
}

/** The platforms on which someone with this e-mail has been seen (to find where to reach them). */
export async function platformsOfEmail(db: Kysely<Database>, email: string): Promise<string[]> {
  const rows = await db
    .selectFrom('chat_identities')
    .select('platform')
    .distinct()
    .where('email', '=', email.toLowerCase())
    .execute();
  return rows.map((r) => r.platform);
}

/** The language the catalog gives a person, by e-mail; undefined when none is set or unknown. */
export async function localeOfEmail(db: Kysely<Database>, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('people')
    .select('locale')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.locale ?? undefined;
}
