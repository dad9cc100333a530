import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { enqueuePrompt, openWeek, promptMessage, WEEK_ROUND } from '../support/answer-rounds.js';
import { skipBrowser } from '../support/browser.js';
import { usePlayground } from '../support/playground.js';

const MARIA = 'maria.sandberg@example.org';
const ALI = 'ali.hassan@example.org';
const ROUND = WEEK_ROUND;

describe.skipIf(skipBrowser)('a check-in prompt in the playground', { timeout: 90_000 }, () => {
  const errors: string[] = [];
  const clock = fixedClock('2026-11-24T09:00:00Z');

  const playground = usePlayground(clock);
  beforeAll(async () => {
    await openWeek(playground.server.app.db, ['cherries']);
  });

  const openAs = (email: string) =>
    playground.openAs(email, { viewport: { width: 1280, height: 900 }, errors });
  // Not `settled()`: an open page keeps its event stream (a request) in flight for good.
  const deliver = () => playground.server.app.deliveries.drain();
  const checkIns = () =>
    playground.server.app.db.kysely
      .selectFrom('check_ins')
      .select(['status_code', 'note', 'platform', 'round_id', 'version', 'author_name'])
      .execute();

  it('arrives, one tap answers it and the prompt changes in place; edit works; the second owner sees the answer', async () => {
    const page = await openAs(MARIA);
    await expect.poll(() => playground.server.app.localPort?.connected(MARIA)).toBe(true);
    const message = promptMessage(ROUND, [{ id: 'cherries', name: 'CHERRIES', currentStatus: 'on_track' }]);
    for (const email of [MARIA, ALI])
      await enqueuePrompt(playground.server.app.db, playground.server.app.deliveries, {
        roundId: ROUND,
        email,
        to: { kind: 'person', email, platform: 'local' },
        message,
      });
    await deliver();
    const prompt = page.locator('#messages li.from-bot .card', { hasText: 'Dags för avstämning' });
    await prompt.waitFor();
    await expect(prompt.innerText()).resolves.toContain('Senast: Enligt plan');

    // One tap: the button's words are what Maria "said", never the command behind it.
    await prompt.getByRole('button', { name: 'Risk för avvikelse' }).click();
    await page.locator('#messages li .card', { hasText: 'Tack! Registrerat' }).waitFor();
    const said = page.locator('#messages li:not(.from-bot) .message-text').last();
    await expect(said.innerText()).resolves.toBe('Risk för avvikelse');
    await deliver();
    expect(await checkIns()).toEqual([
      {
        status_code: 'at_risk',
        note: '',
        platform: 'local',
        round_id: ROUND,
        version: 1,
        author_name: 'Maria Sandberg',
      },
    ]);
    // The same message, updated: the answer shown, the status buttons gone.
    await expect.poll(() => prompt.innerText()).toContain('✓ Du svarade');
    await expect(prompt.getByRole('button', { name: 'Enligt plan' }).count()).resolves.toBe(0);
    await expect(
      page.locator('#messages li.from-bot .card', { hasText: 'Dags för avstämning' }).count(),
    ).resolves.toBe(1);

    // Edit with text: open the form on the prompt, write, choose the new status.
    clock.set('2026-11-25T10:00:00Z');
    await prompt.getByRole('button', { name: 'Ändra svaret' }).click();
    await prompt.locator('textarea').first().fill('Lokalen drogs in.');
    await prompt.getByRole('button', { name: 'Hinder / avvikelse' }).click();
    await page.locator('#messages li .card', { hasText: 'Ändrat' }).waitFor();
    await deliver();
    expect(await checkIns()).toMatchObject([
      { status_code: 'blocked', note: 'Lokalen drogs in.', version: 2 },
    ]);
    await expect.poll(() => prompt.innerText()).toContain('Hinder / avvikelse');
    await page.close();

    // Ali opens the playground later: his prompt already shows Maria's answer; he may comment.
    const alis = await openAs(ALI);
    const his = alis.locator('#messages li.from-bot .card', { hasText: 'Dags för avstämning' });
    await expect.poll(() => his.innerText().catch(() => '')).toContain('✓ Maria Sandberg svarade');
    await expect(his.getByRole('button', { name: 'Risk för avvikelse' }).count()).resolves.toBe(0);
    await his.getByRole('button', { name: 'Lägg till kommentar' }).click();
    await his.locator('textarea').first().fill('Vi letar också efter lokal.');
    await his.getByRole('button', { name: 'Skicka kommentar' }).click();
    await alis.locator('#messages li .card', { hasText: 'Omgången var redan besvarad' }).waitFor();
    expect((await checkIns()).map((r) => [r.author_name, r.note])).toEqual([
      ['Maria Sandberg', 'Lokalen drogs in.'],
      ['Ali Hassan', 'Vi letar också efter lokal.'],
    ]);
    await alis.close();
    expect(errors).toEqual([]);
  });
});
