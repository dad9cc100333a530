import type { Kysely } from 'kysely';
import type { Database, TeamsConversationRow } from './database.js';

export interface TeamsConversationReference {
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string | undefined;
  readonly conversationType: string;
  readonly userAadObjectId: string | undefined;
  readonly teamId: string | undefined;
}

/** Stores (or refreshes) where a Teams conversation lives, for proactive messages later. */
export async function saveTeamsConversation(
  db: Kysely<Database>,
  ref: TeamsConversationReference,
  now: string,
): Promise<void> {
  const row = {
    conversation_id: ref.conversationId,
    service_url: ref.serviceUrl,
    tenant_id: ref.tenantId ?? null,
    conversation_type: ref.conversationType,
    user_aad_object_id: ref.userAadObjectId ?? null,
    team_id: ref.teamId ?? null,
    updated_at: now,
  };
  await db
    .insertInto('teams_conversations')
    .values(row)
    .onConflict((oc) =>
      oc.column('conversation_id').doUpdateSet({
        service_url: row.service_url,
        tenant_id: row.tenant_id,
        conversation_type: row.conversation_type,
        updated_at: now,
      }),
    )
    .execute();
}

/** One stored conversation reference, by conversation id. */
export function findTeamsConversation(
  db: Kysely<Database>,
  conversationId: string,
): Promise<TeamsConversationRow | undefined> {
  return db
    .selectFrom('teams_conversations')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
}

/** A user's 1:1 chat with delmal, when delmal has one. */
export function personalTeamsConversation(
  db: Kysely<Database>,
  userAadObjectId: string,
): Promise<TeamsConversationRow | undefined> {
  return db
    .selectFrom('teams_conversations')
    .selectAll()
    .where('conversation_type', '=', 'personal')
    .where('user_aad_object_id', '=', userAadObjectId)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The service URL delmal last saw for a tenant: where a new 1:1 chat with one of its users is opened. */
export async function tenantServiceUrl(db: Kysely<Database>, tenantId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('teams_conversations')
    .select('service_url')
    .where('tenant_id', '=', tenantId)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.service_url;
}
