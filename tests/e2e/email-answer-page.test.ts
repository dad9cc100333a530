import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { enqueuePrompt, openWeek, promptMessage, setReach, WEEK_ROUND } from '../support/answer-rounds.js';
import { skipBrowser } from '../support/browser.js';
import { usePlayground } from '../support/playground.js';

const ALI = 'ali.hassan@example.org';
const ROUND = WEEK_ROUND;
const AXE = join(PACKAGE_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: unknown[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the open page; returns its violations. */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const run = (
      globalThis as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await run.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    // A run that checked nothing would pass anything.
    if (result.passes.length < 10) throw new Error(`axe checked only ${result.passes.length} rules`);
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => (n as { html: string }).html),
    }));
  });
}

describe.skipIf(skipBrowser)('the e-mail answer page in Chromium', { timeout: 90_000 }, () => {
  let link = '';
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const checkIns = () =>
    playground.server.app.db.kysely
      .selectFrom('check_ins')
      .select(['status_code', 'note', 'platform', 'needs_support'])
      .execute();

  // No SMTP_URL: the test environment's e-mail goes to the playground's inbox.
  const playground = usePlayground(clock);
  beforeAll(async () => {
    await setReach(playground.server.app.db, ALI, 'email');
    await openWeek(playground.server.app.db, ['cherries', 'mhfa-forsta-hjalpen-psykisk-halsa']);
    await enqueuePrompt(playground.server.app.db, playground.server.app.deliveries, {
      roundId: ROUND,
      email: ALI,
      to: { kind: 'person', email: ALI },
      message: promptMessage(ROUND, [
        { id: 'cherries', name: 'CHERRIES', currentStatus: 'on_track' },
        { id: 'mhfa-forsta-hjalpen-psykisk-halsa', name: 'MHFA' },
      ]),
    });
    await playground.server.app.deliveries.drain();
    link =
      /http:\/\/\S+\/svar\?t=\S+/.exec(playground.server.app.email?.inbox?.list()[0]?.text ?? '')?.[0] ?? '';
  });

  it('axe-core finds no violations on the answer page, its error state and the accessibility statement; it reflows at 320 px', async () => {
    expect(link).not.toBe('');
    const context = await playground.browser.newContext({
      bypassCSP: true,
      locale: 'sv-SE',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(link);
    expect(await page.locator('h1').textContent()).toBe('Avstämning');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Risk för avvikelse' }).first().check();
    await page.getByLabel('Vad har hänt? (valfritt)').first().fill('Se 19121212-1212');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await expect.poll(() => page.locator('#fel').count()).toBe(1);
    expect(await page.locator('#note-cherries').getAttribute('aria-describedby')).toContain(
      'note-cherries-fel',
    );
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('fel');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    expect(await page.locator('h1').textContent()).toBe('Tillgänglighetsredogörelse för delmals svarssida');
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(link);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await checkIns()).toEqual([]);
    await context.close();
  });

  it('works with JavaScript disabled, by keyboard alone, at 320 px', async () => {
    const context = await playground.browser.newContext({
      javaScriptEnabled: false,
      locale: 'sv-SE',
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto(link);
    // Skip link, then the first status group: arrows choose within it (radio buttons, no script).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lokalen är försenad');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nytt möte i januari');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sparat=ny/);
    expect(await page.getByText('Tack! Ditt svar är sparat.').count()).toBe(1);
    expect(await checkIns()).toEqual([
      { status_code: 'at_risk', note: 'Lokalen är försenad', platform: 'email', needs_support: 1 },
    ]);
    await context.close();
  });
});
