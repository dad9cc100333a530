import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { PLAIN_CHECK_IN } from '../../../db/check-ins.repository.js';
import { CatalogView } from '../../../src/catalog/catalog-view.js';
import { fixedClock } from '../../../src/clock.js';
import { followedActivities, followedAreas } from '../../../src/digest/followed.js';
import { FakeSlack, type RecordedCall } from '../../fakes/fake-slack.js';
import { shippedCatalog } from '../../support/catalog.js';
import { describeEachDialect } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { postSlack, slackEnv, slashCommand } from '../../support/slack.js';

// A busy week in LAG missbruk: more updates than the digest shows inline. In Slack, which cannot
// expand text inline, the details follow in a thread under the Monday digest.
const CHAIR = 'lena.ekstrom@example.org';
const network = shippedCatalog.networks.find((n) => n.id === 'lag-missbruk');
if (!network) throw new Error('lag-missbruk missing');
const followed = followedActivities(followedAreas(new CatalogView(shippedCatalog), network));
const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

const buttons = (call: RecordedCall | undefined) =>
  (
    (call?.body.blocks as {
      type: string;
      elements?: { value?: string }[];
      accessory?: { value?: string };
    }[]) ?? []
  )
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .map((e) => e.value)
    .filter((v): v is string => typeof v === 'string');

describeEachDialect('a Slack digest’s details in its thread', (dialect) => {
  const clock = fixedClock('2026-11-27T09:00:00Z');
  let server: TestServer;
  beforeEach(async () => {
    slack.calls.length = 0;
    slack.messages.clear();
    slack.users.set('U0CHAIR', { email: CHAIR, name: 'Lena Ekström' });
    clock.set('2026-11-27T09:00:00Z');
    server = await startTestServer(slackEnv(slack), dialect, clock);
  });
  afterEach(() => server.stop());

  it('posts the digest, then every update in its thread, once', async () => {
    const bind = slashCommand('natverk koppla lag-missbruk', {
      userId: 'U0CHAIR',
      responseUrl: slack.responseUrl('b'),
    });
    expect((await postSlack(server.base, bind, 'application/x-www-form-urlencoded')).status).toBe(200);
    await server.app.settled();
    expect(followed.length).toBeGreaterThan(9);
    for (const [i, activity] of followed.slice(0, 10).entries())
      await server.app.db.kysely
        .insertInto('check_ins')
        .values({
          id: randomUUID(),
          activity_id: activity.id,
          person_id: null,
          author_name: 'Ägare',
          status_code: 'on_track',
          note: `Uppdatering nummer ${i + 1}.`,
          platform: 'slack',
          created_at: `2026-11-2${4 + (i % 3)}T09:00:00.000Z`,
          idempotency_key: null,
          ...PLAIN_CHECK_IN,
        })
        .execute();

    clock.set('2026-11-30T07:00:20Z');
    const before = slack.delivered('chat.postMessage').length;
    await server.app.digests.run(clock.now());
    await server.app.settled();
    // Slack takes about one message a second per channel: the thread's turn comes a moment later.
    clock.set('2026-11-30T07:00:25Z');
    await server.app.settled();
    const posts = slack.delivered('chat.postMessage').slice(before);
    expect(posts.map((p) => p.body.channel)).toEqual(['C0NETWORK', 'C0NETWORK']);
    const [digest, details] = posts;
    const digestText = JSON.stringify(digest?.body.blocks);
    expect(digestText).toContain('Veckosammanfattning – LAG missbruk');
    expect(digestText).toContain('i tråden under det här meddelandet');
    expect(buttons(digest)).not.toContain('delmal digest lag-missbruk detaljer');
    // The details answer in the digest's thread, with every update of the week.
    const [posted] = slack.messages.get('C0NETWORK') ?? [];
    expect(details?.body.thread_ts).toBe(posted?.ts);
    const detailsText = JSON.stringify(details?.body.blocks);
    expect(detailsText).toContain('Detaljer – LAG missbruk');
    for (let i = 1; i <= 10; i++) expect(detailsText).toContain(`Uppdatering nummer ${i}.`);

    // Another run (another process) the same minute: nothing more, in the channel or the thread.
    clock.set('2026-11-30T07:01:00Z');
    await server.app.digests.run(clock.now());
    await server.app.settled();
    expect(slack.delivered('chat.postMessage')).toHaveLength(before + 2);
  });
});
