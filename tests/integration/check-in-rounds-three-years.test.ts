import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../db/catalog-read.repository.js';
import { addDays } from '../../db/model/local-date.js';
import { toUtc } from '../../db/model/zoned-time.js';
import { SwedishCalendar } from '../../src/schedule/calendar.js';
import { dueSlots } from '../../src/schedule/slots.js';
import { type RoundHarness, roundCatalog, roundHarness, WEEKLY } from '../support/check-in-rounds.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

// Every cadence at once: the plan's weekly default and one override per other cadence.
const SCHEDULES = `${WEEKLY}
  - { id: tre-veckor, activity: a3, cadence: every_n_weeks, weeks: 3, anchor: "2027-01-07", time: "13:00" }
  - { id: sista-fredag, activity: a4, cadence: monthly_nth_weekday, nth: last, weekday: friday, time: "08:15" }
  - { id: kvartal, activity: a1, cadence: quarterly, monthInQuarter: 3, day: 31, time: "10:00", summerPause: false }`;
// A Sunday: the slots before it are more than a day old, so the first tick only records them as missed.
const FROM = '2026-12-06';
const TO = '2029-11-30';
const TZ = 'Europe/Stockholm';

// The engine itself over three years, ticking every day at 14:00 local, after every slot of the
// day. SQLite only: the claims are the same statements the two-dialect suites race, and three
// years of ticks are 1,100 of them.
describe('three years of check-in rounds [sqlite]', () => {
  let test: TestDatabase;
  let h: RoundHarness;
  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    h = await roundHarness(test.db, roundCatalog(SCHEDULES));
  });
  afterAll(() => test.drop());

  it('opens every slot on the day it belongs, none twice, none on a day off, none in the pause', {
    timeout: 240_000,
  }, async () => {
    const calendar = new SwedishCalendar('sv');
    const opened: { id: string; day: string }[] = [];
    const catalog = await readCatalog(test.db.kysely);
    // As in `delmal serve`: the catalog comes from the store's cached snapshot, not read per tick.
    const engine = h.engine('w1', { catalog: async () => catalog });
    for (let day = FROM; day <= TO; day = addDays(day, 1)) {
      const at = toUtc(day, '14:00', TZ);
      h.clock.set(at);
      const summary = await engine.tick(at);
      for (const id of summary.rounds) opened.push({ id, day });
    }
    const expected = catalog.schedules.flatMap((s) =>
      dueSlots(s, toUtc(FROM, '00:00', TZ), toUtc(addDays(TO, 1), '00:00', TZ), calendar)
        .filter((slot) => !slot.skipped)
        .map((slot) => ({ id: `${s.id}:${slot.slot}`, day: slot.date })),
    );
    expect(new Set(opened.map((o) => o.id)).size).toBe(opened.length);
    expect(opened.filter((o) => !calendar.isWorkday(o.day))).toEqual([]);
    expect([...opened].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...expected].sort((a, b) => a.id.localeCompare(b.id)),
    );
    // Sanity: the weekly default alone gives ~45 rounds a year.
    expect(opened.filter((o) => o.id.startsWith('weekly:')).length).toBeGreaterThan(130);
  });
});
