import { expect, it } from 'vitest';
import { retryBackoffMs } from '../../../src/delivery/backoff.js';

it('backs off exponentially with jitter, capped at five minutes', () => {
  expect([1, 2, 3, 4].map((n) => retryBackoffMs(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
  expect(retryBackoffMs(20, () => 0.5)).toBe(300_000);
  expect(retryBackoffMs(1, () => 0)).toBe(500);
  expect(retryBackoffMs(1, () => 0.999)).toBe(1499);
});
