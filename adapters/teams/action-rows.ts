import type { AcAction, AcActionSet } from './card-types.js';

/**
 * Width of one row of buttons we can count on, in CSS pixels: a card on a 390 px phone (Teams
 * mobile, the playground) leaves about 320 px inside its padding.
 */
export const ROW_WIDTH_PX = 300;

/** Teams shows at most 5–6 buttons in a row before hiding some in an overflow menu. */
const MAX_PER_ROW = 5;

/**
 * Estimated width of a button: ~7.5 px a character at the renderers' 14 px font, plus padding,
 * border and the spacing between buttons. Deliberately generous: a row that would overflow is
 * clipped, not wrapped, by Microsoft's renderer (its button strip has `overflow: hidden`).
 */
export function buttonWidthPx(title: string): number {
  return Math.ceil([...title].length * 7.5) + 34;
}

/**
 * Splits `actions` into ActionSets that each fit {@link ROW_WIDTH_PX}, in order. Microsoft's
 * Adaptive Cards renderer lays an ActionSet out as one row that never wraps, so a row of five
 * status buttons shows three of them on a phone; packing by width keeps every button reachable at
 * 390 px, and on a desktop the rows simply end early. A single button wider than a row gets a
 * row of its own (the renderer then shortens its title with an ellipsis).
 */
export function actionRows<A extends AcAction>(actions: readonly A[]): AcActionSet[] {
  const rows: AcActionSet[] = [];
  let row: A[] = [];
  let width = 0;
  for (const action of actions) {
    const needed = buttonWidthPx(action.title);
    if (row.length > 0 && (width + needed > ROW_WIDTH_PX || row.length >= MAX_PER_ROW)) {
      rows.push(rowOf(row, rows.length));
      row = [];
      width = 0;
    }
    row.push(action);
    width += needed;
  }
  if (row.length > 0) rows.push(rowOf(row, rows.length));
  return rows;
}

/** Rows after the first sit close under it: they are one group of buttons. */
function rowOf(actions: AcActionSet['actions'], index: number): AcActionSet {
  return index === 0 ? { type: 'ActionSet', actions } : { type: 'ActionSet', actions, spacing: 'Small' };
}
