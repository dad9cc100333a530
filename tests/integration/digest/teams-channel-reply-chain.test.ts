import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { PLAIN_CHECK_IN } from '../../../db/check-ins.repository.js';
import { fixedClock } from '../../../src/clock.js';
import { FakeConnector } from '../../fakes/fake-connector.js';
import { textBlockTexts } from '../../support/adaptive-cards.js';
import { describeEachDialect } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { postActivity, teamsMessage } from '../../support/teams.js';

// A chair binds her network with @delmal in a post of a Teams channel whose install event delmal
// never saw (installed before delmal stored conversations, or the event was lost). The post's
// conversation id carries its reply chain; the digest must still reach the channel itself.
const CHANNEL = '19:fam@thread.tacv2';
const KARIN = { id: '29:karin', aadObjectId: '00000000-0000-0000-0000-0000000000c1' };
const connector = new FakeConnector();
beforeAll(async () => {
  await connector.start();
  connector.members.set(KARIN.id, { name: 'Karin Holm', userPrincipalName: 'karin.holm@example.org' });
});
afterAll(() => connector.stop());

describeEachDialect('a Teams channel bound from a reply chain, no install event seen', (dialect) => {
  const clock = fixedClock('2026-11-27T09:00:00Z');
  let server: TestServer;
  beforeEach(async () => {
    connector.calls.length = 0;
    clock.set('2026-11-27T09:00:00Z');
    server = await startTestServer({}, dialect, clock, { teamsServiceUrls: [connector.serviceUrl] });
  });
  afterEach(() => server.stop());

  it('gets the Monday digest in the channel; answers in the thread stay in the thread', async () => {
    const post = teamsMessage('<at>delmal</at> natverk koppla familjecentralssamordnare', {
      serviceUrl: connector.serviceUrl,
      conversationId: `${CHANNEL};messageid=1700000000001`,
      conversationType: 'channel',
      from: KARIN,
    });
    (post as { entities?: unknown[] }).entities = [
      { type: 'mention', text: '<at>delmal</at>', mentioned: { id: '28:delmal', name: 'delmal' } },
    ];
    await postActivity(server.base, post);
    const [confirmation] = await connector.waitFor(1);
    expect(JSON.stringify(confirmation?.body)).toContain(
      'Familjecentralssamordnare är nu kopplat till den här kanalen',
    );
    // The answer to the post went into its thread.
    expect(decodeURIComponent(confirmation?.path ?? '')).toBe(
      `/v3/conversations/${CHANNEL};messageid=1700000000001/activities`,
    );
    await server.app.settled();

    const activity = await server.app.db.kysely
      .selectFrom('activity_owners')
      .select('activity_id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await server.app.db.kysely
      .insertInto('check_ins')
      .values({
        id: randomUUID(),
        activity_id: activity.activity_id,
        person_id: null,
        author_name: 'Ägare',
        status_code: 'at_risk',
        note: 'Två samordnare slutar.',
        platform: 'teams',
        created_at: '2026-11-25T09:00:00.000Z',
        idempotency_key: null,
        ...PLAIN_CHECK_IN,
      })
      .execute();

    // Monday 30 November 08:00 Stockholm.
    clock.set('2026-11-30T07:00:20Z');
    const before = connector.calls.length;
    const run = await server.app.digests.run(clock.now());
    expect(run.sent.map((s) => s.networkId)).toEqual(['familjecentralssamordnare']);
    await server.app.settled();
    const calls = connector.calls.slice(before);
    expect(calls.map((c) => [decodeURIComponent(c.path), c.status])).toEqual([
      [`/v3/conversations/${CHANNEL}/activities`, 200],
    ]);
    expect(textBlockTexts(calls[0]?.body).join('\n')).toContain(
      'Veckosammanfattning – Familjecentralssamordnare',
    );
    const failed = await server.app.db.kysely
      .selectFrom('outbox_items')
      .select(['failure_reason'])
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);
  });
});
