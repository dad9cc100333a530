import { findChatIdentity, saveChatIdentity } from '../../db/chat-identities.repository.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/** How long a looked-up e-mail is trusted before the platform is asked again (addresses change rarely). */
const FRESH_MS = 24 * 60 * 60 * 1000;
const MEMO_MS = 5 * 60 * 1000;
const MEMO_ENTRIES = 10_000;

/** Recent answers kept in memory, so a busy channel does not read the database for each message. */
export type IdentityMemo = Map<string, { email: string | undefined; until: number }>;

export interface IdentityDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly memo?: IdentityMemo;
}

/** What a platform says about a user when asked. */
export interface PlatformProfile {
  readonly email: string | undefined;
  readonly displayName: string | undefined;
}

/**
 * The e-mail of a chat user, from memory, from stored identities (fresh for a day), or from the
 * platform (`lookUp`: Slack users.info, the Teams roster). A failed look-up is remembered too, so
 * a user the platform will not describe is not asked about on every message. Undefined when the
 * platform will not say: the person can still ask questions.
 */
export async function identityEmail(
  deps: IdentityDeps,
  who: { readonly platform: 'slack' | 'teams'; readonly tenantId: string; readonly userId: string },
  lookUp: () => Promise<PlatformProfile>,
): Promise<string | undefined> {
  const now = deps.clock.now();
  const key = `${who.platform}:${who.tenantId}:${who.userId}`;
  const remembered = deps.memo?.get(key);
  if (remembered && remembered.until > now.getTime()) return remembered.email;
  const email = await stored(deps, who, lookUp, now);
  deps.memo?.set(key, { email, until: now.getTime() + MEMO_MS });
  if (deps.memo && deps.memo.size > MEMO_ENTRIES) deps.memo.delete(deps.memo.keys().next().value as string);
  return email;
}

async function stored(
  deps: IdentityDeps,
  who: { readonly platform: 'slack' | 'teams'; readonly tenantId: string; readonly userId: string },
  lookUp: () => Promise<PlatformProfile>,
  now: Date,
): Promise<string | undefined> {
  const known = await findChatIdentity(deps.db.kysely, who.platform, who.tenantId, who.userId);
  if (known && now.getTime() - Date.parse(known.updated_at) < FRESH_MS) return known.email ?? undefined;
  try {
    const profile = await lookUp();
    await saveChatIdentity(deps.db.kysely, { ...who, ...profile }, now.toISOString());
    return profile.email?.toLowerCase();
  } catch (error) {
    deps.logger.warn(
      { err: error, platform: who.platform, userId: who.userId },
      'identity look-up failed; answering without it',
    );
    if (!known)
      await saveChatIdentity(
        deps.db.kysely,
        { ...who, email: undefined, displayName: undefined },
        now.toISOString(),
      );
    return known?.email ?? undefined;
  }
}
