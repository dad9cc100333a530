import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailOfKnownDm } from '../../db/known-dms.repository.js';
import { saveTeamsConversation } from '../../db/teams-conversations.repository.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

// After a DM failed for good, delivery asks whose it was, to offer that person e-mail instead.
const NOW = '2026-11-20T09:00:00.000Z';
const identity = (platform: string, tenant: string, user: string, email: string, dm: string | null) => ({
  platform,
  tenant_id: tenant,
  user_id: user,
  person_id: null,
  email,
  display_name: null,
  locale: null,
  updated_at: NOW,
  conversation_id: dm,
});

describeEachDialect('whose stored DM a conversation is', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db.kysely;
    await db
      .insertInto('chat_identities')
      .values([
        identity('slack', 'T0001', 'U0NADIA', 'nadia.karimi@example.org', 'D0NADIA'),
        identity('teams', 'tenant-1', 'aad-karin', 'karin.holm@example.org', null),
      ])
      .execute();
    const teams = { serviceUrl: 'https://smba.example', tenantId: 'tenant-1', teamId: undefined };
    await saveTeamsConversation(
      db,
      { ...teams, conversationId: 'a:karin', conversationType: 'personal', userAadObjectId: 'aad-karin' },
      NOW,
    );
    await saveTeamsConversation(
      db,
      {
        ...teams,
        conversationId: '19:fam@thread.tacv2',
        conversationType: 'channel',
        userAadObjectId: 'aad-karin',
      },
      NOW,
    );
  });
  afterAll(async () => database?.drop());

  it('is the Slack identity’s with that DM channel, the Teams identity’s of that personal conversation, and no one’s for a channel or another workspace', async () => {
    const owner = (platform: string, workspaceId: string, conversationId: string) =>
      emailOfKnownDm(database.db.kysely, { platform, workspaceId, conversationId });
    expect(await owner('slack', 'T0001', 'D0NADIA')).toBe('nadia.karimi@example.org');
    expect(await owner('teams', 'tenant-1', 'a:karin')).toBe('karin.holm@example.org');
    expect(await owner('teams', 'tenant-1', '19:fam@thread.tacv2')).toBeUndefined();
    expect(await owner('slack', 'T0002', 'D0NADIA')).toBeUndefined();
    expect(await owner('slack', 'T0001', 'C0NETWORK')).toBeUndefined();
  });
});
