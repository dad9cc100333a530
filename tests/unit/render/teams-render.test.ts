import { describe, expect, it } from 'vitest';
import type { AcContainer, AcElement } from '../../../adapters/teams/card-types.js';
import { CARD_MAX_BYTES, jsonByteLength, renderAdaptiveCard } from '../../../adapters/teams/render-card.js';
import { translator } from '../../../src/i18n/i18n.js';
import { AdaptiveCards, cardProblems, parseCard, textBlockTexts } from '../../support/adaptive-cards.js';
import {
  BIG_TEXT,
  bigReply,
  DELMAL_ACTIONS,
  delmalReply,
  MALBILD,
  NEXT_PAGE,
  PREVIOUS_PAGE,
} from './replies.js';

const t = translator('sv');

function containers(body: readonly AcElement[]): AcContainer[] {
  return body.filter((element): element is AcContainer => element.type === 'Container');
}

/** The command each Action.Submit sends, as the official parser understood the card. */
function submittedCommands(json: object): string[] {
  const actions = new Set(parseCard(json).getAllActions());
  return [...actions].flatMap((action) =>
    action instanceof AdaptiveCards.SubmitAction
      ? [String((action.data as { command?: unknown }).command)]
      : [],
  );
}

describe('renderAdaptiveCard', () => {
  it('renders a delmål as a 1.5 card the official parser accepts without errors or warnings', () => {
    const card = renderAdaptiveCard(delmalReply(), t);

    expect(cardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(parseCard(card).version.toString()).toBe('1.5');
    expect(card.msteams).toEqual({ width: 'Full' });
    expect(card.body[0]).toMatchObject({
      type: 'TextBlock',
      size: 'Large',
      weight: 'Bolder',
      style: 'heading',
    });
    expect(textBlockTexts(card)).toContain('Två aktiviteter är **försenade** och en har markerats med risk.');
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Ansvarig', value: 'Länsgruppen Barn och unga' },
        { title: 'Aktiviteter', value: '12' },
        { title: 'Senast uppdaterad', value: '12 maj 2026' },
      ],
    });
  });

  it('shows each activity with a coloured badge and opens it when tapped', () => {
    const card = renderAdaptiveCard(delmalReply(), t);
    const items = containers(card.body);

    expect(items).toHaveLength(12);
    expect(textBlockTexts(items[0])).toEqual([
      'Samverkan kring barn i riskzon (CROSS)',
      'Anna Lind · senaste avstämning 1 maj',
      '● Pågår',
    ]);
    const badgeColors = items.map((item) => JSON.stringify(item).match(/"color":"(\w+)"/)?.[1]);
    expect(badgeColors.slice(0, 6)).toEqual(['good', 'warning', 'attention', 'good', 'accent', 'default']);
    expect(items[1]?.selectAction).toEqual({
      type: 'Action.Submit',
      title: 'Öppna',
      data: { command: 'delmal aktivitet sip' },
    });
  });

  it('sends exactly the command behind every button', () => {
    const reply = delmalReply();
    const card = renderAdaptiveCard(reply, t);
    const itemCommands = reply.blocks.flatMap((block) =>
      block.type === 'list'
        ? block.items.map((item) => (item.action?.kind === 'command' ? item.action.command : ''))
        : [],
    );

    expect(submittedCommands(card)).toEqual([
      ...itemCommands,
      ...DELMAL_ACTIONS.flatMap((action) => (action.kind === 'command' ? [action.command] : [])),
    ]);
    const json = JSON.stringify(card);
    expect(json).toContain(
      '{"type":"Action.Submit","title":"Checka in","data":{"command":"delmal checkin 2.1"},"style":"positive"}',
    );
    expect(json).toContain(
      '{"type":"Action.OpenUrl","title":"Visa i planen","url":"https://www.regionorebrolan.se/handlingsplan#2.1"}',
    );
  });

  it('puts the whole long text behind a show-card and draws the divider as a separator', () => {
    const card = renderAdaptiveCard(delmalReply(), t);
    const showCard = [...new Set(parseCard(card).getAllActions())].find(
      (action) => action instanceof AdaptiveCards.ShowCardAction,
    );

    expect(showCard?.title).toBe('Läs hela målbilden');
    const shown = showCard instanceof AdaptiveCards.ShowCardAction ? showCard.card.getItemAt(0) : undefined;
    expect(shown instanceof AdaptiveCards.TextBlock ? shown.text : undefined).toBe(
      MALBILD.replace('*alla aktörer*', '**alla aktörer**'),
    );
    const divided = card.body.find((element) => element.separator);
    expect(divided).toMatchObject({ type: 'ActionSet', actions: [{ type: 'Action.ShowCard' }] });
  });

  it('cuts a huge reply below 28 KB, says how much was left out and keeps paging and buttons', () => {
    const card = renderAdaptiveCard(bigReply(), t);

    expect(cardProblems(card)).toEqual([]);
    expect(jsonByteLength(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(jsonByteLength(card)).toBeLessThan(28 * 1024);
    expect(textBlockTexts(card).join('\n\n')).toContain(BIG_TEXT);

    const shown = containers(card.body).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(80);
    expect(textBlockTexts(card)).toContain(t('render.truncated', { count: 80 - shown }));

    const [label, paging] = card.body.slice(-2);
    expect(label).toMatchObject({ type: 'TextBlock', text: 'Sida 2 av 4', isSubtle: true });
    expect(paging?.type === 'ActionSet' ? paging.actions.map((action) => action.title) : []).toEqual([
      'Föregående',
      'Nästa',
    ]);
    expect(submittedCommands(card)).toEqual(
      expect.arrayContaining([PREVIOUS_PAGE, NEXT_PAGE, 'delmal export aktiviteter']),
    );
  });

  it('never emits an empty TextBlock', () => {
    const card = renderAdaptiveCard(
      {
        summary: 'Tomt',
        blocks: [
          { type: 'heading', text: ' ' },
          { type: 'text', text: '' },
          { type: 'fields', fields: [{ label: 'Ansvarig', value: '' }] },
          { type: 'list', items: [{ title: '', detail: '', status: { label: '', tone: 'grey' } }] },
        ],
      },
      t,
    );

    expect(cardProblems(card)).toEqual([]);
  });
});

describe('cardProblems', () => {
  it('reports what the official parser objects to', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'x', color: 'pink' },
        { type: 'Carousel' },
        { type: 'TextBlock', text: '' },
      ],
    });

    expect(problems).toEqual([
      'parse: Invalid value "pink" for property "color".',
      'parse: Unknown element type "Carousel". Fallback will be used if present.',
      'a TextBlock has empty text',
    ]);
  });
});
