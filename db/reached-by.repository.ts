import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** How one owner's check-in prompts were delivered: the platform of each sent prompt. */
export interface ReachedOwner {
  readonly recipient: string;
  /** `slack`, `teams`, `local` or `email`: where the latest sent prompt went. */
  readonly platform: string;
  readonly at: string;
}

/**
 * Which way each owner was reached by the check-in prompts sent since `since`: the platform of
 * the latest sent prompt per recipient (a `chat-then-email` owner whose DM failed shows `email`).
 */
export async function reachedBy(db: Kysely<Database>, since: string): Promise<ReachedOwner[]> {
  const rows = await db
    .selectFrom('outbox_items')
    .select(['recipient', 'sent_ref', 'updated_at'])
    .where('message_type', '=', 'checkin-prompt')
    .where('status', '=', 'sent')
    .where('updated_at', '>=', since)
    .where('replaces', 'is', null)
    .orderBy('updated_at')
    .execute();
  const latest = new Map<string, ReachedOwner>();
  for (const row of rows) {
    const platform = platformOf(row.sent_ref);
    if (platform) latest.set(row.recipient, { recipient: row.recipient, platform, at: row.updated_at });
  }
  return [...latest.values()];
}

function platformOf(sentRef: string | null): string | undefined {
  if (!sentRef) return undefined;
  const parsed = JSON.parse(sentRef) as { platform?: unknown };
  return typeof parsed.platform === 'string' ? parsed.platform : undefined;
}
