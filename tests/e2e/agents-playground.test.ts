import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Microsoft's own local Teams client, the Microsoft 365 Agents Playground (offline, no telemetry,
 * no browser of its own), in front of delmal in DELMAL_ENV=local, driven in Chromium as a
 * developer would use it (docs/teams.md). It reads the shipped `.m365agentsplayground.yml` from
 * the repository root: the user is Ingrid Bäckström, an owner in the catalog. Everything starts
 * once for the file; the tests use separate messages in one personal chat.
 */
const CLI = join(PACKAGE_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe.skipIf(skipBrowser)('delmal in the Microsoft 365 Agents Playground', () => {
  let server: TestServer;
  let playground: ChildProcess;
  let browser: Browser;
  let page: Page;
  let output = '';

  beforeAll(async () => {
    server = await startTestServer({ DELMAL_ENV: 'local' }, 'sqlite', systemClock);
    const port = await freePort();
    playground = spawn(
      process.execPath,
      [CLI, '-e', `${server.base}/api/messages`, '-c', 'msteams', '-p', String(port), '--dt'],
      { cwd: PACKAGE_ROOT, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Agents Playground did not start:\n${output}`)),
        45_000,
      );
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes(`Listening on ${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      playground.stdout?.on('data', read);
      playground.stderr?.on('data', read);
      playground.once('exit', (code) => reject(new Error(`Agents Playground exited (${code}):\n${output}`)));
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
    // Connected: the Playground installed delmal in the personal chat and delmal answered 200.
    await page.getByText('installationUpdate 200').waitFor();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    playground?.kill('SIGTERM');
    await server?.stop();
  });

  const say = async (text: string) => {
    const before = await page.locator('.ac-adaptiveCard').count();
    await page.locator('[data-lexical-editor=true]').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.locator('.ac-adaptiveCard').nth(before).waitFor();
    return page.locator('.ac-adaptiveCard').nth(before);
  };

  it('answers "delmal 5" with the delmål and its activities, as Teams renders the card', async () => {
    const card = await say('delmal 5');
    await card.getByText('Delmål 5: Sårbara barn får det stöd de behöver').waitFor();
    await expect(card.innerText()).resolves.toContain(
      'Regional strategi för länets föräldraskapsstödsarbete',
    );
  });

  it('records a check-in from a status button and replaces the card in place (Action.Execute)', async () => {
    const card = await say('delmal avstamning regional-strategi-foraldraskapsstod');
    // Teams' renderer drops `<…>` as markup: the hint's placeholders must survive it.
    await expect(card.innerText()).resolves.toContain(
      'delmal avstamning regional-strategi-foraldraskapsstod ‹status› ‹kommentar›',
    );
    await card.getByRole('button', { name: 'Enligt plan', exact: true }).click();
    await card.getByText(/Tack! Registrerat \d\d:\d\d — Enligt plan/).waitFor();
    // The same card now says so; no new message was needed.
    await expect(card.innerText()).resolves.toContain(
      'Regional strategi för länets föräldraskapsstödsarbete',
    );
  });

  it('takes the check-in form: the note goes with the status pressed, confirmed in place (Action.Execute)', async () => {
    const card = await say('delmal avstamning regional-strategi-foraldraskapsstod');
    // Asked for on its own, the form opens with its fields showing and one set of status buttons.
    await card.locator('textarea').first().fill('Arbetsgruppen har träffats två gånger.');
    await card.getByRole('button', { name: 'Risk för avvikelse', exact: true }).last().click();
    await page
      .getByText(/Tack! Registrerat \d\d:\d\d — Risk för avvikelse/)
      .last()
      .waitFor();
    const saved = await server.app.db.kysely
      .selectFrom('check_ins')
      .select(['status_code', 'note'])
      .where('status_code', '=', 'at_risk')
      .execute();
    expect(saved).toEqual([{ status_code: 'at_risk', note: 'Arbetsgruppen har träffats två gånger.' }]);
  });
});
