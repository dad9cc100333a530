import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { shippedCatalog } from '../support/catalog.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { eventCallback, postSlack, slashCommand, TEST_SIGNING_SECRET } from '../support/slack.js';
import { postActivity, teamsMessage } from '../support/teams.js';

// Two owners of CROSS: one works in Slack, the other in Teams. One database serves both.
const cross = shippedCatalog.activities.find((a) => a.id === 'cross');
const [slackOwner = '', teamsOwner = ''] = cross?.owners ?? [];
const nameOf = (email: string) => shippedCatalog.people.find((p) => p.email === email)?.name ?? email;
const slack = new FakeSlack();
const connector = new FakeConnector();
let server: TestServer;

beforeAll(async () => {
  await slack.start();
  await connector.start();
  slack.users.set('U0SLACKOWNER', { email: slackOwner, name: nameOf(slackOwner) });
  connector.members.set('29:teams-owner', { name: nameOf(teamsOwner), userPrincipalName: teamsOwner });
  server = await startTestServer(
    {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DELMAL_ENV: 'test',
    },
    'sqlite',
    systemClock,
    { teamsServiceUrls: [connector.serviceUrl] },
  );
});
afterAll(async () => {
  await server?.stop();
  await slack.stop();
  await connector.stop();
});

const fromTeams = (text: string) => {
  const activity = teamsMessage(text, { serviceUrl: connector.serviceUrl, conversationId: 'a:teams-owner' });
  (activity.from as { id: string }).id = '29:teams-owner';
  (activity.from as { aadObjectId: string }).aadObjectId = '00000000-0000-0000-0000-0000000000b2';
  return activity;
};

it('lets a Slack owner and a Teams owner of the same activity see each other’s check-ins', async () => {
  // The Slack owner checks in from a DM.
  await postSlack(
    server.base,
    eventCallback(
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0OWNER',
        user: 'U0SLACKOWNER',
        text: 'delmal avstamning cross risk Enkäten är försenad.',
        ts: '1',
      },
      'Ev0CROSS1',
    ),
    'application/json',
  );
  const [thanks] = await slack.waitFor('chat.postMessage');
  expect(String(thanks?.body.text)).toMatch(/^Tack! Registrerat .* — Risk för avvikelse$/);

  // The Teams owner, known by the roster's UPN, reads it …
  await postActivity(server.base, fromTeams('delmal aktivitet cross'));
  const [seen] = await connector.waitFor();
  const card = JSON.stringify(((seen?.body.attachments as { content: object }[]) ?? [])[0]?.content);
  expect(card).toContain('Risk för avvikelse');
  expect(card).toContain('Enkäten är försenad.');
  expect(card).toContain(nameOf(slackOwner));

  // … and checks in from Teams.
  await postActivity(server.base, fromTeams('delmal avstamning cross enligt Enkäten är ute nu.'));
  const saved = await connector.waitFor(2);
  expect(
    textBlockTexts(((saved[1]?.body.attachments as { content: object }[]) ?? [])[0]?.content).join(' '),
  ).toMatch(/Tack! Registrerat \d\d:\d\d — Enligt plan/);

  // The Slack owner sees the Teams check-in.
  const response = await postSlack(
    server.base,
    slashCommand('aktivitet cross', { responseUrl: slack.responseUrl('x'), userId: 'U0SLACKOWNER' }),
    'application/x-www-form-urlencoded',
  );
  const answer = JSON.stringify(await response.json());
  expect(answer).toContain('Enligt plan');
  expect(answer).toContain('Enkäten är ute nu.');
  expect(answer).toContain(nameOf(teamsOwner));

  const stored = await server.app.db.kysely
    .selectFrom('check_ins')
    .select(['platform', 'author_name', 'status_code'])
    .orderBy('created_at')
    .execute();
  expect(stored).toEqual([
    { platform: 'slack', author_name: nameOf(slackOwner), status_code: 'at_risk' },
    { platform: 'teams', author_name: nameOf(teamsOwner), status_code: 'on_track' },
  ]);
});
