import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** How one owner's check-in prompts were delivered: the platform of each sent prompt. */
export interface ReachedOwner {
  /** The owner's e-mail, or the outbox's recipient label when no prompt row names the owner. */
  readonly recipient: string;
  /** `slack`, `teams`, `local` or `email`: where the latest sent prompt went. */
  readonly platform: string;
  readonly at: string;
}

/**
 * Which way each owner was reached by the check-in prompts sent since `since`: the platform of
 * the latest sent prompt per owner (a `chat-then-email` owner whose DM failed shows `email`). A
 * prompt sent to a stored DM is the owner's through its `check_in_prompts` row; its other parts
 * share the DM, so they count for the same owner.
 */
export async function reachedBy(db: Kysely<Database>, since: string): Promise<ReachedOwner[]> {
  const rows = await db
    .selectFrom('outbox_items as o')
    .leftJoin('check_in_prompts as p', 'p.outbox_item_id', 'o.id')
    .leftJoin('people', 'people.id', 'p.person_id')
    .select(['o.recipient', 'o.sent_ref', 'o.updated_at', 'people.email as owner'])
    .where('o.message_type', '=', 'checkin-prompt')
    .where('o.status', '=', 'sent')
    .where('o.updated_at', '>=', since)
    .where('o.replaces', 'is', null)
    .orderBy('o.updated_at')
    .execute();
  const ownerOf = new Map<string, string>();
  for (const row of rows) if (row.owner) ownerOf.set(row.recipient, row.owner);
  const latest = new Map<string, ReachedOwner>();
  for (const row of rows) {
    const platform = platformOf(row.sent_ref);
    const recipient = ownerOf.get(row.recipient) ?? row.recipient;
    if (platform) latest.set(recipient, { recipient, platform, at: row.updated_at });
  }
  return [...latest.values()];
}

function platformOf(sentRef: string | null): string | undefined {
  if (!sentRef) return undefined;
  const parsed = JSON.parse(sentRef) as { platform?: unknown };
  return typeof parsed.platform === 'string' ? parsed.platform : undefined;
}
