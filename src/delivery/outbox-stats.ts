/**
 * What one outbox worker has done since it was created: enough to see where a bulk round's time
 * goes (rounds that found nothing to send, tokens drawn for nothing) without a profiler. Counters
 * only, no names or addresses.
 */
export interface OutboxStats {
  /** Claim/draw/send rounds run. */
  rounds: number;
  /** Claim statements, the items they returned, and how many returned none. */
  claims: number;
  claimed: number;
  emptyClaims: number;
  /** Rounds with items held but none of them sendable yet (every bucket known to be dry). */
  idleRounds: number;
  /** Draw statements on the shared rate buckets, tokens asked, granted, and given back unused. */
  draws: number;
  tokensAsked: number;
  tokensGranted: number;
  tokensRefunded: number;
  /** Attempts made, and those a platform answered with a rate limit (429). */
  attempts: number;
  rateLimited: number;
  /** Items put back in the table because their bucket would keep them waiting too long. */
  released: number;
}

/** All counters at zero. */
export function emptyStats(): OutboxStats {
  return {
    rounds: 0,
    claims: 0,
    claimed: 0,
    emptyClaims: 0,
    idleRounds: 0,
    draws: 0,
    tokensAsked: 0,
    tokensGranted: 0,
    tokensRefunded: 0,
    attempts: 0,
    rateLimited: 0,
    released: 0,
  };
}
