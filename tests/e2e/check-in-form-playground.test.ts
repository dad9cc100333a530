import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { skipBrowser } from '../support/browser.js';
import { usePlayground } from '../support/playground.js';

const MARIA = 'maria.sandberg@example.org';
/** Skatteverket's published test personnummer: a valid checksum, nobody's number. */
const NOTE_WITH_NUMBER = 'Ringde 19121212-1212 om lokalen.';

describe.skipIf(skipBrowser)('the check-in form in the playground', { timeout: 90_000 }, () => {
  const clock = fixedClock('2026-12-15T09:00:00Z');
  const playground = usePlayground(clock);

  it.each([
    [1280, 800],
    [390, 844],
  ])(
    'one set of status buttons; a refused note keeps its text, says what to change, and is saved with the next status (%i px)',
    async (width, height) => {
      const count = async () =>
        (await playground.server.app.db.kysely.selectFrom('check_ins').select('id').execute()).length;
      const before = await count();
      const errors: string[] = [];
      const page = await playground.openAs(MARIA, { viewport: { width, height }, errors });
      await page.fill('#text', 'delmal avstamning cherries');
      await page.press('#text', 'Enter');
      const form = page.locator('#messages li.from-bot .card', { hasText: 'Avstämning: CHERRIES' }).last();
      await form.waitFor();
      // The inputs are shown at once, and each status is offered once: the form's own buttons.
      await expect(form.getByRole('button', { name: 'Risk för avvikelse' }).count()).resolves.toBe(1);
      await form.locator('textarea').first().fill(NOTE_WITH_NUMBER);
      await form.getByRole('button', { name: 'Risk för avvikelse' }).click();

      const again = page.locator('#messages li.from-bot .card', { hasText: 'Ingenting har sparats' }).last();
      await again.waitFor();
      // The text is still there, and the reason sits by the field.
      await expect(again.locator('textarea').first().inputValue()).resolves.toBe(NOTE_WITH_NUMBER);
      await expect(again.innerText()).resolves.toMatch(/personnummer/);
      // The button pressed on the first form can be pressed again: nothing was saved.
      // (The answer can be drawn from the page's event stream a moment before its own request returns.)
      await expect
        .poll(() => form.getByRole('button', { name: 'Risk för avvikelse' }).isEnabled())
        .toBe(true);
      expect(await count()).toBe(before);

      await again.locator('textarea').first().fill('Ringde om lokalen.');
      await again.getByRole('button', { name: 'Hinder / avvikelse' }).click();
      await page.locator('#messages li .card', { hasText: 'Tack! Registrerat' }).last().waitFor();
      const saved = await playground.server.app.db.kysely
        .selectFrom('check_ins')
        .select(['status_code', 'note'])
        .orderBy('created_at', 'desc')
        .orderBy('version', 'desc')
        .executeTakeFirstOrThrow();
      expect(await count()).toBe(before + 1);
      expect(saved).toEqual({ status_code: 'blocked', note: 'Ringde om lokalen.' });
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
