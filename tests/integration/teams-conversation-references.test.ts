import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConversationReferences } from '../../adapters/teams/conversation-references.js';
import { findTeamsConversation } from '../../db/teams-conversations.repository.js';
import { fixedClock } from '../../src/clock.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const reference = (conversationId: string, serviceUrl: string) => ({
  conversationId,
  serviceUrl,
  tenantId: 'tenant-1',
  conversationType: 'personal',
  userAadObjectId: undefined,
  teamId: undefined,
});

// Where a Teams conversation is reached: stored for every replica, remembered in the process that
// learnt it, and what another replica stored seen once the remembered one is ten minutes old.
describeEachDialect('Teams conversation references', (dialect) => {
  let test: TestDatabase;
  let now = 0;
  let references: ConversationReferences;

  beforeEach(async () => {
    test = await createTestDatabase(dialect);
    now = 0;
    references = new ConversationReferences(test.db, fixedClock('2026-12-07T08:00:00Z'), () => now);
  });
  afterEach(() => test.drop());

  it('stores where a conversation lives and answers there', async () => {
    await references.remember(reference('a:chat', 'https://smba.trafficmanager.net/emea/'));
    expect(await findTeamsConversation(test.db.kysely, 'a:chat')).toMatchObject({
      service_url: 'https://smba.trafficmanager.net/emea/',
    });
    expect(await references.serviceUrl('a:chat')).toBe('https://smba.trafficmanager.net/emea/');
  });

  it('finds a conversation another replica stored, and knows none it never saw', async () => {
    const other = new ConversationReferences(test.db, fixedClock('2026-12-07T08:00:00Z'));
    await other.remember(reference('a:chat', 'https://smba.trafficmanager.net/emea/'));
    expect(await references.serviceUrl('a:chat')).toBe('https://smba.trafficmanager.net/emea/');
    expect(await references.serviceUrl('a:never')).toBeUndefined();
  });

  it('sees a service URL another replica stored once what it remembers is ten minutes old', async () => {
    await references.remember(reference('a:chat', 'https://smba.trafficmanager.net/emea/'));
    const other = new ConversationReferences(test.db, fixedClock('2026-12-07T08:00:00Z'));
    await other.remember(reference('a:chat', 'https://smba.trafficmanager.net/amer/'));
    now += 9 * 60_000;
    expect(await references.serviceUrl('a:chat')).toBe('https://smba.trafficmanager.net/emea/');
    now += 60_000;
    expect(await references.serviceUrl('a:chat')).toBe('https://smba.trafficmanager.net/amer/');
  });

  it('stores a conversation again after ten minutes when its row was deleted meanwhile (data erased)', async () => {
    await references.remember(reference('a:chat', 'https://smba.trafficmanager.net/emea/'));
    await test.db.kysely.deleteFrom('teams_conversations').execute();
    await references.remember(reference('a:chat', 'https://smba.trafficmanager.net/emea/'));
    expect(await findTeamsConversation(test.db.kysely, 'a:chat')).toBeUndefined();
    now += 10 * 60_000;
    await references.remember(reference('a:chat', 'https://smba.trafficmanager.net/emea/'));
    expect(await findTeamsConversation(test.db.kysely, 'a:chat')).toMatchObject({
      service_url: 'https://smba.trafficmanager.net/emea/',
    });
  });

  it('stores a new service URL for a conversation it knew at another', async () => {
    await references.remember(reference('a:chat', 'https://smba.trafficmanager.net/emea/'));
    await references.remember(reference('a:chat', 'https://smba.trafficmanager.net/amer/'));
    expect(await findTeamsConversation(test.db.kysely, 'a:chat')).toMatchObject({
      service_url: 'https://smba.trafficmanager.net/amer/',
    });
  });
});
