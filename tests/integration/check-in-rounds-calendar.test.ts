import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../db/model/local-date.js';
import { toLocal, toUtc } from '../../db/model/zoned-time.js';
import { type RoundHarness, roundCatalog, roundHarness } from '../support/check-in-rounds.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const FRIDAY = `  - { id: fredag, plan: p, cadence: weekly, weekday: friday, time: "09:00" }`;
const WEDNESDAY = `  - { id: onsdag, plan: p, cadence: weekly, weekday: wednesday, time: "09:00" }`;
const MONDAY = `  - { id: mandag, plan: p, cadence: weekly, weekday: monday, time: "09:00" }`;
const TZ = 'Europe/Stockholm';

/** Ticks once a day at 09:00:30 Stockholm time from `from` to `to` (inclusive); the rounds opened, as `slot→opened day`. */
async function daily(h: RoundHarness, from: LocalDate, to: LocalDate): Promise<string[]> {
  const opened: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const at = new Date(toUtc(day, '09:00', TZ).getTime() + 30_000).toISOString();
    for (const id of (await h.tick(at)).rounds)
      opened.push(`${id.split(':')[1]}→${toLocal(new Date(at), TZ).date}`);
  }
  return opened;
}

describeEachDialect('check-in rounds on the Swedish calendar', (dialect) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(dialect);
  });
  afterEach(() => test.drop());

  it('spring forward 2027-03-28 (Easter weekend): 09:00 is 08:00Z before and 07:00Z after, never an hour off', async () => {
    const h = await roundHarness(test.db, roundCatalog(WEDNESDAY));
    expect((await h.tick('2027-03-24T07:59:00Z')).rounds).toEqual([]);
    expect((await h.tick('2027-03-24T08:00:30Z')).rounds).toEqual(['onsdag:2027-03-24']);
    expect((await h.tick('2027-03-31T06:59:00Z')).rounds).toEqual([]);
    expect((await h.tick('2027-03-31T07:00:30Z')).rounds).toEqual(['onsdag:2027-03-31']);
    expect((await h.tick('2027-03-31T08:00:30Z')).rounds).toEqual([]);
  });

  it('fall back 2026-10-25: the Monday after runs at 09:00 winter time, once', async () => {
    const h = await roundHarness(test.db, roundCatalog(MONDAY));
    expect((await h.tick('2026-10-19T07:00:30Z')).rounds).toEqual(['mandag:2026-10-19']);
    expect((await h.tick('2026-10-26T07:30:00Z')).rounds).toEqual([]);
    expect((await h.tick('2026-10-26T08:00:30Z')).rounds).toEqual(['mandag:2026-10-26']);
    expect((await h.tick('2026-10-26T09:00:30Z')).rounds).toEqual([]);
    expect(h.deliverer.calls).toHaveLength(6);
  });

  it('jul and nyår: the Friday rounds on juldagen and nyårsdagen run the Monday after', async () => {
    const h = await roundHarness(test.db, roundCatalog(FRIDAY));
    expect(await daily(h, '2026-12-21', '2027-01-10')).toEqual([
      '2026-12-25→2026-12-28',
      '2027-01-01→2027-01-04',
      '2027-01-08→2027-01-08',
    ]);
  });

  it('Kristi himmelfärd and its bridge day, then midsommarafton: moved to the next workday', async () => {
    const h = await roundHarness(test.db, roundCatalog(FRIDAY));
    expect(await daily(h, '2027-05-03', '2027-05-16')).toEqual([
      '2027-05-07→2027-05-10',
      '2027-05-14→2027-05-14',
    ]);
    expect(await daily(h, '2027-06-21', '2027-07-04')).toEqual([
      '2027-06-25→2027-06-28',
      '2027-07-02→2027-07-02',
    ]);
  });

  it('summer pause, weeks 28–31: no rounds, the slots recorded as paused, and the first round after it as usual', async () => {
    const h = await roundHarness(test.db, roundCatalog(FRIDAY));
    expect(await daily(h, '2027-07-05', '2027-08-15')).toEqual([
      '2027-07-09→2027-07-09',
      '2027-08-13→2027-08-13',
    ]);
    const paused = await test.db.kysely
      .selectFrom('schedule_runs')
      .select('slot')
      .where('reason', '=', 'summer')
      .orderBy('slot')
      .execute();
    expect(paused.map((r) => r.slot)).toEqual(['2027-07-16', '2027-07-23', '2027-07-30', '2027-08-06']);
  });
});
