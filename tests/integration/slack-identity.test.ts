import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { slackUserEmail, slackUserIdForEmail } from '../../adapters/slack/identity.js';
import { saveChatIdentity } from '../../db/chat-identities.repository.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';

const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

describeEachDialect('Slack identities', (dialect) => {
  let db: TestDatabase;
  const clock = fixedClock('2026-11-23T08:00:00Z');
  const deps = () => ({
    db: db.db,
    client: new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
    clock,
    logger: createLogger('silent'),
  });

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    slack.calls.length = 0;
    slack.users.clear();
    slack.users.set('U0ANNA', { email: 'Anna.Lindqvist@example.org', name: 'Anna Lindqvist' });
  });
  afterEach(() => db.drop());

  it('finds a Slack user’s e-mail once and remembers it for a day', async () => {
    expect(await slackUserEmail(deps(), 'T0001', 'U0ANNA')).toBe('anna.lindqvist@example.org');
    expect(await slackUserEmail(deps(), 'T0001', 'U0ANNA')).toBe('anna.lindqvist@example.org');
    expect(slack.calls.filter((c) => c.method === 'users.info')).toHaveLength(1);
    clock.set('2026-11-24T08:00:01Z');
    await slackUserEmail(deps(), 'T0001', 'U0ANNA');
    expect(slack.calls.filter((c) => c.method === 'users.info')).toHaveLength(2);
  });

  it('answers without identity, and does not ask again, when Slack will not say', async () => {
    clock.set('2026-11-23T08:00:00Z');
    expect(await slackUserEmail(deps(), 'T0001', 'U0GHOST')).toBeUndefined();
    expect(await slackUserEmail(deps(), 'T0001', 'U0GHOST')).toBeUndefined();
    expect(slack.calls.filter((c) => c.method === 'users.info')).toHaveLength(1);
  });

  it('finds an owner’s Slack user by the e-mail the catalog lists', async () => {
    expect(await slackUserIdForEmail(deps(), 'T0001', 'anna.lindqvist@example.org')).toBe('U0ANNA');
    expect(await slackUserIdForEmail(deps(), 'T0001', 'anna.lindqvist@example.org')).toBe('U0ANNA');
    expect(slack.calls.filter((c) => c.method === 'users.lookupByEmail')).toHaveLength(1);
    expect(await slackUserIdForEmail(deps(), 'T0001', 'nobody@example.org')).toBeUndefined();
  });

  it('links an identity to the catalog person with the same e-mail', async () => {
    await db.db.kysely
      .insertInto('people')
      .values({
        id: 'p1',
        email: 'anna.lindqvist@example.org',
        name: 'Anna',
        organisation: null,
        locale: null,
        is_demo: 1,
        position: 0,
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
    await saveChatIdentity(
      db.db.kysely,
      {
        platform: 'slack',
        tenantId: 'T0001',
        userId: 'U0ANNA',
        email: 'Anna.Lindqvist@example.org',
        displayName: 'Anna',
      },
      'now',
    );
    const row = await db.db.kysely.selectFrom('chat_identities').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ person_id: 'p1', email: 'anna.lindqvist@example.org' });
  });
});
