/**
 * Renders a neutral `Reply` as an Adaptive Card 1.5 for Teams (the local playground shows the same
 * JSON). Cards over Teams' message size are rejected, so long replies are cut with a "… and N more"
 * notice while action buttons and paging are kept.
 */

import { fitParts, type Part } from '../../src/chat/render-budget.js';
import type { Action, Block, ListItem, Pagination, Reply } from '../../src/chat/reply.js';
import { replaceBold, splitText } from '../../src/chat/reply-text.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { actionRows } from './action-rows.js';
import { commandAction, formCard, formElements } from './card-form.js';
import { questionCard } from './card-question.js';
import type {
  AcColumn,
  AcContainer,
  AcElement,
  AcSelectAction,
  AcSubmitAction,
  AcTextBlock,
  AdaptiveCardJson,
} from './card-types.js';
import { TONE_COLOR } from './tone-color.js';

export type { AdaptiveCardJson } from './card-types.js';

/**
 * Largest card we send, in UTF-8 bytes of its JSON. Teams rejects messages over about 28 KB
 * including the activity around the card, so a few KB are left for that envelope.
 */
export const CARD_MAX_BYTES = 25_000;

/**
 * A text longer than this becomes several TextBlocks, so that a very long text can be shown in
 * part rather than dropped whole when the card is full.
 */
const TEXT_PIECE = 4000;

const encoder = new TextEncoder();

/** Size of `value` as Teams counts it: UTF-8 bytes of its JSON (å, ä, ö take two bytes). */
export function jsonByteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Renders `reply` as an Adaptive Card 1.5 no larger than {@link CARD_MAX_BYTES}. */
export function renderAdaptiveCard(reply: Reply, t: Translate): AdaptiveCardJson {
  const card: AdaptiveCardJson = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
    msteams: { width: 'Full' },
  };
  const render = new CardParts(t);
  const parts = reply.blocks.flatMap((block) => render.block(block));
  if (reply.pagination) parts.push(render.pagination(reply.pagination));
  const notice = (count: number) => part([subtle(t('render.truncated', { count }))], 0);
  card.body = fitParts(
    parts,
    { units: Number.POSITIVE_INFINITY, size: CARD_MAX_BYTES - jsonByteLength(card) },
    notice,
  );
  return card;
}

function part(output: AcElement[], counts: number, essential = false): Part<AcElement> {
  // +1 for the comma between elements in the body array.
  const size = output.reduce((sum, element) => sum + jsonByteLength(element) + 1, 0);
  return { output, cost: { units: output.length, size }, counts, essential };
}

/** Adaptive Cards write bold as `**bold**`; the neutral model writes `*bold*`. */
function markdown(text: string): string {
  return replaceBold(text, (inner) => `**${inner}**`);
}

/** Adaptive Cards warn about empty TextBlocks, so an empty text shows a dash instead. */
function nonEmpty(text: string): string {
  return text.trim() ? text : '–';
}

function subtle(text: string): AcTextBlock {
  return { type: 'TextBlock', text: nonEmpty(text), isSubtle: true, size: 'Small', wrap: true };
}

export { EXECUTE_VERB } from './card-form.js';

function cardAction(action: Action): AcSelectAction {
  if (action.kind === 'url')
    return { type: 'Action.OpenUrl', title: nonEmpty(action.label), url: action.url };
  const submit: AcSubmitAction = {
    type: 'Action.Submit',
    title: nonEmpty(action.label),
    data: { command: action.command },
  };
  if (action.style === 'primary') submit.style = 'positive';
  return commandAction(submit, action.refresh);
}

/**
 * Turns neutral blocks into card parts. A neutral divider has no element of its own in Adaptive
 * Cards; it becomes `separator: true` on whatever element comes next, hence the state.
 */
class CardParts {
  #separateNext = false;
  #nextForm = 0;

  constructor(private readonly t: Translate) {}

  block(block: Block): Part<AcElement>[] {
    switch (block.type) {
      case 'heading':
        if (!block.text.trim()) return [];
        return [
          this.part(
            [
              {
                type: 'TextBlock',
                text: block.text,
                size: 'Large',
                weight: 'Bolder',
                wrap: true,
                style: 'heading',
              },
            ],
            1,
          ),
        ];
      case 'text': {
        const pieces = splitText(block.text, TEXT_PIECE);
        // The text counts once, on its last piece: if any of it is cut, one text is (partly) missing.
        return pieces.map((piece, i) =>
          this.part(
            [{ type: 'TextBlock', text: markdown(piece), wrap: true }],
            i === pieces.length - 1 ? 1 : 0,
          ),
        );
      }
      case 'fields':
        if (block.fields.length === 0) return [];
        return [
          this.part(
            [
              {
                type: 'FactSet',
                facts: block.fields.map((field) => ({
                  title: nonEmpty(field.label),
                  value: nonEmpty(field.value),
                })),
              },
            ],
            1,
          ),
        ];
      case 'list':
        return this.list(block.heading, block.items);
      case 'actions':
        if (block.actions.length === 0) return [];
        return [this.part(actionRows(block.actions.map(cardAction)), 0, true)];
      case 'context':
        if (!block.text.trim()) return [];
        return [this.part([subtle(markdown(block.text))], 1)];
      case 'more': {
        const card = { type: 'AdaptiveCard' as const, body: [this.wrapped(block.text)] };
        return [
          this.part(
            [{ type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: block.label, card }] }],
            1,
          ),
        ];
      }
      case 'divider':
        this.#separateNext = true;
        return [];
      case 'question':
        return [this.part([questionCard(block, `f${this.#nextForm++}`, this.t('render.closeForm'))], 1)];
      case 'form': {
        // A form that is the point of the reply (asked for on its own, or shown again after a
        // refusal with what was typed) is shown open; otherwise it waits behind its button.
        if (block.expanded) return [this.part(formElements(block, `f${this.#nextForm++}`), 0, true)];
        const card = formCard(block, `f${this.#nextForm++}`);
        const show = { type: 'Action.ShowCard' as const, title: nonEmpty(block.label), card };
        return [this.part([{ type: 'ActionSet', actions: [show] }], 0, true)];
      }
    }
  }

  /** Paging goes last and is essential: it is how the user reaches what did not fit. */
  pagination(pagination: Pagination): Part<AcElement> {
    const buttons = [pagination.previous, pagination.next].flatMap((action) =>
      action ? [cardAction(action)] : [],
    );
    return this.part([subtle(pagination.label), ...actionRows(buttons)], 0, true);
  }

  private list(heading: string | undefined, items: readonly ListItem[]): Part<AcElement>[] {
    const parts: Part<AcElement>[] = [];
    if (heading?.trim()) {
      const title: AcTextBlock = { type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true };
      parts.push({ ...this.part([title], 0), keepWithNext: true });
    }
    for (const item of items) parts.push(this.part([this.item(item)], 1));
    return parts;
  }

  private item(item: ListItem): AcContainer {
    const main: AcElement[] = [
      { type: 'TextBlock', text: nonEmpty(item.title), weight: 'Bolder', wrap: true },
    ];
    if (item.detail?.trim()) {
      main.push({ type: 'TextBlock', text: item.detail, isSubtle: true, spacing: 'None', wrap: true });
    }
    // Two thirds for the name, one third for the status, both wrapping: an `auto` status column
    // takes its whole one-line width first, which on a phone squeezes names until they break
    // mid-word.
    const columns: AcColumn[] = [{ type: 'Column', width: item.status ? 2 : 'stretch', items: main }];
    if (item.status) {
      const badge: AcTextBlock = {
        type: 'TextBlock',
        text: `● ${nonEmpty(item.status.label)}`,
        color: TONE_COLOR[item.status.tone],
        wrap: true,
      };
      columns.push({ type: 'Column', width: 1, items: [badge] });
    }
    const container: AcContainer = { type: 'Container', items: [{ type: 'ColumnSet', columns }] };
    if (item.action) container.selectAction = cardAction(item.action);
    return container;
  }

  private wrapped(text: string): AcTextBlock {
    return { type: 'TextBlock', text: nonEmpty(markdown(text)), wrap: true };
  }

  /** Wraps `output` as a part, first giving its first element a pending divider's separator line. */
  private part(output: AcElement[], counts: number, essential = false): Part<AcElement> {
    const first = output[0];
    if (this.#separateNext && first) {
      first.separator = true;
      this.#separateNext = false;
    }
    return part(output, counts, essential);
  }
}
