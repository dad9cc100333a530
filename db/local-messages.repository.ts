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

/** One stored playground message with whether a browser has shown it yet. */
export interface StoredLocalMessage extends LocalMessage {
  readonly seen: boolean;
}

/**
 * What one person's playground shows: the latest `limit` messages of their DM (`dmId`) and of
 * every channel, oldest first. Order is the (possibly simulated) clock's time of writing, then
 * the id, which the playground makes increase within one process.
 */
export async function localConversationHistory(
  db: Kysely<Database>,
  dmId: string,
  limit = 300,
): Promise<StoredLocalMessage[]> {
  const rows = await db
    .selectFrom('local_messages')
    .select(['id', 'conversation_id', 'body', 'seen_at'])
    .where((eb) => eb.or([eb('conversation_id', '=', dmId), eb('conversation_id', 'like', 'network:%')]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows
    .reverse()
    .map((r) => ({ id: r.id, conversationId: r.conversation_id, body: r.body, seen: r.seen_at !== null }));
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
