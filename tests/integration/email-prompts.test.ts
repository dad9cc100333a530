import { afterAll, beforeAll, expect, it } from 'vitest';
import { signAnswerClaim } from '../../adapters/email/answer-token.js';
import { reachedBy } from '../../db/reached-by.repository.js';
import { fixedClock } from '../../src/clock.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { enqueuePrompt, openWeek, promptMessage, setReach, WEEK_ROUND } from '../support/answer-rounds.js';
import { describeEachDialect } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { slackEnv } from '../support/slack.js';
import { answerLink, FakeSmtp, mailEnv, TEST_LINK_SECRET } from '../support/smtp.js';

const MARIA = 'maria.sandberg@example.org';
const ALI = 'ali.hassan@example.org';
const SARA = 'sara.wikstrom@example.org';
const ROUND = WEEK_ROUND;
const PERSONNUMMER = '19121212-1212';

const checkIns = (server: TestServer) =>
  server.app.db.kysely
    .selectFrom('check_ins')
    .select(['author_name', 'status_code', 'note', 'platform', 'round_id', 'version', 'needs_support'])
    .orderBy('created_at')
    .execute();
const post = (link: string, fields: Record<string, string>) => {
  const url = new URL(link);
  return fetch(`${url.origin}/svar`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: url.searchParams.get('t') ?? '', ...fields }),
  });
};

describeEachDialect('e-mail prompts and the answer page', (dialect) => {
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const smtp = new FakeSmtp();
  const slack = new FakeSlack();
  let server: TestServer;

  beforeAll(async () => {
    await smtp.start();
    await slack.start();
    slack.users.set('U0MARIA', { email: MARIA, name: 'Maria Sandberg' });
    server = await startTestServer({ ...slackEnv(slack), ...mailEnv(smtp) }, dialect, clock);
    await setReach(server.app.db, ALI, 'email');
    await setReach(server.app.db, SARA, 'chat-then-email');
    await openWeek(server.app.db, ['cherries', 'mhfa-forsta-hjalpen-psykisk-halsa']);
  });
  afterAll(async () => {
    await server?.stop();
    await slack.stop();
    await smtp.stop();
  });

  it('an owner with reach email gets the prompt by e-mail and a reminder later; scanners record nothing; one POST records once and updates the chat prompt; edits keep versions; personnummer is refused with the text kept; expired and tampered links get their pages', async () => {
    const message = promptMessage(ROUND, [{ id: 'cherries', name: 'CHERRIES', currentStatus: 'on_track' }]);
    await enqueuePrompt(server.app.db, server.app.deliveries, {
      roundId: ROUND,
      email: MARIA,
      to: { kind: 'person', email: MARIA, platform: 'slack' },
      message,
    });
    await enqueuePrompt(server.app.db, server.app.deliveries, {
      roundId: ROUND,
      email: ALI,
      to: { kind: 'person', email: ALI },
      message,
    });
    await server.app.settled();
    const [mail] = smtp.to(ALI);
    expect(smtp.to(ALI)).toHaveLength(1);
    expect(mail?.subject).toBe('Avstämning: CHERRIES – svara senast 27 november 2026');
    expect(mail?.html).toContain('<html lang="sv">');
    expect(mail?.html).toMatch(/<h1[^>]*>Dags för avstämning<\/h1>/);
    expect(mail?.html).not.toContain('<table');
    expect(mail?.text).toContain('Senast: Enligt plan');
    expect(await slack.waitFor('chat.postMessage', 1)).toHaveLength(1);

    const link = answerLink(mail);
    // A mail scanner: three GETs and a HEAD.
    const opened = await Promise.all([
      fetch(link),
      fetch(link),
      fetch(link),
      fetch(link, { method: 'HEAD' }),
    ]);
    expect(opened.map((r) => r.status)).toEqual([200, 200, 200, 405]);
    const page = await opened[0]?.text();
    expect(page).toContain('CHERRIES');
    expect(page).toContain('<label for="status-cherries">Enligt plan</label>');
    expect(opened[0]?.headers.get('set-cookie')).toBeNull();
    expect(await checkIns(server)).toEqual([]);

    // A personnummer anywhere: nothing saved, the text kept, the error next to the field.
    const refused = await post(link, {
      'status-cherries': 'at_risk',
      'note-cherries': `Gäller ${PERSONNUMMER}`,
    });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('id="note-cherries-fel"');
    expect(refusedPage).toContain(`Gäller ${PERSONNUMMER}`);
    expect(await checkIns(server)).toEqual([]);

    const digest = async () => {
      const { view } = await server.app.chat.store.get();
      const network = view.catalog.networks.find((n) => n.id === 'folkhalsochefsnatverket');
      if (!network) throw new Error('network missing');
      const period = {
        from: '2026-11-23T00:00:00Z',
        to: '2026-11-25T00:00:00Z',
        timeZone: 'Europe/Stockholm',
        kind: 'weekly' as const,
      };
      return buildDigest(server.app.db.kysely, view, network, period);
    };
    const before = await digest();
    const answered = await post(link, {
      'status-cherries': 'at_risk',
      'note-cherries': 'Lokalen är försenad',
      'support-cherries': 'on',
    });
    expect(answered.status).toBe(303);
    await server.app.settled();
    expect(await checkIns(server)).toEqual([
      {
        author_name: 'Ali Hassan',
        status_code: 'at_risk',
        note: 'Lokalen är försenad',
        platform: 'email',
        round_id: ROUND,
        version: 1,
        needs_support: 1,
      },
    ]);
    // The digest counts the e-mail answer like a chat answer.
    const counted = await digest();
    expect(counted.counts.reported).toBe(before.counts.reported + 1);
    expect(counted.counts.atRisk).toBe(before.counts.atRisk + 1);
    expect(JSON.stringify(counted.exceptions)).toContain('Ali Hassan');
    const audit = await server.app.db.kysely.selectFrom('audit_log').select('platform').execute();
    expect(audit.map((a) => a.platform)).toContain('email');
    const [update] = await slack.waitFor('chat.update', 1);
    expect(JSON.stringify(update?.body.blocks)).toContain('Ali Hassan svarade');
    const after = await (await fetch(new URL(answered.headers.get('location') ?? '', link))).text();
    expect(after).toContain('Tack! Ditt svar är sparat.');
    expect(after).toContain('Lokalen är försenad');

    // Answering again edits the answer; the earlier version is kept.
    expect(
      (await post(link, { 'status-cherries': 'on_track', 'note-cherries': 'Lokalen är klar' })).status,
    ).toBe(303);
    expect(await checkIns(server)).toMatchObject([
      { status_code: 'on_track', note: 'Lokalen är klar', version: 2 },
    ]);
    expect(
      await server.app.db.kysely.selectFrom('check_in_versions').select('version').execute(),
    ).not.toHaveLength(0);

    // The reminder, later: a second e-mail saying what is asked and by when.
    await enqueuePrompt(server.app.db, server.app.deliveries, {
      roundId: ROUND,
      email: ALI,
      to: { kind: 'person', email: ALI },
      message: {
        ...promptMessage(ROUND, [{ id: 'mhfa-forsta-hjalpen-psykisk-halsa', name: 'MHFA' }], {
          kind: 'reminder',
        }),
      },
    });
    await server.app.settled();
    expect(smtp.to(ALI).map((m) => m.subject)).toContain(
      'Påminnelse: avstämning av MHFA – svara senast 27 november 2026',
    );

    // A correctly signed link for an activity Ali does not own: someone else's.
    const foreignToken = signAnswerClaim(
      {
        owner: ALI,
        round: ROUND,
        activities: ['mhfa-forsta-hjalpen-psykisk-halsa'],
        expires: Date.parse('2026-11-30T07:00:00Z') / 1000,
      },
      TEST_LINK_SECRET,
    );
    const foreign = await fetch(`${new URL(link).origin}/svar?t=${foreignToken}`);
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('Länken hör inte till dig');
    const tampered = link.replace(/t=(.)/, (_m, c: string) => `t=${c === 'A' ? 'B' : 'A'}`);
    const tamperedPage = await fetch(tampered);
    expect(tamperedPage.status).toBe(400);
    expect(await tamperedPage.text()).toContain('Länken fungerar inte');
    clock.set('2026-11-30T07:00:01Z');
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Länken har gått ut');
    expect((await post(link, { 'status-cherries': 'blocked' })).status).toBe(410);
    clock.set('2026-11-24T09:00:00Z');
  });

  it('a chat-then-email owner whose Slack DM fails for good is reached by e-mail once, and delivery health says so', async () => {
    const message = promptMessage(ROUND, [{ id: 'mhfa-forsta-hjalpen-psykisk-halsa', name: 'MHFA' }]);
    await enqueuePrompt(server.app.db, server.app.deliveries, {
      roundId: ROUND,
      email: SARA,
      to: { kind: 'person', email: SARA, platform: 'slack' },
      message,
    });
    await server.app.settled();
    expect(smtp.to(SARA).map((m) => m.subject)).toEqual(['Avstämning: MHFA – svara senast 27 november 2026']);
    const item = await server.app.db.kysely
      .selectFrom('outbox_items')
      .select(['status', 'sent_ref'])
      .where('recipient', '=', SARA)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe('sent');
    expect(JSON.parse(item.sent_ref ?? '{}')).toMatchObject({ platform: 'email', conversationId: SARA });
    // Delivery health says which way each owner was reached.
    const reached = await reachedBy(server.app.db.kysely, '2026-11-01T00:00:00Z');
    expect(reached.find((r) => r.recipient === SARA)?.platform).toBe('email');
  });
});
