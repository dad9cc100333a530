import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  UpdateQueryNode,
} from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { interactiveTo } from '../support/outbox.js';
import { RecordingDeliverer } from '../support/recording-deliverer.js';

/** Counts the statements that record items as sent (an UPDATE setting `sent_at`). */
class SentWatch implements KyselyPlugin {
  statements = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (UpdateQueryNode.is(node) && JSON.stringify(node.updates ?? []).includes('"sent_at"'))
      this.statements++;
    return node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

// What was delivered is recorded in one statement for a busy moment, whoever sent it: inline
// answers and the worker share one group commit of outcomes.
describeEachDialect('outcomes group-committed', (dialect) => {
  let test: TestDatabase;
  let watch: SentWatch;
  let box: Outbox;

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    watch = new SentWatch();
    box = new Outbox(
      { ...test.db, kysely: test.db.kysely.withPlugin(watch) },
      fixedClock(new Date('2026-12-07T08:00:00Z')),
      createLogger('silent'),
      new RecordingDeliverer(),
    );
  });
  afterEach(() => test.drop());

  const statuses = () =>
    test.db.kysely.selectFrom('outbox_items').select(['status', 'claim_token']).execute();

  it('records many inline answers delivered at once in one statement', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        box.sendNowOnce(`teams:activity:c:${i}`, interactiveTo(`p${i}@region.se`)),
      ),
    );
    await box.drain();
    expect(watch.statements).toBe(1);
    const rows = await statuses();
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.status === 'sent' && r.claim_token === null)).toBe(true);
  });

  it('records what the worker delivered in a round in a statement or two, not one per message', async () => {
    await box.enqueueMany(Array.from({ length: 20 }, (_, i) => interactiveTo(`p${i}@region.se`)));
    await box.drain();
    // The first delivery's record starts a commit at once; what is delivered meanwhile joins the next.
    expect(watch.statements).toBeGreaterThanOrEqual(1);
    expect(watch.statements).toBeLessThanOrEqual(2);
    const rows = await statuses();
    expect(rows.every((r) => r.status === 'sent' && r.claim_token === null)).toBe(true);
  });
});
