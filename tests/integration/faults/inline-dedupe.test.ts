import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { Outbox } from '../../../src/delivery/outbox.js';
import { createLogger } from '../../../src/logger.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.js';
import { interactiveTo } from '../../support/outbox.js';
import { RecordingDeliverer } from '../../support/recording-deliverer.js';

describeEachDialect('an inline answer with a dedupe key', (dialect) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(dialect);
  });
  afterEach(() => test.drop());

  it('is sent once when Slack delivers the same command twice (same trigger id)', async () => {
    const deliverer = new RecordingDeliverer();
    const box = new Outbox(test.db, fixedClock('2026-12-01T08:00:00Z'), createLogger('silent'), deliverer);
    const answer = { ...interactiveTo('anna@region.se'), dedupeKey: 'slack:command:T123.456' };
    expect(await box.sendNow(answer)).toMatchObject({ ok: true });
    expect(await box.sendNow(answer)).toMatchObject({ ok: true });
    expect(deliverer.platform.arrivals).toHaveLength(1);
    await box.drain();
    const rows = await test.db.kysely.selectFrom('outbox_items').selectAll().execute();
    expect(rows).toMatchObject([{ status: 'sent', dedupe_key: 'slack:command:T123.456', claim_token: null }]);
  });
});
