import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, installed by `.ci/run` (apt-get install chromium). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** True when browser tests should be skipped: no Chromium here and not in CI (where they must run). */
export const skipBrowser = !existsSync(CHROMIUM) && !inCi;
if (skipBrowser)
  console.warn(
    `\n[delmal tests] ${CHROMIUM} not found: browser tests are SKIPPED (apt-get install chromium). In CI they fail.\n`,
  );

/** Starts headless Chromium the way this machine allows: no sandbox (root), no background networking. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
