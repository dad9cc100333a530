import { mkdirSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { promptedActivities } from '../support/answer-rounds.js';
import { skipBrowser } from '../support/browser.js';
import { usePlayground } from '../support/playground.js';

const KARIN = 'karin.holm@example.org';
/** `DELMAL_SCREENSHOTS=docs/images` writes the pictures docs/check-in-prompts.md shows. */
const SCREENSHOTS = process.env.DELMAL_SCREENSHOTS;

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return { left: b.x, right: b.x + b.width };
}

describe.skipIf(skipBrowser)(
  'an owner with 13 due activities, in the playground',
  { timeout: 120_000 },
  () => {
    const clock = fixedClock('2026-12-15T08:00:30Z');

    const playground = usePlayground(clock);

    it('names every activity, each answerable in one tap, no button past its card, at 1280×800 and 390×844', async () => {
      const errors: string[] = [];
      const pages = [];
      for (const [width, height] of [
        [1280, 800],
        [390, 844],
      ] as const) {
        const page = await playground.openAs(KARIN, { viewport: { width, height }, errors });
        pages.push({ page, width });
      }
      await expect
        .poll(() => playground.server.app.localPort?.connected(KARIN), { timeout: 15_000 })
        .toBe(true);
      await playground.server.app.checkIns.tick(clock.now());
      await playground.server.app.deliveries.drain();
      const { ids: due, names } = await promptedActivities(playground.server.app, KARIN);
      expect(due).toHaveLength(13);

      for (const { page, width } of pages) {
        const cards = page.locator('#messages li.from-bot .card', { hasText: 'Dags för avstämning' });
        await cards.nth(1).waitFor({ timeout: 15_000 });
        expect(await cards.count()).toBe(2);
        const text = (await cards.allInnerTexts()).join('\n');
        for (const name of names) expect(text, `${name} at ${width} px`).toContain(name);
        expect(text).toContain('Del 1 av 2 · aktivitet 1–7 av 13');
        expect(text).toContain('Del 2 av 2 · aktivitet 8–13 av 13');
        expect(text).not.toContain('som inte får plats');
        for (const card of await cards.all()) {
          const edge = await box(card);
          const buttons = await card.locator('button:visible').all();
          expect(buttons.length).toBeGreaterThan(0);
          for (const button of buttons) {
            const b = await box(button);
            const label = await button.innerText();
            expect(b.left, `${label} at ${width} px`).toBeGreaterThanOrEqual(edge.left - 0.5);
            expect(b.right, `${label} at ${width} px`).toBeLessThanOrEqual(edge.right + 0.5);
          }
        }
        if (SCREENSHOTS && width === 1280) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          await cards.first().screenshot({ path: `${SCREENSHOTS}/check-in-prompt-playground-${width}.png` });
        }
      }

      // One tap on the 10th activity's "Enligt plan" (phone width): recorded, and only that activity loses its buttons.
      const { page } = pages[1] as (typeof pages)[number];
      const second = page.locator('#messages li.from-bot .card', { hasText: 'Del 2 av 2' });
      const tenth = second.locator('.ac-container', { hasText: names[9] ?? '' }).first();
      await tenth.getByRole('button', { name: 'Enligt plan' }).click();
      await expect
        .poll(
          async () => {
            await playground.server.app.deliveries.drain();
            return await playground.server.app.db.kysely
              .selectFrom('check_ins')
              .select(['activity_id', 'status_code'])
              .execute();
          },
          // On a loaded machine the page, the outbox and the database take a while.
          { timeout: 15_000 },
        )
        .toEqual([{ activity_id: due[9], status_code: 'on_track' }]);
      await expect.poll(() => second.innerText(), { timeout: 15_000 }).toContain('✓ Du svarade');
      await expect(second.getByRole('button', { name: 'Enligt plan' }).count()).resolves.toBe(5);
      expect(errors).toEqual([]);
    });
  },
);
