import { afterEach, beforeEach, expect, it } from 'vitest';
import { homeReply } from '../../commands/home.js';
import { COMMANDS } from '../../commands/index.js';
import { awayPeriodsOf, markCaughtUp, personIdByEmail } from '../../db/away.repository.js';
import { handleMessage } from '../../src/asking/handle-message.js';
import { localInbound } from '../../src/chat/inbound-schema.js';
import { renderText } from '../../src/chat/render-text.js';
import { databaseCheckIns } from '../../src/checkins/check-in-service.js';
import { fixedClock } from '../../src/clock.js';
import { translator } from '../../src/i18n/i18n.js';
import { createLogger } from '../../src/logger.js';
import { awayOn, catchUpDue } from '../../src/schedule/away.js';
import { databaseAway } from '../../src/schedule/away-service.js';
import { CatalogStore } from '../../src/search/catalog-store.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const OWNER = 'maria.sandberg@example.org';
const TZ = 'Europe/Stockholm';

describeEachDialect('away and back', (dialect) => {
  let db: TestDatabase;
  // Tuesday 2027-08-03, 10:00 in Stockholm.
  const clock = fixedClock('2027-08-03T08:00:00Z');
  const say = async (text: string, locale: 'sv' | 'en' = 'sv', email = OWNER) => {
    const reply = await handleMessage(
      {
        store: new CatalogStore(db.db),
        checkIns: databaseCheckIns(db.db, clock),
        away: databaseAway(db.db, clock, TZ),
        commands: COMMANDS,
        home: homeReply,
        clock,
        logger: createLogger('silent'),
        timezone: TZ,
      },
      localInbound(text, { email }),
      { email, locale },
    );
    return renderText(reply, translator(locale));
  };
  const periods = async () => awayPeriodsOf(db.db.kysely, (await personIdByEmail(db.db.kysely, OWNER)) ?? '');

  beforeEach(async () => {
    db = await createSeededTestDatabase(dialect);
    clock.set('2027-08-03T08:00:00Z');
  });
  afterEach(() => db.drop());

  it('marks an owner away until a date written the Swedish way, shows it in mina, and back again', async () => {
    expect(await say('delmal borta 10 augusti semester')).toContain(
      'Du är borta till och med 10 augusti 2027. Du får inga avstämningsfrågor under tiden',
    );
    expect(await periods()).toMatchObject([{ from: '2027-08-03', until: '2027-08-10', note: 'semester' }]);
    expect(await say('delmal mina')).toContain(
      'Du är borta till och med 10 augusti 2027: inga avstämningsfrågor.',
    );
    // Marking again changes the same absence (one absence, one catch-up), here with day/month.
    expect(await say('delmal borta 12/8')).toContain('till och med 12 augusti 2027');
    expect(await periods()).toHaveLength(1);
    expect((await periods())[0]?.until).toBe('2027-08-12');

    clock.set('2027-08-05T12:00:00Z');
    expect(await say('delmal tillbaka')).toContain('Välkommen tillbaka!');
    expect(await say('delmal mina')).not.toContain('borta');
    expect(await say('delmal tillbaka')).toContain('Du är inte markerad som borta');
    const [period] = await periods();
    expect(period && awayOn([period], '2027-08-04', TZ)).toBeDefined();
    expect(period && awayOn([period], '2027-08-05', TZ)).toBeUndefined();
  });

  it('answers in English too, with an ISO date', async () => {
    expect(await say('delmal away 2027-09-01', 'en')).toContain(
      'You are away until 1 September 2027 inclusive.',
    );
  });

  it('refuses a note with a personal identity number, a past date, a date too far and gibberish — storing nothing', async () => {
    expect(await say('delmal borta 2027-08-10 ring 19850709-9805 om något')).toContain(
      'Anteckningen innehåller ett personnummer',
    );
    expect(await say('delmal borta 2027-08-01')).toContain('1 augusti 2027 har redan varit');
    expect(await say('delmal borta 2029-01-01')).toContain('högst ett år framåt');
    expect(await say('delmal borta snart')).toContain('Jag förstår inte datumet "snart"');
    expect(await say('delmal borta')).toContain('ange sista dagen du är borta');
    expect(await say('delmal borta 2027-08-10', 'sv', 'okand@example.org')).toContain(
      'Jag hittar ingen person med adressen okand@example.org',
    );
    expect(await periods()).toEqual([]);
  });

  it('one catch-up prompt is due after an absence that covered a slot, and only once', async () => {
    await say('delmal borta 2027-08-10');
    const tuesdays = new Set(['2027-08-10']);
    const missed = (from: string, to: string) => [...tuesdays].some((d) => d >= from && d <= to);
    const [period] = await periods();
    if (!period) throw new Error('no absence stored');
    expect(catchUpDue([period], new Date('2027-08-10T12:00:00Z'), TZ, missed)).toBeUndefined();
    expect(catchUpDue([period], new Date('2027-08-11T06:00:00Z'), TZ, missed)?.id).toBe(period.id);
    // An absence during which no slot fell needs no catch-up.
    expect(catchUpDue([period], new Date('2027-08-11T06:00:00Z'), TZ, () => false)).toBeUndefined();
    expect(await markCaughtUp(db.db.kysely, period.id, '2027-08-11T07:00:00Z')).toBe(true);
    expect(await markCaughtUp(db.db.kysely, period.id, '2027-08-11T07:00:01Z')).toBe(false);
    expect(catchUpDue(await periods(), new Date('2027-08-12T06:00:00Z'), TZ, missed)).toBeUndefined();
  });
});
