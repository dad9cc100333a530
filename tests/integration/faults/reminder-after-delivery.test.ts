import { expect, it } from 'vitest';
import { roundHarnessEach } from '../../support/check-in-rounds.js';
import { describeEachDialect } from '../../support/databases.js';

const MONDAY = '2026-11-09T08:00:30.000Z';
const WEDNESDAY_REMINDER = '2026-11-11T08:01:00.000Z';

describeEachDialect('a reminder whose prompt is still held back', (dialect) => {
  const h = roundHarnessEach(dialect);

  it('waits until the prompt it reminds of has been delivered', async () => {
    // Bo's prompt meets a long Retry-After: queued, not delivered, until Thursday.
    h.deliverer.script = (item) =>
      item.to.kind === 'person' &&
      item.to.email === 'bo@example.se' &&
      h.clock.now() < new Date('2026-11-12T00:00:00Z')
        ? { ok: false, kind: 'rate_limited', retryAfterMs: 3 * 86_400_000 }
        : 'arrive';
    await h.tick(MONDAY);
    await h.tick(WEDNESDAY_REMINDER);
    const seen = h.seen().filter((s) => s.includes('bo@example.se'));
    // Bo never gets a reminder before (or instead of) the prompt itself.
    expect(seen.filter((s) => s.startsWith('reminder'))).toEqual([]);
    expect(
      h
        .seen()
        .filter((s) => s.startsWith('reminder'))
        .sort(),
    ).toEqual(['reminder anna@example.se: a1,a2', 'reminder cilla@example.se: a4']);
  });
});
