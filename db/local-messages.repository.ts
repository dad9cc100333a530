import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export interface LocalMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly body: string;
}

/** Stores one playground message; `seenAt` when a browser showed it at once. */
export async function saveLocalMessage(
  db: Kysely<Database>,
  message: LocalMessage,
  now: string,
  seenAt: string | null,
): Promise<void> {
  await db
    .insertInto('local_messages')
    .values({
      id: message.id,
      conversation_id: message.conversationId,
      body: message.body,
      created_at: now,
      seen_at: seenAt,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ body: message.body, seen_at: seenAt }))
    .execute();
}

/** What arrived for one person (their DM) and in the channels while no browser showed it, oldest first. */
export async function unseenLocalMessages(db: Kysely<Database>, dmId: string): Promise<LocalMessage[]> {
  const rows = await db
    .selectFrom('local_messages')
    .select(['id', 'conversation_id', 'body'])
    .where('seen_at', 'is', null)
    .where((eb) => eb.or([eb('conversation_id', '=', dmId), eb('conversation_id', 'like', 'network:%')]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, body: r.body }));
}

/** Marks messages as shown. */
export async function markLocalMessagesSeen(
  db: Kysely<Database>,
  ids: readonly string[],
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('local_messages').set({ seen_at: now }).where('id', 'in', ids).execute();
}
