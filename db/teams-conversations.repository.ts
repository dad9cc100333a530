import type { Kysely } from 'kysely';
import type { Database } from './database.js';

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
