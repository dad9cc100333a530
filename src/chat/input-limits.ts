/**
 * Limits on what one chat message may make delmal do, applied before any work: the cost of an
 * answer must not grow with the size of what someone pastes. (A search's own limits:
 * src/search/query-limits.ts.)
 */

/** Longest chat message delmal reads; longer ones get a polite "too long" answer (Swedish first). */
export const MAX_MESSAGE_CHARS = 2000;
