/**
 * Block Kit limits. Slack publishes no offline schema, so the renderer enforces these itself and
 * `checkSlackLimits` lets tests (and `delmal … --format slack`) prove a message would be accepted.
 * Source: https://docs.slack.dev/reference/block-kit/blocks (checked Nov 2026).
 */
import type { Button, KnownBlock, TextObject } from '@slack/types';

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  /** Slack allows 25; rows of 5 stay readable on a phone. */
  actionsPerRow: 5,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  /**
   * Slack rejects messages with `msg_blocks_too_long` somewhere near 13,000 characters; the exact
   * figure is undocumented, so we stay well below it.
   */
  messageText: 12_000,
  /** Slack cuts the top-level notification text beyond this. */
  fallbackText: 40_000,
  /** Modals and App Home hold up to 100 blocks. */
  blocksPerView: 100,
  /** A modal's title, submit and close labels. */
  viewTitle: 24,
  privateMetadata: 3000,
  callbackId: 255,
  /** static_select options, their text and value. */
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  inputLabel: 2000,
  inputHint: 2000,
} as const;

/** A rendered Slack message: the notification fallback and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Every string a button sends to Slack; values and URLs count as well as the visible text. */
function buttonTexts(button: Button): string[] {
  return [button.text.text, button.value ?? '', button.url ?? ''];
}

/** The strings in one block that count towards Slack's overall message size. */
function blockTexts(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'section':
      return [
        block.text?.text ?? '',
        ...(block.fields ?? []).map((field) => field.text),
        ...(block.accessory?.type === 'button' ? buttonTexts(block.accessory) : []),
      ];
    case 'context':
      return block.elements.map((element) => ('text' in element ? element.text : ''));
    case 'actions':
      return block.elements.flatMap((element) => (element.type === 'button' ? buttonTexts(element) : []));
    default:
      return [];
  }
}

/** Characters `block` contributes to the message size that `msg_blocks_too_long` is about. */
export function slackTextLength(block: KnownBlock): number {
  return blockTexts(block).reduce((sum, text) => sum + text.length, 0);
}

/**
 * Lists every Block Kit limit `message` breaks, as sentences naming the block and the limit;
 * an empty array means Slack should accept it.
 */
export function checkSlackLimits(message: SlackMessage): string[] {
  const problems: string[] = [];
  const L = SLACK_LIMITS;
  const tooLong = (where: string, what: string, length: number, max: number) => {
    if (length > max) problems.push(`${where}: ${what} is ${length} characters; the limit is ${max}`);
  };
  const notEmpty = (where: string, what: string, text: string) => {
    if (text.trim() === '') problems.push(`${where}: ${what} is empty; Slack rejects empty text`);
  };
  const actionIds = new Set<string>();
  const checkButton = (where: string, button: Button) => {
    notEmpty(where, 'button text', button.text.text);
    tooLong(where, 'button text', button.text.text.length, L.buttonText);
    tooLong(where, 'button value', button.value?.length ?? 0, L.buttonValue);
    tooLong(where, 'button url', button.url?.length ?? 0, L.buttonUrl);
    const id = button.action_id;
    if (id === undefined) return;
    tooLong(where, 'action_id', id.length, L.actionId);
    if (actionIds.has(id)) problems.push(`${where}: action_id "${id}" is used twice in the message`);
    actionIds.add(id);
  };
  const checkText = (where: string, what: string, text: TextObject, max: number) => {
    notEmpty(where, what, text.text);
    tooLong(where, what, text.text.length, max);
  };

  tooLong('message', 'fallback text', message.text.length, L.fallbackText);
  if (message.blocks.length > L.blocksPerMessage) {
    problems.push(`message has ${message.blocks.length} blocks; the limit is ${L.blocksPerMessage}`);
  }
  const total = message.blocks.reduce((sum, block) => sum + slackTextLength(block), 0);
  tooLong('message', 'the text of all blocks', total, L.messageText);

  message.blocks.forEach((block, index) => {
    const where = `block ${index + 1} (${block.type})`;
    switch (block.type) {
      case 'header':
        checkText(where, 'header text', block.text, L.headerText);
        break;
      case 'section': {
        if (block.text) checkText(where, 'section text', block.text, L.sectionText);
        const fields = block.fields ?? [];
        if (!block.text && fields.length === 0) problems.push(`${where}: a section needs text or fields`);
        if (fields.length > L.sectionFields) {
          problems.push(`${where}: ${fields.length} fields; the limit is ${L.sectionFields}`);
        }
        for (const [i, field] of fields.entries()) checkText(where, `field ${i + 1}`, field, L.fieldText);
        if (block.accessory?.type === 'button') checkButton(where, block.accessory);
        break;
      }
      case 'context':
        if (block.elements.length > L.contextElements) {
          problems.push(`${where}: ${block.elements.length} elements; the limit is ${L.contextElements}`);
        }
        for (const element of block.elements) {
          if (element.type !== 'image') checkText(where, 'context text', element, L.contextText);
        }
        break;
      case 'actions':
        if (block.elements.length > L.actionsElements) {
          problems.push(`${where}: ${block.elements.length} elements; the limit is ${L.actionsElements}`);
        }
        for (const element of block.elements) if (element.type === 'button') checkButton(where, element);
        break;
      default:
        break;
    }
  });
  return problems;
}
