import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { skipBrowser } from '../support/browser.js';
import { fitProblems, inPage } from '../support/fit.js';
import { usePlayground } from '../support/playground.js';

const LENA = 'lena.ekstrom@example.org'; // chairs LAG missbruk, owns 12 activities of the round
// Tuesday 15 December 09:00:30 in Stockholm: the plan's fortnightly round opens.
const clock = fixedClock('2026-12-15T08:00:30Z');
const ADAPTIVE_CARDS = join(PACKAGE_ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js');

// No host stylesheet, default host config: only what Microsoft's renderer does with the JSON.
const RENDER = `(json) => {
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.parse(json);
  const element = adaptive.render();
  element.classList.add('card');
  element.style.width = '358px';
  document.body.replaceChildren(element);
}`;

/** What people ask, one of each reply type: an answer, a list, an activity, help, a digest preview. */
const QUESTIONS = [
  ['answer', 'delmal 5'],
  ['list', 'delmal'],
  ['activity', 'delmal aktivitet cross'],
  ['help', 'delmal hjälp'],
  ['digest', 'delmal sammanfattning'],
] as const;

describe.skipIf(skipBrowser)(
  'every reply fits its card on a desktop and on a phone',
  { timeout: 180_000 },
  () => {
    const errors: string[] = [];

    const playground = usePlayground(clock);
    beforeAll(async () => {
      // The round opens before anyone looks: the prompt waits in Lena's DM.
      await playground.server.app.checkIns.tick(clock.now());
      await playground.server.app.deliveries.drain();
    });

    const openAs = (email: string, width: number) =>
      playground.openAs(email, { viewport: { width, height: 844 }, errors });

    const botCards = (page: Page) => page.locator('#messages li.from-bot .card');

    for (const width of [1280, 390]) {
      it(`at ${width} px: no button sticks out, is clipped or cut; no word breaks mid-word`, async () => {
        const page = await openAs(LENA, width);
        // The prompt (kept since 09:00) comes back with the conversation.
        const prompt = botCards(page).first();
        await prompt.getByRole('button', { name: 'Avslutad' }).first().waitFor();
        const found: Record<string, string[]> = { prompt: await fitProblems(prompt) };

        // The form, one tap away on the prompt, opened in place.
        await prompt.getByRole('button', { name: 'Lägg till text' }).first().click();
        await prompt.locator('textarea, input[type="text"]').first().waitFor();
        found.form = await fitProblems(prompt);

        for (const [kind, question] of QUESTIONS) {
          const before = await botCards(page).count();
          await page.fill('#text', question);
          await page.press('#text', 'Enter');
          await expect.poll(() => botCards(page).count()).toBeGreaterThan(before);
          found[kind] = await fitProblems(botCards(page).last());
        }
        expect(found).toEqual({
          prompt: [],
          form: [],
          answer: [],
          list: [],
          activity: [],
          help: [],
          digest: [],
        });
        expect(errors).toEqual([]);
        await page.close();
      });
    }

    it('the same cards, in Microsoft’s renderer as Teams gets them, keep every button on a 390 px phone', async () => {
      const prompt = await playground.server.app.db.kysely
        .selectFrom('local_messages')
        .select('body')
        .where('conversation_id', '=', `dm:${LENA}`)
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      const cards: unknown[] = [(JSON.parse(prompt.body) as { card: unknown }).card];
      for (const [, question] of QUESTIONS) {
        const response = await fetch(`${playground.server.base}/playground/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ as: LENA, conversation: 'dm', text: question }),
        });
        cards.push(((await response.json()) as { reply: { card: unknown } }).reply.card);
      }
      const page = await playground.browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.setContent(
        '<!doctype html><body style="margin:0;padding:16px;font-family:sans-serif"></body>',
      );
      await page.addScriptTag({ path: ADAPTIVE_CARDS });
      const problems: string[] = [];
      for (const card of cards) {
        await page.evaluate(inPage<void>(RENDER), card);
        const rendered = page.locator('.card');
        // Every show-card opened: the forms behind them must fit too.
        const closed = rendered.locator('.ac-pushButton[aria-expanded="false"]');
        for (let opened = 0; opened < 50 && (await closed.count()) > 0; opened++)
          await closed.first().click();
        problems.push(...(await fitProblems(rendered)).filter((p) => p.startsWith('button')));
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
