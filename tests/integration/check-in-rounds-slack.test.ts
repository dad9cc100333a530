import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { unreachablePrompts } from '../../db/check-in-rounds.repository.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { describeEachDialect } from '../support/databases.js';
import { flowingClock, startTestServer, type TestServer } from '../support/server.js';
import { slackEnv } from '../support/slack.js';

const ROUND = 'social-valfard-varannan-tisdag:2026-12-15';
const OWNERS = [
  'anna.lindqvist',
  'johan.berglund',
  'maria.sandberg',
  'karin.holm',
  'peter.nystrom',
  'lena.ekstrom',
  'oskar.lind',
  'sara.wikstrom',
  'mikael.dahl',
  'eva.lundgren',
  'fredrik.sjoberg',
  'helena.forsberg',
  'ali.hassan',
  'ingrid.backstrom',
  'jonas.engstrom',
  'camilla.nord',
  'tomas.wallin',
  'linnea.axelsson',
].map((name) => `${name}@example.org`);
// nadia.karimi@example.org owns activities too, but is not in the Slack workspace.

const slack = new FakeSlack();
beforeAll(() => slack.start());
afterAll(() => slack.stop());

describeEachDialect('a check-in round through the real Slack port', (dialect) => {
  const clock = flowingClock('2026-12-14T12:00:00Z');
  let server: TestServer;
  beforeEach(async () => {
    slack.calls.length = 0;
    slack.messages.clear();
    slack.users.clear();
    for (const [i, email] of OWNERS.entries())
      slack.users.set(`U${String(i).padStart(4, '0')}`, { email, name: email });
    clock.jump('2026-12-14T12:00:00Z');
    server = await startTestServer({ DELMAL_ENV: 'production', ...slackEnv(slack) }, dialect, clock);
  });
  afterEach(() => server.stop());

  const job = (name: string) => {
    const found = server.app.jobs.find((j) => j.name === name);
    if (!found) throw new Error(`no job ${name}`);
    return found;
  };
  const calls = (method: string) => slack.calls.filter((c) => c.method === method).length;

  it('identities are resolved the day before; the round only posts, one DM each through a 429 storm', {
    timeout: 60_000,
  }, async () => {
    await job('identity-warmup').run(clock.now());
    expect(calls('users.lookupByEmail')).toBe(19);
    expect(calls('conversations.open')).toBe(18);
    // The next minute nothing is looked up again.
    await job('identity-warmup').run(new Date(clock.now().getTime() + 60_000));
    expect(calls('users.lookupByEmail')).toBe(19);

    clock.jump('2026-12-15T08:00:30Z');
    slack.failNext('chat.postMessage', ...Array.from({ length: 12 }, () => ({ status: 429, retryAfter: 1 })));
    const summary = await server.app.checkIns.tick(clock.now());
    expect(summary).toMatchObject({ rounds: [ROUND], prompts: 19 });
    // Owners with more activities than one message carries (Lena Ekström 12, Karin Holm 13) get
    // their prompt in parts: one message per part, each part once.
    const parts = await server.app.db.kysely
      .selectFrom('outbox_items')
      .select(['to_address', 'message'])
      .where('message_type', '=', 'checkin-prompt')
      .execute();
    const expected = new Map<string, number>();
    for (const r of parts) {
      const to = JSON.parse(r.to_address) as { kind: string; conversationId?: string };
      if (to.conversationId) expected.set(to.conversationId, (expected.get(to.conversationId) ?? 0) + 1);
    }
    expect([...expected.values()].filter((n) => n > 1).length).toBeGreaterThan(0);
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    await slack.waitFor('chat.postMessage', total, 40_000);
    await server.app.settled();
    // Every reachable owner has exactly one message per part in their DM; the round looked nobody up.
    expect(new Map([...slack.messages].map(([channel, list]) => [channel, list.length]))).toEqual(expected);
    // Warmed-up owners are addressed at their stored DM, so the outbox knows each send's rate
    // buckets before sending; only the one nobody could find is addressed as a person and tried
    // once more when its prompt is sent.
    const targets = await server.app.db.kysely
      .selectFrom('outbox_items')
      .select('to_address')
      .where('message_type', '=', 'checkin-prompt')
      .execute();
    const kinds = targets.map((r) => (JSON.parse(r.to_address) as { kind: string }).kind);
    expect(kinds.filter((k) => k === 'conversation')).toHaveLength(total);
    expect(kinds.filter((k) => k === 'person')).toHaveLength(1);
    expect(calls('users.lookupByEmail')).toBe(19 + 1);
    // The one who is not in the workspace is reported with the reason, not silently skipped.
    await server.app.checkIns.tick(new Date(clock.now().getTime() + 60_000));
    const unreachable = await unreachablePrompts(server.app.db.kysely, '2026-12-01T00:00:00Z');
    expect(unreachable.map((p) => [p.email, p.round_id, p.unreachable_reason])).toEqual([
      ['nadia.karimi@example.org', ROUND, 'not_in_workspace'],
    ]);
  });
});
