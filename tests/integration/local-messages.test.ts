import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  localConversationHistory,
  markLocalMessagesSeen,
  saveLocalMessage,
} from '../../db/local-messages.repository.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

describeEachDialect('what the playground shows a person on reload', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database?.drop());

  it('their DM and every channel, oldest first (same time: by id), another person’s DM never', async () => {
    const db = database.db.kysely;
    const at = '2026-12-15T08:00:00.000Z';
    const save = (id: string, conversationId: string, when = at) =>
      saveLocalMessage(db, { id, conversationId, body: `{"id":"${id}"}` }, when, null);
    await save('m02', 'dm:peter@example.org');
    await save('m01', 'dm:peter@example.org');
    await save('m03', 'network:lag-missbruk', '2026-12-14T08:00:00.000Z');
    await save('m04', 'dm:lena@example.org');
    await save('m05', 'dm:peter@example.org', '2026-12-21T07:00:00.000Z');
    // An update keeps its place (and first time), with the new body.
    await saveLocalMessage(
      db,
      { id: 'm01', conversationId: 'dm:peter@example.org', body: '{"v":2}' },
      at,
      at,
    );
    const shown = await localConversationHistory(db, 'dm:peter@example.org');
    expect(shown.map((m) => [m.id, m.seen])).toEqual([
      ['m03', false],
      ['m01', true],
      ['m02', false],
      ['m05', false],
    ]);
    expect(shown[1]?.body).toBe('{"v":2}');
    // Only the latest are replayed when there are many.
    expect((await localConversationHistory(db, 'dm:peter@example.org', 2)).map((m) => m.id)).toEqual([
      'm02',
      'm05',
    ]);
    await markLocalMessagesSeen(db, ['m02', 'm03'], at);
    expect(
      (await localConversationHistory(db, 'dm:peter@example.org')).every((m) => m.id === 'm05' || m.seen),
    ).toBe(true);
  });
});
