import { describe, expect, it } from 'vitest';
import { actionRows, buttonWidthPx, ROW_WIDTH_PX } from '../../../adapters/teams/action-rows.js';
import type { AcAction } from '../../../adapters/teams/card-types.js';

const button = (title: string): AcAction => ({ type: 'Action.Submit', title, data: { command: title } });
const STATUSES = [
  'Enligt plan',
  'Risk för avvikelse',
  'Hinder / avvikelse',
  'Pausad',
  'Avslutad',
  'Ej påbörjad',
];

describe('button rows that fit a phone', () => {
  it('splits the six statuses into rows a 390 px phone shows whole, in their order', () => {
    const rows = actionRows(STATUSES.map(button));
    expect(rows.map((row) => row.actions.map((a) => a.title))).toEqual([
      ['Enligt plan', 'Risk för avvikelse'],
      ['Hinder / avvikelse', 'Pausad'],
      ['Avslutad', 'Ej påbörjad'],
    ]);
    for (const row of rows)
      expect(row.actions.reduce((sum, a) => sum + buttonWidthPx(a.title), 0)).toBeLessThanOrEqual(
        ROW_WIDTH_PX,
      );
  });

  it('keeps short buttons together, at most five a row, and gives an overlong one a row of its own', () => {
    const short = actionRows(['1', '2', '3', '4', '5', '6', '7'].map(button));
    expect(short.map((row) => row.actions.length)).toEqual([5, 2]);
    const long = 'Förhandsvisa nätverkets nästa veckosammanfattning';
    expect(actionRows([button('Ja'), button(long), button('Nej')]).map((r) => r.actions.length)).toEqual([
      1, 1, 1,
    ]);
    expect(actionRows([])).toEqual([]);
  });
});
