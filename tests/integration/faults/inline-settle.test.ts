import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import type { Deliverer } from '../../../src/delivery/deliveries.js';
import { Outbox } from '../../../src/delivery/outbox.js';
import { createLogger } from '../../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';
import { interactiveTo } from '../../support/outbox.js';
import { RecordingDeliverer } from '../../support/recording-deliverer.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails the next `count` UPDATEs of outbox_items: the database hiccups as an answer is recorded. */
class FailingUpdates implements KyselyPlugin {
  constructor(private count: number) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (
      node.kind === 'UpdateQueryNode' &&
      this.count > 0 &&
      JSON.stringify(node.table).includes('outbox_items')
    ) {
      this.count--;
      throw new Error('connection reset while recording');
    }
    return node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

describeEachDialect('an inline answer whose settle fails', (dialect) => {
  let test: TestDatabase;
  const clock = fixedClock('2026-12-01T08:00:00Z');
  beforeEach(async () => {
    test = await createTestDatabase(dialect);
  });
  afterEach(() => test.drop());

  it('is recorded as sent after all, and never sent again — even where the platform cannot be asked', async () => {
    const recording = new RecordingDeliverer();
    // Like Teams: no way to look an earlier attempt up.
    const teamsLike: Deliverer = {
      buckets: (to) => recording.buckets(to),
      deliver: (item) => recording.deliver(item),
    };
    const db = { ...test.db, kysely: test.db.kysely.withPlugin(new FailingUpdates(1)) };
    const box = new Outbox(db, clock, createLogger('silent'), teamsLike, { leaseMs: 300, random: () => 0.5 });
    expect(await box.sendNowOnce('teams:activity:a:1:m1', interactiveTo('anna@region.se'))).toMatchObject({
      ok: true,
    });
    await sleep(600);
    await box.drain();
    expect(recording.platform.arrivals).toHaveLength(1);
    const rows = await test.db.kysely.selectFrom('outbox_items').selectAll().execute();
    expect(rows).toMatchObject([{ status: 'sent', claim_token: null }]);
  });
});
