import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CatalogView } from '../../src/catalog/catalog-view.js';
import { databaseCheckIns } from '../../src/checkins/check-in-service.js';
import { fixedClock } from '../../src/clock.js';
import { CatalogStore } from '../../src/search/catalog-store.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

describeEachDialect('check-ins', (dialect) => {
  let db: TestDatabase;
  let view: CatalogView;
  const clock = fixedClock('2026-11-23T08:14:00Z');
  const owner = () => view.activities.get('cross')?.owners[0] ?? '';
  const count = async () =>
    Number(
      (
        await db.db.kysely
          .selectFrom('check_ins')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    view = (await new CatalogStore(db.db).get()).view;
  });
  afterEach(() => db.drop());

  it('records an owner’s check-in, which becomes the activity’s latest status', async () => {
    const service = databaseCheckIns(db.db, clock);
    const result = await service.record(
      view,
      { email: owner() },
      { activityId: 'cross', statusCode: 'at_risk', note: 'Försenat på grund av personalbrist.' },
      'slack',
    );
    expect(result.ok).toBe(true);
    expect((await service.latest()).get('cross')).toMatchObject({
      statusCode: 'at_risk',
      at: '2026-11-23T08:14:00.000Z',
    });
    clock.set('2026-11-24T08:00:00Z');
    await service.record(view, { email: owner() }, { activityId: 'cross', statusCode: 'on_track' }, 'teams');
    expect((await service.latest()).get('cross')?.statusCode).toBe('on_track');
    expect((await service.history('cross')).map((r) => [r.status_code, r.platform])).toEqual([
      ['on_track', 'teams'],
      ['at_risk', 'slack'],
    ]);
  });

  it.each([
    ['850709-9805', 'a personnummer'],
    ['Ring 19850709 9805 om detta', 'a personnummer with century and space'],
    ['851069-0012', 'a samordningsnummer'],
  ])('refuses a note with %s (%s) and stores nothing', async (note) => {
    const result = await databaseCheckIns(db.db, clock).record(
      view,
      { email: owner() },
      { activityId: 'cross', statusCode: 'on_track', note },
      'slack',
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: 'note', key: 'checkin.error.personalNumber' }],
    });
    expect(await count()).toBe(0);
  });

  it('accepts numbers that are not personal identity numbers', async () => {
    const note = 'Budget 850709-9800, diarienummer 2026-1234, telefon 019-602 10 00.';
    const result = await databaseCheckIns(db.db, clock).record(
      view,
      { email: owner() },
      { activityId: 'cross', statusCode: 'on_track', note },
      'slack',
    );
    expect(result.ok).toBe(true);
  });

  it('refuses someone who does not own the activity, an unknown status and an over-long note', async () => {
    const service = databaseCheckIns(db.db, clock);
    expect(
      await service.record(
        view,
        { email: 'okand@example.org' },
        { activityId: 'cross', statusCode: 'on_track' },
        'slack',
      ),
    ).toMatchObject({
      ok: false,
      problems: [{ key: 'checkin.error.notOwner' }],
    });
    // Without an e-mail (the Bot Framework Emulator's user) nobody can be looked up: said so.
    expect(
      await service.record(view, {}, { activityId: 'cross', statusCode: 'on_track' }, 'teams'),
    ).toMatchObject({
      ok: false,
      problems: [{ key: 'checkin.error.noEmail', params: { activity: 'CROSS' } }],
    });
    expect(
      await service.record(view, { email: owner() }, { activityId: 'cross', statusCode: 'bra' }, 'slack'),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'status' }],
    });
    expect(
      await service.record(
        view,
        { email: owner() },
        { activityId: 'cross', statusCode: 'on_track', note: 'x'.repeat(2001) },
        'slack',
      ),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'note', key: 'checkin.error.noteLength' }],
    });
    expect(await count()).toBe(0);
  });
});
