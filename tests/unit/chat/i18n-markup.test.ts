import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { usage } from '../../../src/asking/usage.js';
import { translator } from '../../../src/i18n/i18n.js';
import { en } from '../../../src/i18n/messages.en.js';
import { sv } from '../../../src/i18n/messages.sv.js';

// `<namn>` in a card is taken for an HTML element by Teams' renderer and not shown at all.
const ANGLE_PLACEHOLDER = /<\p{L}[\p{L}\s|-]*>/u;

describe('texts survive Teams’ card renderer', () => {
  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('no %s text writes a placeholder in angle brackets', (_locale, messages) => {
    const offending = Object.entries(messages).filter(([, text]) => ANGLE_PLACEHOLDER.test(text));
    expect(offending).toEqual([]);
  });

  it.each(['sv', 'en'] as const)('no %s usage line does either', (locale) => {
    const t = translator(locale);
    const lines = COMMANDS.map((command) => usage(command, t));
    expect(lines.filter((line) => ANGLE_PLACEHOLDER.test(line))).toEqual([]);
    expect(lines).toContain(locale === 'sv' ? 'delmal aktivitet ‹namn›' : 'delmal aktivitet ‹name›');
  });
});
