import type { Reply } from './reply.js';

// Replies frozen all the way down by `freezeReply`: nothing can change them any more, so what is
// derived from one (its validated form, its rendering) may be remembered by the object itself.
const frozen = new WeakSet<Reply>();

/**
 * Freezes `reply` and everything in it, and marks it as such; returns it. A cached reply is handed
 * to every asker of the same question until the catalog or a check-in changes: freezing it makes
 * sure no one's answer can alter anyone else's, and lets the outbox check it and each platform
 * render it once instead of once per send.
 */
export function freezeReply(reply: Reply): Reply {
  if (frozen.has(reply)) return reply;
  deepFreeze(reply);
  frozen.add(reply);
  return reply;
}

/** True when `reply` was frozen by {@link freezeReply} (a shallow `Object.freeze` does not count). */
export function isFrozenReply(reply: unknown): reply is Reply {
  return typeof reply === 'object' && reply !== null && frozen.has(reply as Reply);
}

/** Freezes `value` and every object in it. */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}
