import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { checkSlackLimits, type SlackMessage } from '../../adapters/slack/render-blocks.js';
import { FakeSlack, type RecordedCall } from '../fakes/fake-slack.js';
import { promptedActivities } from '../support/answer-rounds.js';
import { describeEachDialect } from '../support/databases.js';
import { flowingClock, startTestServer, type TestServer } from '../support/server.js';
import { blockAction, postSlack, slackEnv } from '../support/slack.js';

const KARIN = 'karin.holm@example.org';
const DM = 'D0KARIN';
const form = 'application/x-www-form-urlencoded';

type Button = { action_id: string; text: { text: string }; value?: string };
type SlackBlock = { type: string; text?: { text: string }; elements?: Button[]; accessory?: Button };
const blocksOf = (call: RecordedCall) => (call.body.blocks as SlackBlock[] | undefined) ?? [];
/** Each activity as Slack shows it: the bold name in a section, and the buttons right under it. */
function activitiesShown(call: RecordedCall): { name: string; buttons: Button[] }[] {
  const blocks = blocksOf(call);
  return blocks.flatMap((block, i) => {
    const name = /^\*(.+?)\*/.exec(block.type === 'section' ? (block.text?.text ?? '') : '')?.[1];
    if (!name) return [];
    const next = blocks[i + 1];
    return [{ name, buttons: next?.type === 'actions' ? (next.elements ?? []) : [] }];
  });
}

const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

describeEachDialect('an owner with 13 due activities, in Slack', (dialect) => {
  const clock = flowingClock('2026-12-15T08:00:30Z');
  let server: TestServer;
  beforeEach(async () => {
    slack.calls.length = 0;
    slack.messages.clear();
    slack.users.clear();
    slack.users.set('U0KARIN', { email: KARIN, name: 'Karin Holm' });
    clock.jump('2026-12-15T08:00:30Z');
    server = await startTestServer({ DELMAL_ENV: 'production', ...slackEnv(slack) }, dialect, clock);
  });
  afterEach(() => server.stop());

  it('gets every activity named, each answerable in one tap, within Block Kit limits; a tap updates only its own message', {
    timeout: 60_000,
  }, async () => {
    await server.app.checkIns.tick(clock.now());
    const { ids: due, names } = await promptedActivities(server.app, KARIN);
    expect(due).toHaveLength(13);

    const posted = (await slack.waitFor('chat.postMessage', 2, 30_000)).filter((c) => c.body.channel === DM);
    expect(posted).toHaveLength(2);
    await server.app.settled();
    for (const call of posted)
      expect(
        checkSlackLimits({ text: String(call.body.text), blocks: call.body.blocks } as SlackMessage),
      ).toEqual([]);
    // Each part says which it is (the outbox may send them in either order).
    const part = (c: RecordedCall) => (JSON.stringify(blocksOf(c)).includes('del 1 av 2') ? 1 : 2);
    const [first, second] = [...posted].sort((a, b) => part(a) - part(b)) as [RecordedCall, RecordedCall];
    expect(JSON.stringify(blocksOf(first))).toContain('del 1 av 2');
    expect(JSON.stringify(blocksOf(first))).toContain('Du har 13 aktiviteter att stämma av');
    expect(JSON.stringify(blocksOf(second))).toContain('aktivitet 8–13 av 13');

    const shown = [...activitiesShown(first), ...activitiesShown(second)];
    expect(shown.map((a) => a.name)).toEqual(names);
    // Its own row of status buttons right under each name: one tap records that status.
    for (const [i, activity] of shown.entries()) {
      expect(activity.buttons.map((b) => b.value)).toContain(`delmal avstamning ${due[i]} on_track`);
      expect(activity.buttons.map((b) => b.value)).toContain(`delmal avstamning ${due[i]} blocked`);
      for (const b of activity.buttons)
        expect(b.value?.startsWith(`delmal avstamning ${due[i]} `)).toBe(true);
    }
    const statuses = shown[0]?.buttons.length ?? 0;

    // One tap on the 10th activity (in the second message): that message is updated in place.
    const tenth = shown[9]?.buttons[1];
    const ts = slack.messages.get(DM)?.find((m) => String(m.text).includes('del 2 av 2'))?.ts;
    const tap = blockAction(
      { actionId: tenth?.action_id ?? '', value: tenth?.value ?? '' },
      {
        responseUrl: `${slack.apiUrl}response/1`,
        ephemeral: false,
        userId: 'U0KARIN',
        channel: DM,
        messageTs: ts,
      },
    );
    expect((await postSlack(server.base, tap, form)).status).toBe(200);
    await server.app.settled();
    const updates = await slack.waitFor('chat.update', 1);
    expect(updates.map((u) => u.body.ts)).toEqual([ts]);
    const after = activitiesShown(updates[0] as RecordedCall);
    expect(after.map((a) => a.name)).toEqual(names.slice(7));
    expect(JSON.stringify(updates[0]?.body.blocks)).toContain('✓ Du svarade');
    // The answered activity has no status buttons; the other five still answer in one tap.
    expect(after.map((a) => a.buttons.length)).toEqual([statuses, statuses, 0, statuses, statuses, statuses]);
  });
});
