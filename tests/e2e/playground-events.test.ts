import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/delivery/deliveries.js';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ANNA = 'anna.lindqvist@example.org';

describe.skipIf(skipBrowser)('the playground receives what delmal writes on its own', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${server.base}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#who', ANNA);
    return page;
  };
  const prompt = (id: string, key: 'checkin.prompt.text' | 'checkin.saved.hint'): OutboxItem => ({
    id,
    lane: 'bulk',
    to: { kind: 'person', email: ANNA, platform: 'local' },
    message: { type: 'text', key },
    attempts: 0,
    uncertain: false,
  });
  const seen = (id: string) =>
    server.app.db.kysely
      .selectFrom('local_messages')
      .select('seen_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('shows a message in the open page at once', async () => {
    const page = await open();
    await expect.poll(() => server.app.localPort?.connected(ANNA)).toBe(true);
    const result = await server.app.deliverer.deliver(
      prompt('ob-1', 'checkin.prompt.text'),
      new AbortController().signal,
    );
    expect(result.ok).toBe(true);
    await page.locator('#messages li .card', { hasText: 'Hur går arbetet just nu? Välj status.' }).waitFor();
    const id = result.ok ? (result.sent?.messageId ?? '') : '';
    expect((await seen(id)).seen_at).not.toBeNull();
    await page.close();
  });

  it('keeps what arrived while no page was open and shows it when one connects', async () => {
    await expect.poll(() => server.app.localPort?.connected(ANNA)).toBe(false);
    const result = await server.app.deliverer.deliver(
      prompt('ob-2', 'checkin.saved.hint'),
      new AbortController().signal,
    );
    const id = result.ok ? (result.sent?.messageId ?? '') : '';
    expect((await seen(id)).seen_at).toBeNull();
    const page = await open();
    const card = page.locator('#messages li .card').last();
    await expect.poll(() => card.innerText().catch(() => '')).toContain('den senaste avstämningen gäller');
    await expect.poll(async () => (await seen(id)).seen_at).not.toBeNull();
    await page.close();
  });
});
