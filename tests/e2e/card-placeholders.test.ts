import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../adapters/teams/render-card.js';
import type { Reply } from '../../src/chat/reply.js';
import { translator } from '../../src/i18n/i18n.js';
import { launchChromium, skipBrowser } from '../support/browser.js';
import { ask } from '../support/catalog.js';

const ADAPTIVE_CARDS = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');

/**
 * Renders `reply` as Teams would: our Adaptive Card JSON through Microsoft's `adaptivecards`
 * renderer in Chromium, with text handed to the renderer as markup (Teams renders TextBlock
 * markdown to HTML, so `<namn>` becomes an unknown element and disappears). Returns what a reader
 * sees.
 */
async function seenInTeams(page: Page, reply: Reply): Promise<string> {
  const card = renderAdaptiveCard(reply, translator('sv'));
  return page.evaluate((json) => {
    const ac = (globalThis as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
    ac.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = text.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
      result.didProcess = true;
    };
    const adaptive = new ac.AdaptiveCard();
    adaptive.parse(json);
    const element = adaptive.render();
    if (!element) throw new Error('the renderer returned nothing');
    const body = element.ownerDocument.body;
    body.replaceChildren(element);
    return body.innerText;
  }, card as object);
}

describe.skipIf(skipBrowser)('placeholders survive Microsoft’s Adaptive Card renderer', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="sv"><body></body></html>');
    await page.addScriptTag({ path: ADAPTIVE_CARDS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('eats a placeholder in angle brackets (the renderer is faithful to Teams)', async () => {
    const seen = await seenInTeams(page, {
      summary: 's',
      blocks: [{ type: 'text', text: 'Skriv delmal aktivitet <namn> här' }],
    });
    expect(seen).toContain('Skriv delmal aktivitet');
    expect(seen).not.toContain('namn');
  });

  it('shows every usage line of the help with its placeholders', async () => {
    const seen = await seenInTeams(page, await ask('delmal hjälp'));
    expect(seen).toContain('delmal aktivitet ‹namn›');
    expect(seen).toContain('delmal avstamning ‹namn› [status] [kommentar]');
    expect(seen).toContain('delmal ‹nummer› [sida]');
  });

  it('shows the check-in hint with ‹status› ‹kommentar›, not "avstamning cross , t.ex."', async () => {
    const seen = await seenInTeams(
      page,
      await ask('delmal avstamning cross', { email: 'maria.sandberg@example.org' }),
    );
    expect(seen).toContain('delmal avstamning cross ‹status› ‹kommentar›');
  });
});
