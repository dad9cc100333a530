import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { collectStartUpGarbage } from '../../../src/server/start-up-garbage.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

/** Leaves ~`mb` MB of unreachable objects behind, most of them old enough to sit in the old space. */
function leaveGarbage(mb: number): void {
  let keep: unknown[] = [];
  for (let i = 0; i < mb * 16; i++) {
    keep.push(Array.from({ length: 8192 }, (_, j) => j));
    if (keep.length > 64) keep = [];
  }
}

describe('start-up garbage of delmal serve', () => {
  it('is collected at once and the heap given back, with the figures logged', () => {
    const { lines, logger } = capture();
    // Held while the garbage piles up, dropped before the collection: the heap grows for it.
    let held: number[][] | undefined = Array.from({ length: 400 }, () =>
      Array.from({ length: 8192 }, () => 1),
    );
    leaveGarbage(40);
    const before = process.memoryUsage().heapTotal;
    expect(held.length).toBe(400);
    held = undefined;

    collectStartUpGarbage(logger);

    // ~25 MB held at the peak, all of it unreachable now: the heap shrinks by at least that much.
    expect(before - process.memoryUsage().heapTotal).toBeGreaterThan(20 * 1048576);
    const logged = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(logged.msg).toBe('start-up garbage collected');
    expect(logged).toMatchObject({ rssBeforeMb: expect.any(Number), rssAfterMb: expect.any(Number) });
  });
});
