import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import type { RecordedCall } from '../fakes/fake-slack.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { enqueuePrompt, openWeek, promptMessage, WEEK_ROUND } from '../support/answer-rounds.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { blockAction, postSlack, TEST_SIGNING_SECRET, viewSubmission } from '../support/slack.js';
import { postActivity, teamsMessage } from '../support/teams.js';

const MARIA = 'maria.sandberg@example.org';
const ALI = 'ali.hassan@example.org';
const ROUND = WEEK_ROUND;
const form = 'application/x-www-form-urlencoded';
const message = promptMessage(ROUND, [{ id: 'cherries', name: 'CHERRIES', currentStatus: 'on_track' }]);
const clock = fixedClock('2026-11-24T09:00:00Z');

const round = async (server: TestServer) => openWeek(server.app.db, ['cherries']);
const checkIns = (server: TestServer) =>
  server.app.db.kysely
    .selectFrom('check_ins')
    .select([
      'author_name',
      'status_code',
      'note',
      'next_step',
      'needs_support',
      'platform',
      'round_id',
      'version',
    ])
    .orderBy('created_at')
    .execute();

type SlackButton = { text: { text: string }; value?: string };
/** Every button of a Slack message (beside a section or in a row): its label and the command behind it. */
const slackButtons = (call: RecordedCall | undefined) =>
  ((call?.body.blocks as { type: string; elements?: SlackButton[]; accessory?: SlackButton }[]) ?? [])
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : b.accessory ? [b.accessory] : []))
    .map((e) => ({ label: e.text.text, command: e.value }));
const slackText = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []);

describe('a check-in prompt in Slack, end to end', () => {
  const slack = new FakeSlack();
  let server: TestServer;

  beforeAll(async () => {
    clock.set('2026-11-24T09:00:00Z');
    await slack.start();
    slack.users.set('U0MARIA', { email: MARIA, name: 'Maria Sandberg' });
    slack.users.set('U0ALI', { email: ALI, name: 'Ali Hassan' });
    server = await startTestServer(
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      'sqlite',
      clock,
    );
    await round(server);
    for (const email of [MARIA, ALI])
      await enqueuePrompt(server.app.db, server.app.deliveries, {
        roundId: ROUND,
        email,
        to: { kind: 'person', email, platform: 'slack' },
        message,
      });
    await server.app.settled();
  });
  afterAll(async () => {
    await server?.stop();
    await slack.stop();
  });

  it('arrives as a DM with one-tap buttons in the plan’s words; one tap records and updates both owners’ prompts in place; edit; a comment', async () => {
    const prompts = await slack.waitFor('chat.postMessage', 2);
    const toMaria = prompts.find((c) => c.body.channel === 'D0MARIA');
    expect(slackText(toMaria)).toContain('Dags för avstämning');
    expect(slackButtons(toMaria)).toEqual([
      { label: 'Lägg till text', command: 'delmal avstamning cherries' },
      { label: 'Enligt plan', command: 'delmal avstamning cherries on_track' },
      { label: 'Risk för avvikelse', command: 'delmal avstamning cherries at_risk' },
      { label: 'Hinder / avvikelse', command: 'delmal avstamning cherries blocked' },
      { label: 'Pausad', command: 'delmal avstamning cherries paused' },
      { label: 'Avslutad', command: 'delmal avstamning cherries finished' },
    ]);
    const tap = blockAction(
      { actionId: 'delmal_cmd_1', value: 'delmal avstamning cherries at_risk' },
      { responseUrl: `${slack.apiUrl}response/1`, ephemeral: false, userId: 'U0MARIA', channel: 'D0MARIA' },
    );
    expect((await postSlack(server.base, tap, form)).status).toBe(200);
    await server.app.settled();
    expect(await checkIns(server)).toEqual([
      {
        author_name: 'Maria Sandberg',
        status_code: 'at_risk',
        note: '',
        next_step: null,
        needs_support: 0,
        platform: 'slack',
        round_id: ROUND,
        version: 1,
      },
    ]);
    const updates = await slack.waitFor('chat.update', 2);
    const byChannel = new Map(updates.map((u) => [String(u.body.channel), u]));
    // Each owner's own message, by its ts: updated, not posted again.
    for (const prompt of prompts)
      expect(byChannel.get(String(prompt.body.channel))?.body.ts).toBe(
        slack.messages.get(String(prompt.body.channel))?.[0]?.ts,
      );
    expect(slackText(byChannel.get('D0MARIA'))).toContain('✓ Du svarade');
    expect(slackText(byChannel.get('D0ALI'))).toContain('✓ Maria Sandberg svarade');
    for (const update of updates)
      expect(slackButtons(update).map((b) => b.label)).not.toContain('Enligt plan');
    expect(slackButtons(byChannel.get('D0MARIA')).map((b) => b.label)).toEqual(['Ändra svaret']);
    expect(slackButtons(byChannel.get('D0ALI')).map((b) => b.label)).toEqual(['Lägg till kommentar']);

    // "Ändra svaret" opens the modal filled in; saving keeps the earlier version and updates the prompts.
    const press = blockAction(
      { actionId: 'delmal_cmd_2', value: 'delmal andra cherries' },
      { responseUrl: `${slack.apiUrl}response/2`, ephemeral: false, userId: 'U0MARIA', channel: 'D0MARIA' },
    );
    expect((await postSlack(server.base, press, form)).status).toBe(200);
    const [opened] = await slack.waitFor('views.open');
    expect(JSON.stringify(opened?.body.view)).toContain('Nästa steg (valfritt)');
    clock.set('2026-11-25T10:00:00Z');
    const before = slack.delivered('chat.update').length;
    const save = viewSubmission({
      userId: 'U0MARIA',
      activityId: 'cherries',
      status: 'blocked',
      note: 'Lokalen drogs in.',
      nextStep: 'Söka ny lokal',
      needsSupport: true,
      mode: 'edit',
      viewId: 'V0EDIT',
    });
    expect((await postSlack(server.base, save, form)).status).toBe(200);
    await server.app.settled();
    expect(await checkIns(server)).toMatchObject([
      {
        status_code: 'blocked',
        note: 'Lokalen drogs in.',
        next_step: 'Söka ny lokal',
        needs_support: 1,
        version: 2,
      },
    ]);
    const edits = await slack.waitFor('chat.update', before + 2);
    expect(
      edits
        .slice(before)
        .map((u) => slackText(u))
        .join(' '),
    ).toContain('Hinder / avvikelse');

    // The second owner adds a comment; the first answer still counts.
    const comment = viewSubmission({
      userId: 'U0ALI',
      activityId: 'cherries',
      status: 'blocked',
      note: 'Vi letar också.',
      viewId: 'V0COMMENT',
    });
    expect((await postSlack(server.base, comment, form)).status).toBe(200);
    await server.app.settled();
    const rows = await checkIns(server);
    expect(rows.map((r) => [r.author_name, r.round_id])).toEqual([
      ['Maria Sandberg', ROUND],
      ['Ali Hassan', ROUND],
    ]);
    const answered = await server.app.db.kysely
      .selectFrom('check_in_round_activities as a')
      .innerJoin('check_ins as c', 'c.id', 'a.check_in_id')
      .select('c.note')
      .executeTakeFirstOrThrow();
    expect(answered.note).toBe('Lokalen drogs in.');
  });
});

describe('a check-in prompt in Teams, end to end', () => {
  const connector = new FakeConnector();
  let server: TestServer;
  const who: Record<string, { id: string; aadObjectId: string; conversation: string }> = {
    [MARIA]: { id: '29:maria', aadObjectId: 'aad-maria', conversation: 'a:maria' },
    [ALI]: { id: '29:ali', aadObjectId: 'aad-ali', conversation: 'a:ali' },
  };
  const cardOf = (call: { body: Record<string, unknown> } | undefined) =>
    ((call?.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? [])[0]?.content ?? {};
  /** Every action of a card (nested show-cards included): its title and command. */
  const actions = (card: unknown): { type: string; title: string; command?: string }[] => {
    const found: { type: string; title: string; command?: string }[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (typeof n.type === 'string' && n.type.startsWith('Action.'))
        found.push({
          type: n.type,
          title: String(n.title),
          ...((n.data as { command?: string })?.command
            ? { command: (n.data as { command: string }).command }
            : {}),
        });
      for (const value of Object.values(n)) walk(value);
    };
    walk(card);
    return found;
  };
  const press = (email: string, replyToId: string, value: Record<string, unknown>) => {
    const { id, aadObjectId, conversation } = who[email] ?? { id: '', aadObjectId: '', conversation: '' };
    return postActivity(server.base, {
      ...teamsMessage('', {
        serviceUrl: connector.serviceUrl,
        conversationId: conversation,
        from: { id, aadObjectId },
        value,
      }),
      replyToId,
    });
  };

  beforeAll(async () => {
    await connector.start();
    connector.members.set('29:maria', { name: 'Maria Sandberg', email: MARIA });
    connector.members.set('29:ali', { name: 'Ali Hassan', email: ALI });
    server = await startTestServer({}, 'sqlite', clock, { teamsServiceUrls: [connector.serviceUrl] });
    clock.set('2026-11-24T09:00:00Z');
    // Both have written to delmal once: their 1:1 chats are known.
    for (const { id, aadObjectId, conversation } of Object.values(who))
      await postActivity(
        server.base,
        teamsMessage('hjälp', {
          serviceUrl: connector.serviceUrl,
          conversationId: conversation,
          from: { id, aadObjectId },
        }),
      );
    await connector.waitFor(2);
    await round(server);
    for (const email of [MARIA, ALI])
      await enqueuePrompt(server.app.db, server.app.deliveries, {
        roundId: ROUND,
        email,
        to: { kind: 'person', email, platform: 'teams' },
        message,
      });
    await server.app.settled();
  });
  afterAll(async () => {
    await server?.stop();
    await connector.stop();
  });

  const promptTo = (conversation: string) =>
    connector
      .delivered()
      .find(
        (c) =>
          c.method === 'POST' &&
          c.path.includes(conversation) &&
          JSON.stringify(c.body).includes('Dags för avstämning'),
      );
  const updatesOf = (conversation: string) =>
    connector.delivered().filter((c) => c.method === 'PUT' && c.path.includes(conversation));

  it('one tap with text from the card records the check-in and updates both prompt cards in place; edit; a comment', async () => {
    const prompt = promptTo('a:maria');
    const card = cardOf(prompt);
    expect(
      actions(card)
        .filter((a) => a.type === 'Action.Submit')
        .map((a) => a.title),
    ).toContain('Risk för avvikelse');
    expect(JSON.stringify(card)).toContain('"type":"Input.Toggle"');
    const promptId = `activity-${connector.calls.indexOf(prompt as never) + 1}`;
    const response = await press(MARIA, promptId, {
      command: 'delmal avstamning cherries at_risk',
      form: 'f0',
      'f0.note': 'Lokalen är inte klar.',
      'f0.nextStep': 'Möte med Laxå',
      'f0.needsSupport': 'true',
    });
    expect(response.status).toBeLessThan(300);
    await server.app.settled();
    expect(await checkIns(server)).toEqual([
      {
        author_name: 'Maria Sandberg',
        status_code: 'at_risk',
        note: 'Lokalen är inte klar.',
        next_step: 'Möte med Laxå',
        needs_support: 1,
        platform: 'teams',
        round_id: ROUND,
        version: 1,
      },
    ]);
    const [mine] = updatesOf('a:maria');
    const [theirs] = updatesOf('a:ali');
    expect(mine?.path).toContain(`/activities/${promptId}`);
    expect(textBlockTexts(cardOf(mine)).join(' ')).toContain('✓ Du svarade');
    expect(textBlockTexts(cardOf(theirs)).join(' ')).toContain('✓ Maria Sandberg svarade');
    expect(actions(cardOf(theirs)).map((a) => a.title)).toEqual([
      'Lägg till kommentar',
      'Skicka kommentar',
      'Stäng',
    ]);
    // The answerer's card: no status buttons any more, only the form that edits the answer.
    expect(actions(cardOf(mine))[0]).toMatchObject({
      type: 'Action.ToggleVisibility',
      title: 'Ändra svaret',
    });
    expect(actions(cardOf(mine)).filter((a) => a.command?.startsWith('delmal avstamning'))).toEqual([]);

    // Edited from the updated card; the second owner comments and is told the round was answered.
    clock.set('2026-11-25T10:00:00Z');
    const edit = actions(cardOf(mine)).find((a) => a.title === 'Hinder / avvikelse');
    expect(edit?.command).toBe('delmal andra cherries blocked');
    await press(MARIA, promptId, { command: edit?.command, form: 'f0', 'f0.note': 'Lokalen drogs in.' });
    await server.app.settled();
    expect(await checkIns(server)).toMatchObject([
      { status_code: 'blocked', note: 'Lokalen drogs in.', version: 2 },
    ]);
    const alisLatest = updatesOf('a:ali').at(-1);
    expect(textBlockTexts(cardOf(alisLatest)).join(' ')).toContain('Hinder / avvikelse');

    const before = connector.delivered().length;
    await press(ALI, alisLatest?.path.split('/').at(-1) ?? '', {
      command: 'delmal avstamning cherries blocked',
      form: 'f0',
      'f0.note': 'Vi letar också.',
    });
    await server.app.settled();
    const reply = connector
      .delivered()
      .slice(before)
      .find((c) => c.method === 'POST');
    expect(textBlockTexts(cardOf(reply)).join(' ')).toContain('Omgången var redan besvarad');
    expect((await checkIns(server)).map((r) => r.author_name)).toEqual(['Maria Sandberg', 'Ali Hassan']);
  });
});
