import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { describeEachDialect } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity, teamsMessage } from '../support/teams.js';

/*
 * The scheduled round end to end, as the ticker runs it: nobody enqueues a prompt by hand. The
 * every-other-Tuesday schedule of Social välfärd is due on 2026-12-15 at 09:00 Stockholm; one
 * tick of the `check-in-rounds` job opens the round and the outbox delivers each owner's prompt
 * where they are: Maria (who has written to delmal in Teams) through the real Teams route and the
 * fake connector, Ali in the playground in Chromium. Each answers with one tap.
 */
const ROUND = 'social-valfard-varannan-tisdag:2026-12-15';
const MARIA = { id: '29:maria', aadObjectId: 'aad-maria', conversation: 'a:maria' };
const ALI = 'ali.hassan@example.org';

const connector = new FakeConnector();
let browser: Browser;
beforeAll(async () => {
  await connector.start();
  connector.members.set(MARIA.id, { name: 'Maria Sandberg', email: 'maria.sandberg@example.org' });
  if (!skipBrowser) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await connector.stop();
});

type Action = { type: string; title: string; command?: string };
/** Every action of a card (nested show-cards included): its title and command. */
function actions(card: unknown): Action[] {
  const found: Action[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const command = (n.data as { command?: unknown } | undefined)?.command;
    if (typeof n.type === 'string' && n.type.startsWith('Action.'))
      found.push({
        type: n.type,
        title: String(n.title),
        ...(typeof command === 'string' ? { command } : {}),
      });
    for (const value of Object.values(n)) walk(value);
  };
  walk(card);
  return found;
}
const cardOf = (call: { body: Record<string, unknown> } | undefined) =>
  ((call?.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? [])[0]?.content ?? {};

describeEachDialect('a scheduled check-in round reaches Teams and the playground', (dialect) => {
  const clock = fixedClock('2026-12-14T12:00:00Z');
  let server: TestServer;
  beforeEach(async () => {
    connector.calls.length = 0;
    clock.set('2026-12-14T12:00:00Z');
    server = await startTestServer({}, dialect, clock, { teamsServiceUrls: [connector.serviceUrl] });
    // Maria has written to delmal in Teams once: her 1:1 chat is known.
    await postActivity(
      server.base,
      teamsMessage('hjälp', {
        serviceUrl: connector.serviceUrl,
        conversationId: MARIA.conversation,
        from: { id: MARIA.id, aadObjectId: MARIA.aadObjectId },
      }),
    );
    await connector.waitFor(1);
  });
  afterEach(() => server.stop());

  const checkIns = () =>
    server.app.db.kysely
      .selectFrom('check_ins')
      .select(['activity_id', 'author_name', 'status_code', 'platform', 'round_id'])
      .orderBy('created_at')
      .execute();
  // Not `settled()`: an open page keeps its event stream (a request) in flight for good.
  const deliver = () => server.app.deliveries.drain();

  it.skipIf(skipBrowser)(
    'the ticker opens the round at 09:00; Maria taps in Teams, Ali in the playground; both are recorded and shown in place',
    {
      timeout: 90_000,
    },
    async () => {
      const job = server.app.jobs.find((j) => j.name === 'check-in-rounds');
      if (!job) throw new Error('no check-in-rounds job');
      // The evening before, nothing is due.
      await job.run(clock.now());
      await deliver();
      expect(connector.delivered()).toHaveLength(1);

      clock.set('2026-12-15T08:00:30Z');
      await job.run(clock.now());
      await deliver();
      const prompts = connector
        .delivered()
        .filter((c) => c.method === 'POST' && JSON.stringify(c.body).includes('Dags för avstämning'));
      // Only to Maria (Ali is in the playground); in parts when she has more than one message carries.
      expect(prompts.length).toBeGreaterThan(0);
      for (const c of prompts) expect(c.path).toBe(`/v3/conversations/${MARIA.conversation}/activities`);
      const prompt = prompts.find((c) =>
        JSON.stringify(c.body).includes('delmal avstamning cherries on_track'),
      );
      const promptId = `activity-${connector.calls.indexOf(prompt as never) + 1}`;
      // Maria's own activities with one-tap buttons, CHERRIES among them (shared with Ali).
      const taps = actions(cardOf(prompt)).filter((a) => a.command?.startsWith('delmal avstamning '));
      expect(taps.map((a) => a.command)).toContain('delmal avstamning cherries on_track');
      const mine = taps.find((a) => !a.command?.includes(' cherries ') && a.title === 'Enligt plan');
      const mineId = mine?.command?.split(' ')[2];
      expect(mineId).toBeTruthy();

      // Ali, in the playground: the prompt was kept for him until he opens the page.
      const page = await browser.newPage({ locale: 'sv-SE' });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.selectOption('#who', ALI);
      const card = page.locator('#messages li.from-bot .card', { hasText: 'Dags för avstämning' });
      await card.waitFor();
      await expect(card.innerText()).resolves.toContain('CHERRIES');
      clock.set('2026-12-15T09:10:00Z');
      await card.getByRole('button', { name: 'Risk för avvikelse' }).first().click();
      await page.locator('#messages li .card', { hasText: 'Tack! Registrerat' }).waitFor();
      await deliver();
      const [alis] = await checkIns();
      expect(alis).toMatchObject({
        author_name: 'Ali Hassan',
        status_code: 'at_risk',
        platform: 'local',
        round_id: ROUND,
      });
      // His prompt changes in place: the answer shown, that activity's buttons gone.
      await expect.poll(() => card.innerText()).toContain('✓ Du svarade');

      // Maria taps "Enligt plan" on one of her own activities in the Teams card.
      clock.set('2026-12-15T09:20:00Z');
      const response = await postActivity(server.base, {
        ...teamsMessage('', {
          serviceUrl: connector.serviceUrl,
          conversationId: MARIA.conversation,
          from: { id: MARIA.id, aadObjectId: MARIA.aadObjectId },
          value: { command: mine?.command },
        }),
        replyToId: promptId,
      });
      expect(response.status).toBeLessThan(300);
      await deliver();
      expect(
        (await checkIns()).map((c) => [c.author_name, c.activity_id, c.status_code, c.platform]),
      ).toEqual([
        ['Ali Hassan', alis?.activity_id, 'at_risk', 'local'],
        ['Maria Sandberg', mineId, 'on_track', 'teams'],
      ]);
      expect((await checkIns()).every((c) => c.round_id === ROUND)).toBe(true);
      // Her card, updated in place (the same activity id), shows her answer; and Ali's if he
      // answered an activity they share.
      const updates = connector
        .delivered()
        .filter((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${promptId}`));
      expect(updates.length).toBeGreaterThan(0);
      const shown = textBlockTexts(cardOf(updates.at(-1))).join(' ');
      expect(shown).toContain('✓ Du svarade');
      if (alis?.activity_id === 'cherries') expect(shown).toContain('✓ Ali Hassan svarade');
      expect(
        actions(cardOf(updates.at(-1))).filter((a) => a.command?.startsWith(`delmal avstamning ${mineId} `)),
      ).toEqual([]);
      await page.close();
      expect(errors).toEqual([]);
    },
  );
});
