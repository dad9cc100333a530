import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixedClock, simulatedClock } from '../../src/clock.js';
import { translator } from '../../src/i18n/i18n.js';
import { skipBrowser } from '../support/browser.js';
import { fitProblems, inPage } from '../support/fit.js';
import { usePlayground } from '../support/playground.js';

const PETER = 'peter.nystrom@example.org'; // owns 8 activities of the plan's round
const LENA = 'lena.ekstrom@example.org'; // chairs LAG missbruk
const t = translator('sv');
/** A heading's fixed words (before any `{parameter}`): what a person recognises a prompt by. */
const headingWords = (key: 'prompt.heading.prompt' | 'prompt.heading.reminder') =>
  (t(key).split('{')[0] ?? '').trim();
const PROMPT = headingWords('prompt.heading.prompt');
const REMINDER = headingWords('prompt.heading.reminder');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** `DELMAL_SCREENSHOTS=docs/screenshots` keeps each persona's main moments as pictures (docs/playground.md). */
const SHOTS = process.env.DELMAL_SCREENSHOTS;

describe.skipIf(skipBrowser)('a week in the playground, on simulated time', { timeout: 240_000 }, () => {
  const errors: string[] = [];
  // Tuesday 15 December 2026, 08:55 in Stockholm: five minutes before the fortnightly round. The
  // simulated clock stands still unless moved (its wall clock is fixed): every step is explicit.
  const clock = simulatedClock(new Date('2026-12-15T08:55:00+01:00'), fixedClock('2026-12-06T12:00:00Z'));

  const playground = usePlayground(clock);

  const openAs = (email: string, viewport: typeof DESKTOP) => playground.openAs(email, { viewport, errors });
  const cards = (page: Page) => page.locator('#messages li.from-bot .card');
  const withHeading = (page: Page, text: string) => cards(page).filter({ hasText: text });
  /** A picture of what `page` shows, with `card`'s first line at the top of the conversation. */
  async function shoot(page: Page, name: string, at: typeof DESKTOP, card: Locator) {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await card.evaluate(inPage<void>('(card) => card.parentElement.scrollIntoView()'));
    await page.screenshot({ path: join(SHOTS, `${name}-${at.width}.png`) });
  }
  async function ask(page: Page, text: string) {
    const before = await cards(page).count();
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    await expect.poll(() => cards(page).count()).toBeGreaterThan(before);
    return cards(page).last();
  }
  /** Presses a clock button as a newcomer would, and waits until the jump is done. */
  async function advance(page: Page, label: string) {
    const done = page.waitForResponse(
      (r) => r.url().endsWith('/playground/api/clock') && r.request().method() === 'POST',
    );
    await page.locator('#clock-buttons button', { hasText: label }).click();
    expect((await done).status()).toBe(200);
  }
  /** What a page shows of the conversation: who wrote, and the words, in order. */
  const conversation = async (page: Page) =>
    (await page.locator('#messages li').allInnerTexts()).map((text) => text.slice(0, 120));

  it('a member asks "delmal 5" and sees the delmål with its activities, on a desktop and a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      // Every demo person owns or chairs something: the member is the playground's unknown visitor.
      const page = await openAs('', viewport);
      const answer = await ask(page, 'delmal 5');
      await expect(answer.innerText()).resolves.toContain('Delmål 5: Sårbara barn får det stöd de behöver');
      await expect(answer.innerText()).resolves.toContain('Första kontakten');
      expect(await fitProblems(answer)).toEqual([]);
      await shoot(page, 'member-answer', viewport, answer);
      await page.close();
    }
    expect(errors).toEqual([]);
  });

  it('the clock opens the round, an owner answers on the phone, a reminder follows, the chair gets the Monday digest', async () => {
    // The chair binds LAG missbruk to its channel, where the digest will come.
    const lena = await openAs(LENA, DESKTOP);
    await expect.poll(() => lena.locator('#clock-now').innerText()).toMatch(/15 dec.* 08:55/);
    await lena.locator('#conversations button[data-id="network:lag-missbruk"]').click();
    await ask(lena, '@delmal natverk koppla lag-missbruk');

    // Peter has the playground open on his desktop and his phone.
    const desk = await openAs(PETER, DESKTOP);
    const phone = await openAs(PETER, PHONE);
    await expect(withHeading(desk, PROMPT).count()).resolves.toBe(0);

    // Five minutes later (one tap) the round opens: the prompt, stamped 09:00, on both screens.
    await advance(desk, t('playground.clock.quarter'));
    const view = await playground.server.app.chat.store.get();
    const round = await playground.server.app.db.kysely
      .selectFrom('check_in_round_activities')
      .select('activity_id')
      .execute();
    const his = view.view.catalog.activities
      .filter((a) => a.owners.includes(PETER) && round.some((r) => r.activity_id === a.id))
      .map((a) => a.name);
    expect(his.length).toBeGreaterThan(0);
    for (const page of [desk, phone]) {
      // A long prompt comes in parts ("del 1 av 2"): every activity is named in one of them.
      const parts = withHeading(page, PROMPT);
      await parts.first().waitFor();
      const text = (await parts.allInnerTexts()).join('\n');
      for (const name of his) expect(text).toContain(name);
      await expect(parts.first().locator('xpath=..').locator('time').innerText()).resolves.toMatch(/09:00/);
      for (let i = 0; i < (await parts.count()); i++) expect(await fitProblems(parts.nth(i))).toEqual([]);
    }
    await shoot(desk, 'owner-prompt', DESKTOP, withHeading(desk, PROMPT).first());
    await shoot(phone, 'owner-prompt', PHONE, withHeading(phone, PROMPT).first());

    // The form is one tap away on the prompt.
    for (const [page, viewport] of [
      [desk, DESKTOP],
      [phone, PHONE],
    ] as const) {
      const prompt = withHeading(page, PROMPT).first();
      await prompt
        .getByRole('button', { name: t('prompt.addText') })
        .first()
        .click();
      await prompt.locator('textarea, input[type="text"]').first().waitFor();
      expect(await fitProblems(prompt)).toEqual([]);
      if (SHOTS) {
        // The form with the activity it belongs to: its first field a third down the view.
        await shoot(page, 'owner-form', viewport, prompt);
        await prompt
          .locator('textarea')
          .first()
          .evaluate(inPage<void>("(field) => field.scrollIntoView({ block: 'center' })"));
        await page.screenshot({ path: join(SHOTS, `owner-form-${viewport.width}.png`) });
      }
    }

    // One tap on the phone answers; the desktop shows the same conversation at once.
    const before = await cards(phone).count();
    await withHeading(phone, PROMPT).first().getByRole('button', { name: 'Enligt plan' }).first().click();
    await expect.poll(() => cards(phone).count()).toBeGreaterThan(before);
    const bothShow = async () => {
      const [onDesk, onPhone] = await Promise.all([conversation(desk), conversation(phone)]);
      return onDesk.length > 0 && JSON.stringify(onDesk) === JSON.stringify(onPhone) ? onDesk : [];
    };
    await expect.poll(bothShow).toContainEqual(expect.stringMatching(/^Peter Nyström.*\n+Enligt plan/));
    const answers = await playground.server.app.db.kysely
      .selectFrom('check_ins')
      .select(['status_code', 'created_at'])
      .execute();
    // The answer carries the simulated time, as the round does.
    expect(answers).toEqual([
      { status_code: 'on_track', created_at: expect.stringMatching(/^2026-12-15T08:10/) },
    ]);

    // Two workdays later, Thursday 09:00: one reminder, privately, for what is still open.
    await advance(desk, t('playground.clock.day'));
    await expect(withHeading(desk, REMINDER).count()).resolves.toBe(0);
    await advance(desk, t('playground.clock.day'));
    await withHeading(desk, REMINDER).first().waitFor();
    await withHeading(phone, REMINDER).first().waitFor();
    await expect.poll(() => desk.locator('#clock-now').innerText()).toMatch(/17 dec.* 09:\d\d/);

    // On to Monday: the digest is in the channel when the chair looks.
    for (let day = 0; day < 4; day++) await advance(lena, t('playground.clock.day'));
    const heading = t('digest.heading', { network: 'LAG missbruk' });
    const digest = withHeading(lena, heading);
    await digest.waitFor();
    await expect(digest.locator('xpath=..').locator('time').innerText()).resolves.toMatch(
      /mån 21 dec.* 08:00/,
    );
    expect(await fitProblems(digest)).toEqual([]);
    await shoot(lena, 'chair-digest', DESKTOP, digest);
    const lenaPhone = await openAs(LENA, PHONE);
    await lenaPhone.locator('#conversations button[data-id="network:lag-missbruk"]').click();
    await withHeading(lenaPhone, heading).waitFor();
    await shoot(lenaPhone, 'chair-digest', PHONE, withHeading(lenaPhone, heading));

    // A reload shows the same conversation.
    const shown = await conversation(desk);
    await desk.reload();
    await desk.waitForSelector('body[data-ready="true"]');
    await desk.selectOption('#who', PETER);
    await expect.poll(() => conversation(desk)).toEqual(shown);

    // Another person on the phone: their DM only, nothing of Peter's.
    await phone.selectOption('#who', LENA);
    // Her own prompt from the round (she owns activities too) is there.
    await cards(phone).first().waitFor();
    const petersAnswer = shown.find((line) => line.startsWith('Peter Nyström'));
    expect(petersAnswer).toBeDefined();
    await expect.poll(() => conversation(phone)).not.toContain(petersAnswer);
    const names = await phone.locator('#messages li:not(.from-bot) .author').allInnerTexts();
    expect(names.filter((name) => name !== 'Lena Ekström')).toEqual([]);
    for (const page of [lena, lenaPhone, desk, phone]) await page.close();
    expect(errors).toEqual([]);
  });
});
