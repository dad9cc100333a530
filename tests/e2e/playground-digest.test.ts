import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PLAIN_CHECK_IN } from '../../db/check-ins.repository.js';
import { fixedClock } from '../../src/clock.js';
import { skipBrowser } from '../support/browser.js';
import { usePlayground } from '../support/playground.js';

const CHAIR = 'lena.ekstrom@example.org'; // chairs LAG missbruk
const clock = fixedClock('2026-11-27T09:00:00Z');

describe.skipIf(skipBrowser)('the playground’s channel view shows a bound network’s digest', () => {
  const playground = usePlayground(clock);

  it('binds LAG missbruk in its channel and shows the Monday digest there as a card, details expandable', async () => {
    const page = await playground.openAs(CHAIR);
    await page.locator('#conversations button[data-id="network:lag-missbruk"]').click();
    await page.fill('#text', '@delmal natverk koppla lag-missbruk');
    await page.click('#send');
    await page
      .locator('#messages li .card', { hasText: 'LAG missbruk är nu kopplat till den här kanalen' })
      .waitFor();

    // A blocker reported this week, by insert, as the check-in engine would have stored it.
    const activity = await playground.server.app.db.kysely
      .selectFrom('activity_goals')
      .select('activity_id')
      .where('goal_id', '=', 'sv-delmal-3')
      .executeTakeFirstOrThrow();
    await playground.server.app.db.kysely
      .insertInto('check_ins')
      .values({
        id: randomUUID(),
        activity_id: activity.activity_id,
        person_id: null,
        author_name: 'Lena Ekström',
        status_code: 'blocked',
        note: 'Lokalen är uppsagd.',
        platform: 'local',
        created_at: '2026-11-26T10:00:00.000Z',
        idempotency_key: null,
        ...PLAIN_CHECK_IN,
      })
      .execute();
    for (let i = 0; i < 9; i++)
      await playground.server.app.db.kysely
        .insertInto('check_ins')
        .values({
          id: randomUUID(),
          activity_id: activity.activity_id,
          person_id: null,
          author_name: 'Lena Ekström',
          status_code: 'blocked',
          note: `Uppföljning ${i + 1}.`,
          platform: 'local',
          created_at: `2026-11-26T1${i}:30:00.000Z`,
          idempotency_key: null,
          ...PLAIN_CHECK_IN,
        })
        .execute();

    clock.set('2026-11-30T07:00:10Z');
    const run = await playground.server.app.digests.run(clock.now());
    expect(run.sent).toContainEqual({ networkId: 'lag-missbruk', slot: '2026-11-30', channels: 1 });
    // (No settled(): the page's event stream is a request that stays open.)

    const digest = page.locator('#messages li .card', { hasText: 'Veckosammanfattning – LAG missbruk' });
    await digest.waitFor();
    const text = await digest.innerText();
    expect(text).toMatch(/\d+ av \d+ aktiviteter har rapporterat · 1 hinder/);
    expect(text.indexOf('Behöver uppmärksamhet')).toBeLessThan(text.indexOf('Läget per delmål'));
    // A busy week: the updates are behind an expandable section, opened in place.
    expect(text).not.toContain('Uppföljning 3.');
    await digest.getByRole('button', { name: /Visa detaljer/ }).click();
    await expect.poll(() => digest.innerText()).toContain('Uppföljning 3.');

    // The DM does not show the channel's digest.
    await page.locator('#conversations button[data-id="dm"]').click();
    expect(await page.locator('#messages').innerText()).not.toContain('Veckosammanfattning');
    await page.close();
  });
});
