import { describe, expect, it } from 'vitest';
import { checkSlackLimits, renderSlackMessage } from '../../../adapters/slack/render-blocks.js';
import { renderAdaptiveCard } from '../../../adapters/teams/render-card.js';
import { translator } from '../../../src/i18n/i18n.js';
import { cardProblems } from '../../support/adaptive-cards.js';
import { ask, shippedCatalog } from '../../support/catalog.js';

// Every reply the shipped catalog can produce for the main commands, in both languages.
const messages = [
  'delmal',
  ...Array.from({ length: 10 }, (_, i) => `delmal ${i}`),
  ...Array.from({ length: 8 }, (_, i) => `delmal ${i + 1} text`),
  ...shippedCatalog.activities.map((a) => `delmal aktivitet ${a.id}`),
  'delmal aktivitet barn',
  'delmal sok ensamhet',
  'delmal sok forsorjning',
  'delmal mina',
  'delmal avstamning cross',
  'delmal status',
  'delmal status 5',
  'delmal status psykisk halsa',
  'delmal status sarbara',
  'delmal hjälp',
];

describe.each(['sv', 'en'] as const)('every reply renders on every platform (%s)', (locale) => {
  const t = translator(locale);
  it.each(messages)(
    '"%s" fits Slack’s limits and parses as an Adaptive Card without warnings',
    async (text) => {
      const reply = await ask(text, { locale });
      expect(checkSlackLimits(renderSlackMessage(reply, t))).toEqual([]);
      expect(cardProblems(renderAdaptiveCard(reply, t))).toEqual([]);
    },
  );
});
