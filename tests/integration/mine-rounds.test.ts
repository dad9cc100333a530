import { afterEach, beforeEach, expect, it } from 'vitest';
import { homeReply } from '../../commands/home.js';
import { COMMANDS } from '../../commands/index.js';
import { type ChatDeps, commandContext, handleMessage } from '../../src/asking/handle-message.js';
import { localInbound } from '../../src/chat/inbound-schema.js';
import { databaseCheckIns } from '../../src/checkins/check-in-service.js';
import { databaseOwnerRounds } from '../../src/checkins/owner-rounds.js';
import { createLogger } from '../../src/logger.js';
import { SwedishCalendar } from '../../src/schedule/calendar.js';
import { CatalogStore } from '../../src/search/catalog-store.js';
import { visibleText } from '../support/catalog.js';
import { type RoundHarness, roundHarness } from '../support/check-in-rounds.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const ANNA = 'anna@example.se'; // owns a1 and a2; the schedule asks every Monday 09:00

describeEachDialect('delmal mina shows the owner’s rounds', (dialect) => {
  let test: TestDatabase;
  let h: RoundHarness;
  let chat: ChatDeps;
  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    h = await roundHarness(test.db);
    chat = {
      store: new CatalogStore(test.db),
      checkIns: databaseCheckIns(test.db, h.clock),
      commands: COMMANDS,
      home: homeReply,
      clock: h.clock,
      logger: createLogger('silent'),
      timezone: 'Europe/Stockholm',
      rounds: databaseOwnerRounds(test.db, h.clock, new SwedishCalendar('sv')),
    };
  });
  afterEach(() => test.drop());

  const say = async (text: string) => {
    const asker = { email: ANNA, locale: 'sv' as const };
    return visibleText(await handleMessage(chat, localInbound(text, asker), asker));
  };

  it('says when the next round asks, in Stockholm time, before any round has opened', async () => {
    h.clock.set('2026-11-04T12:00:00Z'); // a Wednesday
    const text = await say('delmal mina');
    expect(text).toContain('Nästa avstämning: 9 nov. 2026 09:00.');
    expect(text).not.toContain('inte schemalagda');
    expect(text).not.toContain('Väntar på ditt svar');
  });

  it('lists the open questions with their deadline until they are answered, then the next round', async () => {
    await h.tick('2026-11-09T08:00:30.000Z'); // Monday 09:00:30 Stockholm
    h.clock.set('2026-11-09T10:00:00Z');
    const open = await say('delmal mina');
    expect(open).toContain('Väntar på ditt svar (2)');
    expect(open).toContain('Aktivitet ett | svara senast 11 november 2026');
    expect(open).toContain('Aktivitet två | svara senast 11 november 2026');
    expect(open).toContain('Nästa avstämning: 16 nov. 2026 09:00.');
    // Slack's App Home says the same, not a fixed "inte schemalagd än".
    const home = visibleText(await homeReply(await commandContext(chat, { email: ANNA, locale: 'sv' })));
    expect(home).toContain('Väntar på ditt svar (2)');
    expect(home).toContain('Nästa avstämning: 16 nov. 2026 09:00.');
    expect(home).not.toContain('inte schemalagd');

    expect(await say('delmal avstamning aktivitet ett bra')).toContain('Går bra');
    const after = await say('delmal mina');
    expect(after).toContain('Väntar på ditt svar (1)');
    expect(after).not.toMatch(/Aktivitet ett \| svara senast/);
  });
});
