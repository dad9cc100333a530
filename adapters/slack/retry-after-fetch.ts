import type { FetchFunction } from '@slack/web-api';
import { retryAfterMs } from '../../src/delivery/send-outcome.js';

/**
 * The Web API client's `fetch` (its documented option), with a 429's `Retry-After` given as an
 * HTTP date rewritten to seconds: the client reads only seconds, and would otherwise report the
 * rate limit as an unreadable failure instead of a pause.
 */
export function retryAfterSecondsFetch(base: typeof fetch = fetch): FetchFunction {
  return async (url, init) => {
    const response = await base(url, init);
    const header = response.headers.get('retry-after');
    if (response.status !== 429 || header === null || /^\d+$/.test(header.trim())) return response;
    const headers = new Headers(response.headers);
    headers.set('retry-after', String(retryAfterMs(header) / 1000));
    return new Response(await response.arrayBuffer(), {
      status: 429,
      statusText: response.statusText,
      headers,
    });
  };
}
