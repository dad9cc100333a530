import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';
import { CatalogStore } from '../../../src/search/catalog-store.js';
import { FakeConnector } from '../../fakes/fake-connector.js';
import { FakeSlack } from '../../fakes/fake-slack.js';
import { delmal } from '../../support/cli.js';
import { describeEachDialect } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { postSlack, slackEnv, viewSubmission } from '../../support/slack.js';
import { postActivity, teamsMessage } from '../../support/teams.js';
import { until } from '../../support/wait.js';

const FORM = 'application/x-www-form-urlencoded';
const NOTE = 'Lokalen i Laxå är inte klar.';
const SLACK_ID = 'abc-slack-4f1d2c7e-0001';
const TEAMS_ID = 'abc-teams-4f1d2c7e-0002';

/**
 * The audit log and the logs name the same request: an edit made through Slack or Teams is
 * recorded with the id the HTTP layer gave its request (the load balancer's `x-request-id` when
 * well-formed, else a new one, sent back in the response), and that request's log line has it too.
 */
describeEachDialect('the request id, from the HTTP request to the audit log', (dialect) => {
  const slack = new FakeSlack();
  const connector = new FakeConnector();
  const lines: Record<string, unknown>[] = [];
  let server: TestServer;
  let owner = '';
  const clock = fixedClock('2026-11-23T08:14:00Z');

  beforeAll(async () => {
    await slack.start();
    await connector.start();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    server = await startTestServer(slackEnv(slack), dialect, clock, {
      teamsServiceUrls: [connector.serviceUrl],
      logger: createLogger('info', stream),
    });
    const { view } = await new CatalogStore(server.app.db).get();
    owner = view.activities.get('cross')?.owners[0] ?? '';
    slack.users.set('U0CROSS', { email: owner, name: 'Ägare' });
    connector.members.set('29:owner-1', { name: 'Ägare', email: owner });
    // The check-in to edit (a request without an id of its own).
    const first = await postSlack(
      server.base,
      viewSubmission({ userId: 'U0CROSS', activityId: 'cross', status: 'on_track' }),
      FORM,
    );
    expect(first.status).toBe(200);
    // Its confirmation, sent after the ack, is out of the way of the tests' scripted failures.
    await slack.waitFor('chat.postMessage', 1);
  });
  afterAll(async () => {
    await server?.stop();
    await slack.stop();
    await connector.stop();
  });

  const auditRow = (requestId: string) =>
    server.app.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'platform', 'activity_id', 'request_id'])
      .where('request_id', '=', requestId)
      .execute();
  const loggedFor = (requestId: string) => lines.filter((l) => l.requestId === requestId);
  /** What `delmal audit` shows of the entry with `requestId`, as text and as JSON. */
  const auditCli = async (requestId: string) => {
    const env = { DATABASE_URL: server.url };
    const text = await delmal(['audit', '--activity', 'cross'], env);
    expect(text.code, text.stderr).toBe(0);
    const json = await delmal(['audit', '--activity', 'cross', '--format', 'json'], env);
    const entries = JSON.parse(json.stdout) as { requestId: string; action: string; platform: string }[];
    return {
      line: text.stdout.split('\n').find((l) => l.endsWith(`· begäran ${requestId}`)),
      json: entries.filter((e) => e.requestId === requestId).map((e) => `${e.action} ${e.platform}`),
    };
  };
  /** Nothing anyone wrote, and nobody's address, is in the logs. */
  const logsArePlain = () => {
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('Laxå');
    expect(logged).not.toContain(owner);
  };

  it('Slack: a check-in edited in the modal carries the x-request-id into the audit row and the log', async () => {
    const response = await postSlack(
      server.base,
      viewSubmission({
        userId: 'U0CROSS',
        activityId: 'cross',
        status: 'at_risk',
        note: NOTE,
        mode: 'edit',
        viewId: 'V0SLACKEDIT',
      }),
      FORM,
      { headers: { 'x-request-id': SLACK_ID } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(SLACK_ID);
    expect(await auditRow(SLACK_ID)).toEqual([
      { action: 'checkin.edit', platform: 'slack', activity_id: 'cross', request_id: SLACK_ID },
    ]);
    await until(() => loggedFor(SLACK_ID).length > 0, 'the request’s log line');
    expect(loggedFor(SLACK_ID)).toContainEqual(
      expect.objectContaining({ route: 'POST /slack/events', status: 200, msg: 'http request answered' }),
    );
    const shown = await auditCli(SLACK_ID);
    expect(shown.line).toContain(`checkin.edit · ${owner} · slack · check_in`);
    expect(shown.json).toEqual(['checkin.edit slack']);
    logsArePlain();
  });

  it('Teams: a check-in edited from a card form carries the x-request-id into the audit row and the log', async () => {
    const before = connector.delivered().length;
    const activity = teamsMessage('', {
      serviceUrl: connector.serviceUrl,
      conversationId: 'a:owner',
      from: { id: '29:owner-1', aadObjectId: '00000000-0000-0000-0000-0000000000c3' },
      value: { command: 'delmal andra cross hinder', form: 'f1', 'f1.note': NOTE },
    });
    const response = await postActivity(server.base, activity, { 'x-request-id': TEAMS_ID });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(TEAMS_ID);
    await connector.waitFor(before + 1);
    expect(await auditRow(TEAMS_ID)).toEqual([
      { action: 'checkin.edit', platform: 'teams', activity_id: 'cross', request_id: TEAMS_ID },
    ]);
    await until(() => loggedFor(TEAMS_ID).length > 0, 'the request’s log line');
    expect(loggedFor(TEAMS_ID)).toContainEqual(
      expect.objectContaining({ route: 'POST /api/messages', status: 200, msg: 'http request answered' }),
    );
    const shown = await auditCli(TEAMS_ID);
    expect(shown.line).toContain(`checkin.edit · ${owner} · teams · check_in`);
    expect(shown.json).toEqual(['checkin.edit teams']);
    logsArePlain();
  });

  it('a malformed x-request-id is replaced by a new id, which the audit row and the response share', async () => {
    const response = await postSlack(
      server.base,
      viewSubmission({
        userId: 'U0CROSS',
        activityId: 'cross',
        status: 'blocked',
        note: 'x',
        mode: 'edit',
        viewId: 'V0MALFORMED',
      }),
      FORM,
      { headers: { 'x-request-id': 'Anna Andersson <anna@example.org>' } },
    );
    const given = response.headers.get('x-request-id') ?? '';
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auditRow(given)).toHaveLength(1);
  });
});
