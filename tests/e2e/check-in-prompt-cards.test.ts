import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { promptedActivities } from '../support/answer-rounds.js';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { renderCardInPage } from '../support/card-page.js';
import { describeEachDialect } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity, teamsMessage } from '../support/teams.js';

const KARIN = 'karin.holm@example.org';
const CONVERSATION = 'a:karin';
/** `DELMAL_SCREENSHOTS=docs/images` writes the pictures docs/check-in-prompts.md shows. */
const SCREENSHOTS = process.env.DELMAL_SCREENSHOTS;

let browser: Browser;
beforeAll(async () => {
  if (!skipBrowser) browser = await launchChromium();
});
afterAll(() => browser?.close());

describeEachDialect('an owner with 13 due activities, in Teams', (dialect) => {
  const connector = new FakeConnector();
  const clock = fixedClock('2026-12-15T08:00:30Z');
  let server: TestServer;
  beforeEach(async () => {
    await connector.start();
    connector.members.set('29:karin', { name: 'Karin Holm', email: KARIN });
    server = await startTestServer({}, dialect, clock, { teamsServiceUrls: [connector.serviceUrl] });
    // Karin has written to delmal once: her 1:1 chat is known.
    await postActivity(
      server.base,
      teamsMessage('hjälp', {
        serviceUrl: connector.serviceUrl,
        conversationId: CONVERSATION,
        from: { id: '29:karin', aadObjectId: 'aad-karin' },
      }),
    );
    await connector.waitFor(1);
  });
  afterEach(async () => {
    await server?.stop();
    await connector.stop();
  });

  const cardOf = (call: { body: Record<string, unknown> }) =>
    ((call.body.attachments as { content: object }[] | undefined) ?? [])[0]?.content ?? {};

  it.skipIf(skipBrowser)(
    'gets cards naming all 13, every button inside its card and readable at 390 and 1280 px; a tap updates its own card',
    { timeout: 90_000 },
    async () => {
      await server.app.checkIns.tick(clock.now());
      await server.app.settled();
      const { ids: due, names } = await promptedActivities(server.app, KARIN);
      expect(due).toHaveLength(13);

      const prompts = connector
        .delivered()
        .filter((c) => c.method === 'POST' && c.path.includes(CONVERSATION))
        .filter((c) => JSON.stringify(c.body).includes('Dags för avstämning'))
        .sort(
          (a, b) =>
            (JSON.stringify(a.body).includes('del 1 av 2') ? -1 : 1) -
            (JSON.stringify(b.body).includes('del 1 av 2') ? -1 : 1),
        );
      expect(prompts).toHaveLength(2);

      for (const width of [390, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 800 } });
        const seen: string[] = [];
        for (const [i, prompt] of prompts.entries()) {
          const shown = await renderCardInPage(page, cardOf(prompt));
          for (const name of names) if (shown.text.includes(name)) seen.push(name);
          expect(shown.text).toContain(`del ${i + 1} av 2`);
          expect(shown.text).not.toContain('som inte får plats');
          // Every button lies inside the card and shows its whole label.
          expect(shown.buttons.length).toBeGreaterThan(0);
          for (const button of shown.buttons) {
            expect(button.box.left, button.label).toBeGreaterThanOrEqual(shown.card.left);
            expect(button.box.right, button.label).toBeLessThanOrEqual(shown.card.right);
            expect(button.clipped, `${button.label} at ${width} px`).toBe(false);
          }
          if (SCREENSHOTS && dialect === 'sqlite' && i === 0) {
            mkdirSync(SCREENSHOTS, { recursive: true });
            await page.screenshot({
              path: `${SCREENSHOTS}/check-in-prompt-teams-${width}.png`,
              fullPage: true,
            });
          }
        }
        expect(seen).toEqual(names);
        await page.close();
      }

      // One tap on an activity of the second card: that card, and only it, is updated in place.
      const second = prompts[1];
      const secondId = `activity-${connector.calls.indexOf(second as never) + 1}`;
      const before = connector.delivered().length;
      await postActivity(server.base, {
        ...teamsMessage('', {
          serviceUrl: connector.serviceUrl,
          conversationId: CONVERSATION,
          from: { id: '29:karin', aadObjectId: 'aad-karin' },
          value: { command: `delmal avstamning ${due[9]} on_track` },
        }),
        replyToId: secondId,
      });
      await server.app.settled();
      const updates = connector
        .delivered()
        .slice(before)
        .filter((c) => c.method === 'PUT');
      expect(updates.map((u) => u.path.split('/').at(-1))).toEqual([secondId]);
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const updated = await renderCardInPage(page, cardOf(updates[0] as { body: Record<string, unknown> }));
      expect(updated.text).toContain('✓ Du svarade');
      for (const name of names.slice(7)) expect(updated.text).toContain(name);
      await page.close();
    },
  );
});
