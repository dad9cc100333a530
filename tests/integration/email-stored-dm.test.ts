import { afterAll, beforeAll, expect, it } from 'vitest';
import { reachedBy } from '../../db/reached-by.repository.js';
import { fixedClock } from '../../src/clock.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { enqueuePrompt, openWeek, promptMessage, setReach, WEEK_ROUND } from '../support/answer-rounds.js';
import { describeEachDialect } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { slackEnv } from '../support/slack.js';
import { answerLink, FakeSmtp, mailEnv } from '../support/smtp.js';

// Two owners whose round went to the Slack DM delmal had stored for them; both DMs are gone.
// Nadia's reach is chat-then-email, Anna's is chat.
const NADIA = 'nadia.karimi@example.org';
const ANNA = 'anna.lindqvist@example.org';
const ROUND = WEEK_ROUND;

describeEachDialect('a stored DM that is gone for good, and e-mail', (dialect) => {
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const smtp = new FakeSmtp();
  const slack = new FakeSlack();
  let server: TestServer;

  beforeAll(async () => {
    await smtp.start();
    await slack.start();
    server = await startTestServer({ ...slackEnv(slack), ...mailEnv(smtp) }, dialect, clock);
    await openWeek(server.app.db, ['mhfa-forsta-hjalpen-psykisk-halsa']);
  });
  afterAll(async () => {
    await server?.stop();
    await slack.stop();
    await smtp.stop();
  });

  it('a chat-then-email owner whose stored Slack DM is gone for good is mailed in the same item, once, and recorded as reached by e-mail; a chat owner is not', async () => {
    const db = server.app.db.kysely;
    await setReach(server.app.db, NADIA, 'chat-then-email');
    const stored = (email: string, user: string) => ({
      platform: 'slack',
      tenant_id: 'T0001',
      user_id: user,
      person_id: null,
      email,
      display_name: null,
      locale: null,
      updated_at: '2026-11-20T09:00:00.000Z',
      conversation_id: `D${user}`,
    });
    await db
      .insertInto('chat_identities')
      .values([stored(NADIA, 'U0NADIA'), stored(ANNA, 'U0ANNA')])
      .execute();
    // Slack answers for good: the DM is gone (Nadia left), the app is out of it (Anna).
    slack.failNext(
      'chat.postMessage',
      { status: 200, error: 'channel_not_found' },
      { status: 200, error: 'not_in_channel' },
    );
    const message = promptMessage(ROUND, [{ id: 'mhfa-forsta-hjalpen-psykisk-halsa', name: 'MHFA' }]);
    const dm = (user: string) =>
      ({
        kind: 'conversation',
        platform: 'slack',
        workspaceId: 'T0001',
        conversationId: `D${user}`,
      }) as const;
    const nadia = await enqueuePrompt(server.app.db, server.app.deliveries, {
      roundId: ROUND,
      email: NADIA,
      to: dm('U0NADIA'),
      message,
    });
    const anna = await enqueuePrompt(server.app.db, server.app.deliveries, {
      roundId: ROUND,
      email: ANNA,
      to: dm('U0ANNA'),
      message,
    });
    await server.app.settled();
    await server.app.settled();
    expect(smtp.to(NADIA).map((m) => m.subject)).toEqual([
      'Avstämning: MHFA – svara senast 27 november 2026',
    ]);
    expect(answerLink(smtp.to(NADIA)[0])).toContain('/svar?t=');
    expect(smtp.to(ANNA)).toEqual([]);
    // One attempt at each DM: no retry of a DM that is gone.
    const posts = (channel: string) =>
      slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    expect(posts('DU0NADIA')).toHaveLength(1);
    expect(posts('DU0ANNA')).toHaveLength(1);
    const items = await db
      .selectFrom('outbox_items')
      .select(['id', 'status', 'sent_ref'])
      .where('id', 'in', [nadia, anna])
      .execute();
    const item = (id: string) => items.find((i) => i.id === id);
    expect(item(nadia)?.status).toBe('sent');
    expect(JSON.parse(item(nadia)?.sent_ref ?? '{}')).toMatchObject({
      platform: 'email',
      conversationId: NADIA,
    });
    expect(item(anna)?.status).toBe('failed');
    // Delivery health names the owner, not the DM, and says which way she was reached.
    const reached = await reachedBy(db, '2026-11-01T00:00:00Z');
    expect(reached.find((r) => r.recipient === NADIA)?.platform).toBe('email');
    expect(reached.some((r) => r.recipient.includes('DU0NADIA'))).toBe(false);
  });
});
