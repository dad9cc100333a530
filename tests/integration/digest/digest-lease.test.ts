import { afterEach, beforeEach, expect, it } from 'vitest';
import { bindChannel } from '../../../db/network-channels.repository.js';
import { fixedClock } from '../../../src/clock.js';
import { Outbox } from '../../../src/delivery/outbox.js';
import type { NewDelivery } from '../../../src/delivery/outbox-message.js';
import { type DigestJobDeps, runDueDigests } from '../../../src/digest/run-due-digests.js';
import { createLogger } from '../../../src/logger.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';
import { RecordingDeliverer } from '../../support/recording-deliverer.js';

const NETWORK = 'lag-missbruk';
const SLOT = '2026-11-30';

describeEachDialect('a digest whose claimant crashed before enqueueing all of it', (dialect) => {
  let db: TestDatabase;
  let outbox: Outbox;
  const clock = fixedClock('2026-11-30T07:00:00Z');
  const logger = createLogger('silent');
  const deps = (
    worker: string,
    enqueue?: (d: NewDelivery) => Promise<string | undefined>,
  ): DigestJobDeps => ({
    db: db.db,
    catalog: async () => (await new CatalogStore(db.db, 0).get()).view,
    // The real outbox: its dedupe key is what keeps a second enqueue of one digest one item.
    deliveries: { enqueue: enqueue ?? ((d) => outbox.enqueue(d)) },
    logger,
    worker,
  });
  const digestItems = () =>
    db.db.kysely
      .selectFrom('outbox_items')
      .select(['to_address'])
      .where('message_type', '=', 'digest')
      .execute()
      .then((rows) => rows.map((r) => (JSON.parse(r.to_address) as { platform: string }).platform).sort());
  const claim = () =>
    db.db.kysely
      .selectFrom('network_digests')
      .select(['status', 'claimed_by', 'reason'])
      .where('network_id', '=', NETWORK)
      .where('slot', '=', SLOT)
      .executeTakeFirstOrThrow();

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    outbox = new Outbox(db.db, clock, logger, new RecordingDeliverer());
    for (const [platform, workspaceId, conversationId] of [
      ['slack', 'T0001', 'C0LAG'],
      ['teams', 'tenant-1', '19:lag@thread.tacv2'],
    ] as const)
      await bindChannel(
        db.db.kysely,
        { networkId: NETWORK, platform, workspaceId, conversationId, name: null, boundBy: null },
        '2026-11-01T00:00:00Z',
      );
    // Process "crashed" claims the Monday slot, enqueues the Slack channel's digest, and dies.
    let enqueued = 0;
    const dying = deps('crashed', async (delivery) => {
      if (enqueued++ === 1) throw new Error('process killed');
      return outbox.enqueue(delivery);
    });
    await expect(runDueDigests(dying, new Date('2026-11-30T07:00:10Z'))).rejects.toThrow('process killed');
  });
  afterEach(() => db.drop());

  it('is taken over once its lease has run out, by exactly one process, and each channel gets it once', async () => {
    expect(await digestItems()).toEqual(['slack']);
    // Within the lease the claimant may still be at work: nobody touches it.
    const early = await runDueDigests(deps('b'), new Date('2026-11-30T07:03:00Z'));
    expect(early.sent.filter((s) => s.networkId === NETWORK)).toEqual([]);
    expect(await claim()).toMatchObject({ status: 'claimed', claimed_by: 'crashed' });

    const late = new Date('2026-11-30T07:06:00Z');
    const runs = await Promise.all([runDueDigests(deps('b'), late), runDueDigests(deps('c'), late)]);
    const takeovers = runs.flatMap((r) => r.reclaimed ?? []);
    expect(takeovers).toEqual([{ networkId: NETWORK, slot: SLOT }]);
    expect(await digestItems()).toEqual(['slack', 'teams']);
    expect(await claim()).toMatchObject({ status: 'sent' });
    expect(['b', 'c']).toContain((await claim()).claimed_by);

    // Later ticks find nothing to take over.
    const again = await runDueDigests(deps('d'), new Date('2026-11-30T08:00:00Z'));
    expect(again.reclaimed).toBeUndefined();
    expect(await digestItems()).toEqual(['slack', 'teams']);
  });

  it('more than a day late, is recorded as missed rather than sent', async () => {
    const run = await runDueDigests(deps('b'), new Date('2026-12-01T08:00:00Z'));
    expect(run.skipped).toContainEqual({ networkId: NETWORK, slot: SLOT, reason: 'missed' });
    expect(await claim()).toMatchObject({ status: 'skipped', reason: 'missed', claimed_by: 'b' });
    expect(await digestItems()).toEqual(['slack']);
  });
});
