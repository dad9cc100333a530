/**
 * Limits on what one search may cost, applied before any work: the cost of an answer must not
 * grow with the size of what someone pastes. (The chat message's own limit: src/chat/input-limits.ts.)
 */

/** Longest search query, in characters; the rest of a long question adds cost, not precision. */
const MAX_SEARCH_QUERY_CHARS = 200;

/** Most words a search query keeps; each word is one more index walk. */
const MAX_SEARCH_TERMS = 24;

/**
 * The part of `query` a search uses: at most {@link MAX_SEARCH_TERMS} words and
 * {@link MAX_SEARCH_QUERY_CHARS} characters, cut at a word boundary. Searching for the bounded
 * query gives the same answer as searching for the whole text, so a button may carry it instead.
 */
export function boundSearchQuery(query: string): string {
  const words = query.trim().split(/\s+/).slice(0, MAX_SEARCH_TERMS).join(' ');
  if (words.length <= MAX_SEARCH_QUERY_CHARS) return words;
  const cut = words.slice(0, MAX_SEARCH_QUERY_CHARS);
  const space = cut.lastIndexOf(' ');
  return space > MAX_SEARCH_QUERY_CHARS / 2 ? cut.slice(0, space) : cut;
}
