import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/chat/render-text.js';
import { translator } from '../../../src/i18n/i18n.js';

describe('renderText', () => {
  it('prints a list with badges and the commands behind its buttons', () => {
    const text = renderText(
      {
        summary: 'Delmål 2.1',
        blocks: [
          { type: 'heading', text: 'Delmål 2.1' },
          { type: 'text', text: 'Två aktiviteter är *försenade*.' },
          { type: 'fields', fields: [{ label: 'Ansvarig', value: 'Länsgruppen' }] },
          {
            type: 'list',
            heading: 'Aktiviteter',
            items: [
              { title: 'CROSS', detail: 'Anna Lind', status: { label: 'Pågår', tone: 'green' } },
              { title: 'SIP', status: { label: 'Försenad', tone: 'yellow' } },
            ],
          },
          {
            type: 'actions',
            actions: [
              { kind: 'command', label: 'Checka in', command: 'delmal checkin 2.1', style: 'primary' },
              { kind: 'url', label: 'Visa i planen', url: 'https://example.org/plan' },
            ],
          },
          { type: 'more', label: 'Läs hela målbilden', text: 'Lång text', command: 'delmal malbild 2.1' },
        ],
        pagination: {
          page: 1,
          pages: 2,
          label: 'Sida 1 av 2',
          next: { kind: 'command', label: 'Nästa', command: 'delmal visa 2.1 --sida 2' },
        },
      },
      translator('sv'),
    );

    expect(text).toBe(
      [
        'Delmål 2.1',
        '══════════',
        '',
        'Två aktiviteter är försenade.',
        '',
        'Ansvarig: Länsgruppen',
        '',
        'Aktiviteter',
        '• CROSS  [Pågår]',
        '  Anna Lind',
        '• SIP  [Försenad]',
        '',
        '→ Checka in: delmal checkin 2.1',
        '→ Visa i planen: https://example.org/plan',
        '',
        '→ Läs hela målbilden: delmal malbild 2.1',
        '',
        'Sida 1 av 2',
        '→ Nästa: delmal visa 2.1 --sida 2',
      ].join('\n'),
    );
    expect(text).not.toContain('*');
  });
});
