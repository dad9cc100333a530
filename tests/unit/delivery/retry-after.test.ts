import { expect, it } from 'vitest';
import { retryAfterMs } from '../../../src/delivery/send-outcome.js';

const NOW = Date.parse('2026-12-06T14:00:00Z');

it('reads Retry-After as seconds or as an HTTP date, so a platform asking for a pause gets it', () => {
  expect(retryAfterMs('120', NOW)).toBe(120_000);
  expect(retryAfterMs('Sun, 06 Dec 2026 14:00:30 GMT', NOW)).toBe(30_000);
  expect(retryAfterMs('Sun, 06 Dec 2026 14:10:00 GMT', NOW)).toBe(600_000);
  // Absent, unreadable or already past: a second.
  expect(retryAfterMs(undefined, NOW)).toBe(1000);
  expect(retryAfterMs('soon', NOW)).toBe(1000);
  expect(retryAfterMs('Sun, 06 Dec 2026 13:59:00 GMT', NOW)).toBe(1000);
});
