import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const SUMMARY_START = 'Det råder otydlighet i ansvarsfördelning i länet';

describe.skipIf(skipBrowser)('the playground feels finished', { timeout: 60_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path = '/', viewport = { width: 1280, height: 720 }): Promise<Page> {
    const page = await browser.newPage({ viewport, locale: 'sv-SE' });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.base}${path}`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }
  const lastCard = (page: Page) => page.locator('#messages li .card').last();
  async function ask(page: Page, text: string, expected: string) {
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    await lastCard(page).getByText(expected, { exact: false }).first().waitFor();
  }

  it('first explains what to try, with example questions that work as buttons', async () => {
    const page = await open();
    // Someone who has not written yet (the conversations are kept server-side, per person).
    await page.selectOption('#who', 'nadia.karimi@example.org');
    const welcome = page.locator('#messages .welcome');
    await expect(welcome.innerText()).resolves.toContain('Fråga om planen med egna ord');
    const examples = welcome.locator('.examples button');
    await expect(examples.count()).resolves.toBeGreaterThanOrEqual(4);
    await examples.getByText('vilka aktiviteter är pausade?').click();
    await lastCard(page).getByText('Aktiviteter med status Pausad').waitFor();
    await expect(page.locator('#messages li .message-text').first().innerText()).resolves.toBe(
      'vilka aktiviteter är pausade?',
    );
    await expect(page.locator('#messages .welcome').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows the first line of a long reply, not its end', async () => {
    const page = await open('/', { width: 1280, height: 480 });
    await ask(page, 'delmal 5', 'Delmål 5: Sårbara barn får det stöd de behöver');
    await ask(page, 'delmal 6', 'Delmål 6: Fullgjord skolgång för utsatta barn');
    const reply = page.locator('#messages li.from-bot').last();
    const [list, box] = await Promise.all([
      page.locator('#messages').boundingBox(),
      reply.locator('.author').boundingBox(),
    ]);
    // The reply is taller than the view, and its first line (the author row) is in view.
    await expect(reply.evaluate((li) => li.getBoundingClientRect().height)).resolves.toBeGreaterThan(
      list?.height ?? 0,
    );
    expect(box?.y ?? -1).toBeGreaterThanOrEqual((list?.y ?? 0) - 1);
    expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan((list?.y ?? 0) + (list?.height ?? 0));
    await page.close();
  });

  it('shows a pressed button’s label as what you said, and disables it once used', async () => {
    const page = await open();
    await ask(page, 'delmal 5', 'Delmål 5: Sårbara barn får det stöd de behöver');
    const card = lastCard(page);
    // The conversation so far (kept server-side) may hold earlier answers: this one is the last.
    const index = (await page.locator('#messages li.from-bot').count()) - 1;
    const next = card.getByRole('button', { name: 'Delmål 6 →' });
    await next.click();
    await lastCard(page).getByText('Delmål 6: Fullgjord skolgång för utsatta barn').waitFor();
    const said = page.locator('#messages li:not(.from-bot) .message-text').last();
    await expect(said.innerText()).resolves.toBe('Delmål 6 →');
    const used = page.locator('#messages li.from-bot').nth(index).getByRole('button', { name: 'Delmål 6 →' });
    await expect(used.isDisabled()).resolves.toBe(true);
    const replies = await page.locator('#messages li.from-bot').count();
    await used.click({ force: true });
    await expect(page.locator('#messages li.from-bot').count()).resolves.toBe(replies);
    await page.close();
  });

  it('is usable at 390 px phone width', async () => {
    const page = await open('/', { width: 390, height: 844 });
    await ask(page, 'delmal 5', 'Delmål 5: Sårbara barn får det stöd de behöver');
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(390);
    for (const selector of ['#text', '#send', '#who'])
      await expect(page.locator(selector).isVisible()).resolves.toBe(true);
    const send = await page.locator('#send').boundingBox();
    expect((send?.x ?? 0) + (send?.width ?? 0)).toBeLessThanOrEqual(390);
    const card = await lastCard(page).boundingBox();
    expect((card?.x ?? 0) + (card?.width ?? 0)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('opens a channel named in the address, with or without #', async () => {
    for (const name of [
      '%23chefsnatverket-socialtjanst',
      'Chefsn%C3%A4tverket%20f%C3%B6r%20socialtj%C3%A4nst',
    ]) {
      const page = await open(`/?kanal=${name}`);
      await expect(page.locator('#conversation-name').innerText()).resolves.toBe(
        '# Chefsnätverket för socialtjänst',
      );
      await page.close();
    }
  });

  it('"Visa hela texten" continues the summary instead of repeating it', async () => {
    const page = await open();
    await ask(page, 'delmal 5', 'Delmål 5: Sårbara barn får det stöd de behöver');
    const card = lastCard(page);
    await expect(card.getByText(SUMMARY_START, { exact: false }).count()).resolves.toBe(1);
    await card.getByRole('button', { name: 'Visa hela texten' }).click();
    await card.getByText('Barns delaktighet behöver stärkas', { exact: false }).waitFor();
    await expect(card.getByText(SUMMARY_START, { exact: false }).count()).resolves.toBe(1);
    await page.close();
  });

  it('ran without script errors', () => {
    expect(errors).toEqual([]);
  });
});
