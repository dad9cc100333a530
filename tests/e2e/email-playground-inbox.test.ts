import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import {
  enqueuePrompt,
  openWeekRound,
  promptMessage,
  setReach,
  WEEK_ROUND,
} from '../support/answer-rounds.js';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ALI = 'ali.hassan@example.org';
const ROUND = WEEK_ROUND;

describe.skipIf(skipBrowser)('the playground’s E-post inbox', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const clock = fixedClock('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    server = await startTestServer({}, 'sqlite', clock);
    browser = await launchChromium();
    await setReach(server.app.db, ALI, 'email');
    await openWeekRound(server.app.db, ['cherries']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows what would have been sent, and its link opens the answer page that records the answer', async () => {
    await enqueuePrompt(server.app.db, server.app.deliveries, {
      roundId: ROUND,
      email: ALI,
      to: { kind: 'person', email: ALI },
      message: promptMessage(ROUND, [{ id: 'cherries', name: 'CHERRIES' }]),
    });
    await server.app.deliveries.drain();
    const page = await browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${server.base}/`);
    await page.getByRole('link', { name: 'E-post' }).click();
    expect(await page.locator('h1').textContent()).toBe('E-post');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Avstämning: CHERRIES – svara senast 27 november 2026',
    );
    await page.locator('pre a').first().click();
    await page.getByRole('radio', { name: 'Enligt plan' }).check();
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.waitForURL(/sparat=ny/);
    const rows = await server.app.db.kysely
      .selectFrom('check_ins')
      .select(['status_code', 'platform'])
      .execute();
    expect(rows).toEqual([{ status_code: 'on_track', platform: 'email' }]);
  });
});
