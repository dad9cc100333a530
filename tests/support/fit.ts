import type { Locator } from 'playwright-core';

/**
 * What a person would notice about a card on the screen: a button sticking out of the card, a
 * button that cannot be tapped (hidden by the renderer's clipping), a button whose title is cut,
 * a word broken across two lines ("Pilotprojek / t"). Empty when the card fits.
 */
export function fitProblems(card: Locator): Promise<string[]> {
  return card.evaluate(inPage<string[]>(FIT_CHECK));
}

/**
 * A function Playwright runs in the page from its source text. The tests are compiled without the
 * DOM library, so code that uses `document` is written as plain JavaScript; Playwright sends a
 * function's `toString()`, which here is that text.
 */
export function inPage<R>(source: string): (element: unknown, arg?: unknown) => R {
  return Object.assign(
    (): R => {
      throw new Error('runs in the page only');
    },
    { toString: () => source },
  );
}

// Runs in the page (the tests are compiled without the DOM library, so it is plain JavaScript).
const FIT_CHECK = String.raw`(root) => {
  const problems = [];
  const name = (el) => '"' + (el.textContent || '').trim().slice(0, 40) + '"';
  // Scrolls only up and down, as a person does: scrollIntoView would also scroll the renderer's
  // overflow-hidden button rows sideways and bring a clipped button into view.
  const bringIntoView = (el) => {
    let scroller = el.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    const r = el.getBoundingClientRect();
    if (scroller) {
      const s = scroller.getBoundingClientRect();
      scroller.scrollTop += r.top - s.top - s.height / 2;
    } else window.scrollBy(0, r.top - innerHeight / 2);
  };
  for (const button of root.querySelectorAll('.ac-pushButton')) {
    if (button.offsetParent === null) continue; // inside a collapsed show-card: not on screen
    bringIntoView(button);
    const box = root.getBoundingClientRect();
    const r = button.getBoundingClientRect();
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
      problems.push('button ' + name(button) + ' extends past its card');
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 12), r.top + r.height / 2);
    if (!hit || !button.contains(hit)) problems.push('button ' + name(button) + ' cannot be tapped');
    const right = document.elementFromPoint(r.right - 3, r.top + r.height / 2);
    if (!right || !button.contains(right)) problems.push('button ' + name(button) + ' is clipped');
    const title = button.firstElementChild;
    if (title && title.scrollWidth > title.clientWidth + 1)
      problems.push('button ' + name(button) + ' is cut short');
  }
  // A word wrapped inside itself shows as boxes on two lines.
  for (const block of root.querySelectorAll('.ac-textBlock')) {
    if (block.offsetParent === null) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent || '';
      for (const match of text.matchAll(/[^\s/–-]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) problems.push('the word "' + match[0] + '" is broken across lines');
      }
    }
  }
  return problems;
}`;
