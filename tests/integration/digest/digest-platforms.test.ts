import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PLAIN_CHECK_IN } from '../../../db/check-ins.repository.js';
import { CatalogView } from '../../../src/catalog/catalog-view.js';
import { fixedClock } from '../../../src/clock.js';
import { followedActivities, followedAreas } from '../../../src/digest/followed.js';
import { FakeConnector } from '../../fakes/fake-connector.js';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { textBlockTexts } from '../../support/adaptive-cards.js';
import { shippedCatalog } from '../../support/catalog.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { postSlack, slashCommand, TEST_SIGNING_SECRET } from '../../support/slack.js';
import { postActivity, teamsMessage } from '../../support/teams.js';

// A chair in Slack (LAG missbruk) and a chair in Teams (Familjecentralssamordnare) bind their
// networks in their channels; on Monday 08:00 each channel gets its digest, exceptions first.
const SLACK_CHAIR = 'lena.ekstrom@example.org';
const TEAMS_CHAIR = 'karin.holm@example.org';
const view = new CatalogView(shippedCatalog);
const followed = (id: string) => {
  const network = shippedCatalog.networks.find((n) => n.id === id);
  if (!network) throw new Error(`${id} missing`);
  return followedActivities(followedAreas(view, network));
};
const [lagBlocked, lagQuiet] = followed('lag-missbruk');
const [famRisk] = followed('familjecentralssamordnare');
const slack = new FakeSlack();
const connector = new FakeConnector();
const clock = fixedClock('2026-11-27T09:00:00Z');
let server: TestServer;

beforeAll(async () => {
  await slack.start();
  await connector.start();
  slack.users.set('U0CHAIR', { email: SLACK_CHAIR, name: 'Lena Ekström' });
  connector.members.set('29:karin', { name: 'Karin Holm', userPrincipalName: TEAMS_CHAIR });
  server = await startTestServer(
    {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DELMAL_ENV: 'test',
    },
    'sqlite',
    clock,
    { teamsServiceUrls: [connector.serviceUrl] },
  );
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
  await connector.stop();
});

const checkIn = (activityId: string, statusCode: string, note: string, at: string) =>
  server.app.db.kysely
    .insertInto('check_ins')
    .values({
      id: randomUUID(),
      activity_id: activityId,
      person_id: null,
      author_name: 'Ägare',
      status_code: statusCode,
      note,
      platform: 'slack',
      created_at: at,
      idempotency_key: null,
      ...PLAIN_CHECK_IN,
    })
    .execute();

it('delivers the Monday digest to a Slack channel and a Teams channel, exceptions first', async () => {
  if (!lagBlocked || !lagQuiet || !famRisk) throw new Error('the networks follow too few activities');

  // Slack: the chair binds LAG missbruk with /delmal in the network's channel.
  const form = 'application/x-www-form-urlencoded';
  const bind = slashCommand('natverk koppla lag-missbruk', {
    userId: 'U0CHAIR',
    responseUrl: slack.responseUrl('bind'),
  });
  const ack = await postSlack(server.base, bind, form);
  const inline = await ack.text();
  const answer = inline.trim() ? inline : JSON.stringify((await slack.waitFor('response'))[0]?.body);
  expect(answer).toContain('LAG missbruk är nu kopplat till den här kanalen');

  // Teams: delmal is installed in the team's channel; the chair binds with @delmal in a post.
  await postActivity(server.base, {
    type: 'conversationUpdate',
    id: 'install-fam',
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:karin', aadObjectId: '00000000-0000-0000-0000-0000000000c1' },
    recipient: { id: '28:delmal', name: 'delmal' },
    conversation: { id: '19:fam@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' },
    membersAdded: [{ id: '28:delmal' }],
    channelData: { team: { id: '19:team-fam@thread.tacv2' } },
  });
  const post = teamsMessage('<at>delmal</at> natverk koppla familjecentralssamordnare', {
    serviceUrl: connector.serviceUrl,
    conversationId: '19:fam@thread.tacv2;messageid=1700000000001',
    conversationType: 'channel',
    from: { id: '29:karin', aadObjectId: '00000000-0000-0000-0000-0000000000c1' },
  });
  (post as { entities?: unknown[] }).entities = [
    { type: 'mention', text: '<at>delmal</at>', mentioned: { id: '28:delmal', name: 'delmal' } },
  ];
  await postActivity(server.base, post);
  const [confirmation] = await connector.waitFor(1);
  expect(JSON.stringify(confirmation?.body)).toContain(
    'Familjecentralssamordnare är nu kopplat till den här kanalen',
  );
  await server.app.settled();

  // The week's reports: a blocker in LAG missbruk, a risk for the family centres.
  await checkIn(lagQuiet.id, 'on_track', 'Allt rullar på.', '2026-11-24T09:00:00.000Z');
  await checkIn(lagBlocked.id, 'blocked', 'Finansieringen har dragits in.', '2026-11-26T09:00:00.000Z');
  await checkIn(famRisk.id, 'at_risk', 'Två samordnare slutar.', '2026-11-25T09:00:00.000Z');

  // Monday 30 November 08:00 Stockholm: the ticker's job runs.
  clock.set('2026-11-30T07:00:20Z');
  const slackBefore = slack.delivered('chat.postMessage').length;
  const teamsBefore = connector.delivered().length;
  const run = await server.app.digests.run(clock.now());
  expect(run.sent.map((s) => s.networkId).sort()).toEqual(['familjecentralssamordnare', 'lag-missbruk']);
  await server.app.settled();

  const [slackDigest] = (await slack.waitFor('chat.postMessage', slackBefore + 1)).slice(slackBefore);
  expect(slackDigest?.body.channel).toBe('C0NETWORK');
  const blocks = JSON.stringify(slackDigest?.body.blocks);
  expect(blocks).toContain('Veckosammanfattning – LAG missbruk');
  expect(blocks).toMatch(/2 av \d+ aktiviteter har rapporterat · 1 hinder/);
  expect(blocks.indexOf('Finansieringen har dragits in.')).toBeGreaterThan(-1);
  expect(blocks.indexOf('Behöver uppmärksamhet')).toBeLessThan(blocks.indexOf('Läget per delmål'));
  expect(blocks.indexOf(lagBlocked.name)).toBeLessThan(blocks.indexOf('Allt rullar på.'));

  const teamsCalls = (await connector.waitFor(teamsBefore + 1)).slice(teamsBefore);
  const digestCall = teamsCalls.find((c) => JSON.stringify(c.body).includes('Familjecentralssamordnare'));
  expect(decodeURIComponent(digestCall?.path ?? '')).toBe('/v3/conversations/19:fam@thread.tacv2/activities');
  const texts = textBlockTexts(digestCall?.body as never).join('\n');
  expect(texts).toContain('Veckosammanfattning – Familjecentralssamordnare');
  // The two networks share activities, so the family centres see LAG missbruk's blocker too.
  expect(texts).toMatch(/\d+ av \d+ aktiviteter har rapporterat · \d+ hinder · 1 risk/);
  expect(texts).toContain('Två samordnare slutar.');
  expect(texts.indexOf('Behöver uppmärksamhet')).toBeLessThan(texts.indexOf('Läget per delmål'));

  // A second process ticking the same minute sends nothing more.
  expect((await server.app.digests.run(new Date('2026-11-30T07:01:00Z'))).sent).toEqual([]);
  await server.app.settled();
  expect(slack.delivered('chat.postMessage')).toHaveLength(slackBefore + 1);
});
