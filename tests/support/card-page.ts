import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

const bundle = readFileSync(
  createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js'),
  'utf8',
);

/** What a person sees of a rendered card: its texts, and each button with where it lies. */
export interface RenderedCard {
  readonly text: string;
  readonly card: Box;
  readonly buttons: readonly { readonly label: string; readonly box: Box; readonly clipped: boolean }[];
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Renders `card` with Microsoft's official renderer (`adaptivecards`, the same bundle the
 * playground loads) in `page`, at the page's width, with the renderer's default host config
 * (Teams-like: buttons in a row, no wrapping). Returns what is on screen: the visible text, the
 * card's box and every visible button's box, and whether a button's label is cut off.
 */
export async function renderCardInPage(page: Page, card: object): Promise<RenderedCard> {
  await page.setContent(
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{margin:0;padding:8px;font-family:"Segoe UI","DejaVu Sans",sans-serif;background:#f5f5f5}#host{background:#fff;border-radius:6px}' +
      // Teams-like buttons (its phone and desktop clients: 32 px high, 12 px side padding, semibold).
      '.ac-pushButton{min-height:32px;padding:0 12px;border:1px solid #d1d1d1;border-radius:4px;background:#fff;font:600 14px "Segoe UI","DejaVu Sans",sans-serif;color:#242424}</style></head><body><div id="host"></div></body></html>',
  );
  await page.addScriptTag({ content: bundle });
  // Plain browser script (no DOM types here): parse and render with the official renderer.
  await page.addScriptTag({
    content: `{
      const card = new AdaptiveCards.AdaptiveCard();
      card.parse(${JSON.stringify(card)});
      document.getElementById('host').append(card.render());
    }`,
  });
  const root = page.locator('#host .ac-adaptiveCard').first();
  const cardBox = await boxOf(root);
  const buttons: RenderedCard['buttons'][number][] = [];
  for (const button of await page.locator('#host button:visible').all()) {
    const box = await boxOf(button);
    const clipped = await button.evaluate(
      (b) =>
        b.scrollWidth > b.clientWidth + 1 ||
        [...b.querySelectorAll('div')].some((d) => d.scrollWidth > d.clientWidth + 1),
    );
    buttons.push({ label: (await button.innerText()).trim(), box, clipped });
  }
  return { text: await root.innerText(), card: cardBox, buttons };
}

async function boxOf(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
}
