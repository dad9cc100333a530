import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { launchChromium } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/** The real delmal (SQLite, the test environment: the playground is on) and headless Chromium. */
export interface Playground {
  readonly server: TestServer;
  readonly browser: Browser;
  /**
   * A new page (Swedish, `viewport` if given) on the playground, its script ready, speaking as
   * `email`; the page's script errors go to `errors` when given.
   */
  openAs(
    email: string,
    options?: { viewport?: { width: number; height: number }; errors?: string[] },
  ): Promise<Page>;
}

/**
 * Starts a {@link Playground} on `clock` before the calling block's tests and stops it after them
 * (one per block: nothing is shared with other files). Read its fields inside hooks and tests only.
 */
export function usePlayground(clock: Clock): Playground {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer({}, 'sqlite', clock);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error('the playground runs only while its block runs');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    openAs: async (email, options = {}) => {
      const { server, browser } = started();
      const page = await browser.newPage({
        locale: 'sv-SE',
        ...(options.viewport ? { viewport: options.viewport } : {}),
      });
      const errors = options.errors;
      if (errors) page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.base}/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.selectOption('#who', email);
      return page;
    },
  };
}
