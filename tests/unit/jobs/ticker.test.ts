import { afterEach, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { startTicker, type Ticker } from '../../../src/jobs/ticker.js';
import { createLogger } from '../../../src/logger.js';

let ticker: Ticker | undefined;
afterEach(() => ticker?.stop());

it('runs every job in order with the clock’s time; a failing job does not stop the others', async () => {
  const ran: string[] = [];
  const clock = fixedClock('2027-03-28T01:30:00Z');
  ticker = startTicker(
    [
      { name: 'rounds', run: async (now) => ran.push(`rounds ${now.toISOString()}`) },
      {
        name: 'broken',
        run: async () => {
          throw new Error('database away');
        },
      },
      { name: 'digests', run: async () => ran.push('digests') },
    ],
    { clock, logger: createLogger('silent') },
  );
  await ticker.tick();
  expect(ran).toEqual(['rounds 2027-03-28T01:30:00.000Z', 'digests']);
});

it('never overlaps: a tick asked for while one runs is that same tick', async () => {
  let running = 0;
  let most = 0;
  let release: () => void = () => {};
  ticker = startTicker(
    [
      {
        name: 'slow',
        run: async () => {
          running++;
          most = Math.max(most, running);
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          running--;
        },
      },
    ],
    { clock: fixedClock('2026-11-09T08:00:00Z'), logger: createLogger('silent') },
  );
  const first = ticker.tick();
  const second = ticker.tick();
  await new Promise((resolve) => setTimeout(resolve, 10));
  release();
  await Promise.all([first, second]);
  expect(most).toBe(1);
});
