import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ARTIFACTS = join(PACKAGE_ROOT, 'test-results');

describe.skipIf(skipBrowser)('the playground in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1250 }, locale: 'sv-SE' });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.base}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const lastCard = () => page.locator('#messages li .card').last();

  it('answers "/delmal 5" with the delmål’s title and its activities', async () => {
    await page.fill('#text', '/delmal 5');
    await page.press('#text', 'Enter');
    const card = lastCard();
    await card.getByText('Delmål 5: Sårbara barn får det stöd de behöver').waitFor();
    await expect(card.innerText()).resolves.toContain('Sårbara barns och ungas rättigheter');
    await expect(card.innerText()).resolves.toContain('Första kontakten');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground-delmal-5.png') });
  });

  it('opens an activity when its button is clicked', async () => {
    const before = await page.locator('#messages li .card').count();
    // Each activity row is one tap target, as in Teams.
    await lastCard().locator('.ac-selectable', { hasText: 'Första kontakten' }).first().click();
    await expect.poll(() => page.locator('#messages li .card').count()).toBeGreaterThan(before);
    await expect(lastCard().innerText()).resolves.toContain('Statushistorik');
    await expect(lastCard().innerText()).resolves.toContain('Första kontakten');
    await expect(page.locator('#messages li .author').nth(-2).innerText()).resolves.toBe('Du');
  });

  it('expands the full text in place', async () => {
    await page.fill('#text', 'delmal 5');
    await page.press('#text', 'Enter');
    await lastCard().getByText('Delmål 5: Sårbara barn får det stöd de behöver').waitFor();
    await lastCard().getByRole('button', { name: 'Visa hela texten' }).click();
    await lastCard()
      .getByText('Barns delaktighet behöver stärkas under hela ärendeprocessen', { exact: false })
      .waitFor();
  });

  it('lets you be a demo owner and see your own activities', async () => {
    const option = page.locator('#who option').nth(1);
    const name = (await option.innerText()).split(' – ')[0] ?? '';
    await page.selectOption('#who', { index: 1 });
    await page.fill('#text', 'delmal mina');
    await page.press('#text', 'Enter');
    await lastCard().getByText(`Mina aktiviteter – ${name}`).waitFor();
  });

  it('answers in a network channel when addressed', async () => {
    await page.locator('#conversations button').nth(1).click();
    await expect(page.locator('#conversation-name').innerText()).resolves.toMatch(/^# /);
    await page.fill('#text', '/delmal sok ensamhet');
    await page.press('#text', 'Enter');
    await lastCard().getByText('Aktivitet: CHERRIES').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'playground-channel.png') });
  });

  it('ran without script errors', () => {
    expect(errors).toEqual([]);
  });
});
