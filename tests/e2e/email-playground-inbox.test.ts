import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { enqueuePrompt, openWeek, promptMessage, setReach, WEEK_ROUND } from '../support/answer-rounds.js';
import { skipBrowser } from '../support/browser.js';
import { usePlayground } from '../support/playground.js';

const ALI = 'ali.hassan@example.org';
const ROUND = WEEK_ROUND;

describe.skipIf(skipBrowser)('the playground’s E-post inbox', { timeout: 90_000 }, () => {
  const clock = fixedClock('2026-11-24T09:00:00Z');

  const playground = usePlayground(clock);
  beforeAll(async () => {
    await setReach(playground.server.app.db, ALI, 'email');
    await openWeek(playground.server.app.db, ['cherries']);
  });

  it('shows what would have been sent, and its link opens the answer page that records the answer', async () => {
    await enqueuePrompt(playground.server.app.db, playground.server.app.deliveries, {
      roundId: ROUND,
      email: ALI,
      to: { kind: 'person', email: ALI },
      message: promptMessage(ROUND, [{ id: 'cherries', name: 'CHERRIES' }]),
    });
    await playground.server.app.deliveries.drain();
    const page = await playground.browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${playground.server.base}/`);
    await page.getByRole('link', { name: 'E-post' }).click();
    expect(await page.locator('h1').textContent()).toBe('E-post');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Avstämning: CHERRIES – svara senast 27 november 2026',
    );
    await page.locator('pre a').first().click();
    await page.getByRole('radio', { name: 'Enligt plan' }).check();
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.waitForURL(/sparat=ny/);
    const rows = await playground.server.app.db.kysely
      .selectFrom('check_ins')
      .select(['status_code', 'platform'])
      .execute();
    expect(rows).toEqual([{ status_code: 'on_track', platform: 'email' }]);
  });
});
