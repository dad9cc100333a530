import { expect, it } from 'vitest';
import type { NewDelivery } from '../../../src/delivery/outbox-message.js';
import { roundHarnessEach } from '../../support/check-in-rounds.js';
import { describeEachDialect } from '../../support/databases.js';
import { openAnotherConnection } from '../../support/outbox.js';

// Monday 2026-11-09 09:00 in Stockholm.
const MONDAY = '2026-11-09T08:00:30.000Z';
const FIVE_MINUTES_LATER = '2026-11-09T08:05:30.000Z';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDialect('a round being sent while another replica ticks', (dialect) => {
  const h = roundHarnessEach(dialect);

  it('is not resumed by a replica whose clock runs five minutes ahead, however long the sending takes', async () => {
    const other = openAnotherConnection(h.test, dialect);
    try {
      // w1 sends slowly: its prompts take three resume windows to reach the outbox.
      const slow = {
        enqueueMany: async (deliveries: readonly NewDelivery[]) => {
          await sleep(900);
          return h.outbox.enqueueMany(deliveries);
        },
      };
      h.clock.set(MONDAY);
      const sending = h.engine('w1', { deliveries: slow, resumeAfterMs: 300 }).tick(new Date(MONDAY));
      await sleep(500);
      const ahead = h.engine('w2', { db: other, resumeAfterMs: 300 });
      const meanwhile = await ahead.tick(new Date(FIVE_MINUTES_LATER));
      expect(meanwhile.rounds).toEqual([]);
      expect((await sending).rounds).toEqual(['weekly:2026-11-09']);
      await h.outbox.drain();
      // Counted once, each owner asked once.
      expect(h.seen().sort()).toEqual([
        'prompt anna@example.se: a1,a2',
        'prompt bo@example.se: a2,a3',
        'prompt cilla@example.se: a4',
      ]);
      const runs = await h.db.kysely
        .selectFrom('schedule_runs')
        .selectAll()
        .where('slot', '=', '2026-11-09')
        .execute();
      expect(runs.map((r) => [r.status, r.claimed_by])).toEqual([['done', 'w1']]);
    } finally {
      await other.close();
    }
  });
});
