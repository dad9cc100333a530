import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCheckIn } from '../../db/check-ins.repository.js';
import { fixedClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { shippedCatalog } from '../support/catalog.js';
import { createSeededTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { blockAction, postSlack, TEST_SIGNING_SECRET, viewSubmission } from '../support/slack.js';
import { postActivity, teamsCardAction } from '../support/teams.js';

const crossOwner = shippedCatalog.activities.find((a) => a.id === 'cross')?.owners[0] ?? '';
const form = 'application/x-www-form-urlencoded';

describeEachDialect('the same check-in submitted twice', (dialect) => {
  describe('in the repository', () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await createSeededTestDatabase(dialect);
    });
    afterEach(() => db.drop());

    const checkIn = (note: string, key?: string) => ({
      activityId: 'cross',
      personId: null,
      authorName: 'Ägare',
      statusCode: 'on_track',
      note,
      platform: 'slack',
      ...(key ? { idempotencyKey: key } : {}),
    });

    it('records one check-in per key, even when both arrive at once, and returns the first each time', async () => {
      const [a, b] = await Promise.all([
        insertCheckIn(db.db.kysely, checkIn('först', 'slack:T1:k1'), '2026-11-23T08:00:00.000Z'),
        insertCheckIn(db.db.kysely, checkIn('först', 'slack:T1:k1'), '2026-11-23T08:00:01.000Z'),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.row).toEqual(b.row);
      const later = await insertCheckIn(
        db.db.kysely,
        checkIn('igen', 'slack:T1:k1'),
        '2026-11-24T08:00:00.000Z',
      );
      expect(later).toEqual({ row: a.row, created: false, counted: false });
      // Without a key (older rows, the CLI) nothing is deduplicated.
      await insertCheckIn(db.db.kysely, checkIn('utan nyckel'), '2026-11-24T09:00:00.000Z');
      await insertCheckIn(db.db.kysely, checkIn('utan nyckel'), '2026-11-24T09:00:00.000Z');
      const rows = await db.db.kysely.selectFrom('check_ins').select(['note', 'idempotency_key']).execute();
      expect(rows.map((r) => r.note).sort()).toEqual(['först', 'utan nyckel', 'utan nyckel']);
    });
  });

  describe('through the real routes', () => {
    const slack = new FakeSlack();
    const connector = new FakeConnector();
    const clock = fixedClock('2026-11-23T08:14:00Z');
    let server: TestServer;

    beforeAll(async () => {
      await slack.start();
      await connector.start();
      slack.users.set('U0CROSS', { email: crossOwner, name: 'Ägare' });
      connector.members.set('29:owner-1', { name: 'Ägare', email: crossOwner });
      server = await startTestServer(
        {
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
        },
        dialect,
        clock,
        { teamsServiceUrls: [connector.serviceUrl] },
      );
    });
    afterAll(async () => {
      await server?.stop();
      await slack.stop();
      await connector.stop();
    });
    beforeEach(async () => {
      slack.calls.length = 0;
      connector.calls.length = 0;
      clock.set('2026-11-23T08:14:00Z');
      await server.app.db.kysely.deleteFrom('check_ins').execute();
    });

    const stored = () =>
      server.app.db.kysely
        .selectFrom('check_ins')
        .select(['status_code', 'platform', 'created_at'])
        .execute();

    it('Slack: a double click on a status button records one check-in and confirms the same', async () => {
      // Two payloads, as a double click sends them: same button on the same message, new triggers.
      const click = () =>
        blockAction(
          { actionId: 'delmal_cmd_2', value: 'delmal avstamning cross on_track' },
          {
            responseUrl: slack.responseUrl('click'),
            ephemeral: false,
            userId: 'U0CROSS',
            channel: 'D0CROSS',
          },
        );
      expect((await postSlack(server.base, click(), form)).status).toBe(200);
      await slack.waitFor('chat.postMessage', 1);
      clock.set('2026-11-23T09:45:00Z');
      expect((await postSlack(server.base, click(), form)).status).toBe(200);
      const [first, second] = await slack.waitFor('chat.postMessage', 2);
      // 08:14 UTC is 09:14 in Stockholm: the second answer names the first check-in, not 10:45.
      expect(String(first?.body.text)).toBe('Tack! Registrerat 09:14 — Enligt plan');
      expect(second?.body.text).toBe(first?.body.text);
      expect(await stored()).toEqual([
        { status_code: 'on_track', platform: 'slack', created_at: '2026-11-23T08:14:00.000Z' },
      ]);
    });

    it('Slack: the check-in modal submitted twice records one check-in and thanks once', async () => {
      const submission = viewSubmission({ userId: 'U0CROSS', activityId: 'cross', status: 'at_risk' });
      expect((await postSlack(server.base, submission, form)).status).toBe(200);
      await slack.waitFor('chat.postMessage', 1);
      clock.set('2026-11-23T08:20:00Z');
      expect((await postSlack(server.base, submission, form)).status).toBe(200);
      await slack.waitFor('views.publish', 2);
      expect(slack.delivered('chat.postMessage').map((c) => c.body.text)).toEqual([
        'CROSS: Tack! Registrerat 09:14 — Risk för avvikelse',
      ]);
      expect(await stored()).toHaveLength(1);
    });

    it('Teams: the same card button pressed twice (two invokes) records one check-in, same card', async () => {
      const press = (id: string) => ({
        ...teamsCardAction(
          { command: 'delmal avstamning cross hinder' },
          {
            serviceUrl: connector.serviceUrl,
            conversationId: 'a:owner',
            from: { id: '29:owner-1', aadObjectId: '00000000-0000-0000-0000-0000000000c3' },
            id,
          },
        ),
        replyToId: 'activity-prompt-1',
      });
      const cardText = async (id: string) => {
        const response = await postActivity(server.base, press(id));
        expect(response.status).toBe(200);
        return textBlockTexts(((await response.json()) as { value: object }).value).join(' ');
      };
      const first = await cardText('invoke-1');
      clock.set('2026-11-23T10:00:00Z');
      const second = await cardText('invoke-2');
      expect(first).toMatch(/Tack! Registrerat 09:14 — Hinder \/ avvikelse/);
      expect(second).toBe(first);
      expect(await stored()).toEqual([
        { status_code: 'blocked', platform: 'teams', created_at: '2026-11-23T08:14:00.000Z' },
      ]);
    });

    it('playground: a card’s button sent twice with its form token records one check-in', async () => {
      const press = (formToken: string) =>
        fetch(`${server.base}/playground/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            as: crossOwner,
            conversation: 'dm',
            text: 'delmal avstamning cross enligt',
            formToken,
          }),
        }).then((r) => r.json() as Promise<{ reply: { summary: string } }>);
      const token = '5b0f3c52-7d7e-4a53-9c55-0f2f4b1f6a01';
      const first = await press(token);
      clock.set('2026-11-23T11:00:00Z');
      expect((await press(token)).reply.summary).toBe(first.reply.summary);
      expect(await stored()).toHaveLength(1);
      // Another card (another token) is another submission.
      await press('5b0f3c52-7d7e-4a53-9c55-0f2f4b1f6a02');
      expect(await stored()).toHaveLength(2);
    });
  });
});
