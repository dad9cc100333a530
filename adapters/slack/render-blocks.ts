/**
 * Renders a neutral `Reply` as a Slack Block Kit message. Every Block Kit limit is enforced here
 * (see `slack-limits.ts`): long texts are split into several sections, and when a reply is too big
 * for one message the list is cut with a "… and N more" notice while buttons and paging stay.
 */
import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { fitParts, type Part } from '../../src/chat/render-budget.js';
import type {
  Action,
  Block,
  Field,
  ListItem,
  Pagination,
  Question,
  Reply,
  Tone,
} from '../../src/chat/reply.js';
import { splitText, truncateText } from '../../src/chat/reply-text.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { escapeMrkdwn, mrkdwn, mrkdwnLength, plainText } from './mrkdwn.js';
import { SLACK_LIMITS, type SlackMessage, slackTextLength } from './slack-limits.js';

export { checkSlackLimits, SLACK_LIMITS, type SlackMessage } from './slack-limits.js';

/** Slack has no coloured text, so a badge's tone becomes a coloured circle in front of its label. */
export const TONE_EMOJI: Readonly<Record<Tone, string>> = {
  green: '🟢',
  yellow: '🟡',
  red: '🔴',
  grey: '⚪',
  blue: '🔵',
};

/** Prefix of every command button's `action_id`; the Slack adapter routes on it. */
export const COMMAND_ACTION_PREFIX = 'delmal_cmd_';
/** Prefix of link buttons' `action_id`s; Slack still sends an action for them, which must be acked. */
export const URL_ACTION_PREFIX = 'delmal_url_';

/** Longest title and badge text in a list item; the detail line gets what remains of the section. */
const ITEM_TITLE_MAX = 500;

/**
 * Renders `reply` for Slack: `text` is the notification fallback, `blocks` the message.
 * The result always satisfies `checkSlackLimits` (barring commands over 2000 characters, which are
 * never cut because a shortened command would do something else).
 */
export function renderSlackMessage(reply: Reply, t: Translate): SlackMessage {
  const render = new SlackParts(t);
  const parts = reply.blocks.flatMap((block) => render.block(block));
  if (reply.pagination) parts.push(...render.pagination(reply.pagination));
  const blocks = fitParts(
    parts,
    { units: SLACK_LIMITS.blocksPerMessage, size: SLACK_LIMITS.messageText },
    (count) => part([context(t('render.truncated', { count }))], 0),
  );
  return { text: escapeMrkdwn(truncateText(reply.summary, SLACK_LIMITS.fallbackText)), blocks };
}

function part(
  output: KnownBlock[],
  counts: number,
  extra?: Pick<Part<KnownBlock>, 'essential' | 'keepWithNext'>,
) {
  const size = output.reduce((sum, block) => sum + slackTextLength(block), 0);
  return { output, cost: { units: output.length, size }, counts, ...extra } satisfies Part<KnownBlock>;
}

function context(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(text, SLACK_LIMITS.contextText)] };
}

/** Turns neutral blocks into Slack parts; one instance per message keeps `action_id`s unique. */
class SlackParts {
  #nextActionId = 0;

  constructor(private readonly t: Translate) {}

  block(block: Block): Part<KnownBlock>[] {
    switch (block.type) {
      case 'heading':
        if (!block.text.trim()) return [];
        return [part([{ type: 'header', text: plainText(block.text, SLACK_LIMITS.headerText) }], 1)];
      case 'text':
        return this.text(block.text);
      case 'fields':
        return this.fields(block.fields);
      case 'list':
        return this.list(block.heading, block.items);
      case 'actions':
        return this.actions(block.actions).map((row) => part([row], 0, { essential: true }));
      case 'context':
        if (!block.text.trim()) return [];
        return [part([context(block.text)], 1)];
      case 'more':
        // Slack cannot expand text inline: the long text is in the message's thread (posted by the
        // sender right after), or the button asks the bot for it as a new message.
        if (block.thread)
          return [
            part(
              [context(this.t('more.inThread', { label: block.label, command: `\`${block.command}\`` }))],
              1,
            ),
          ];
        return [
          part(
            [
              this.section(
                block.label,
                this.button({ kind: 'command', label: block.label, command: block.command }),
              ),
            ],
            1,
          ),
        ];
      case 'divider':
        return [part([{ type: 'divider' }], 0)];
      case 'form': {
        // Slack messages hold no inputs: the button brings the form up as a modal. An expanded
        // form (asked for on its own) also offers its choices as one-tap buttons — nothing can be
        // typed into a Slack message, so no text is left behind when one is pressed.
        const choices: Action[] = block.expanded
          ? block.submits.map((s) => ({
              kind: 'command',
              label: s.label,
              command: s.command,
              ...(s.style ? { style: s.style } : {}),
            }))
          : [];
        return this.actions([...choices, { kind: 'command', label: block.label, command: block.open }]).map(
          (row) => part([row], 0, { essential: true }),
        );
      }
      case 'question':
        return [part(this.question(block), 1)];
    }
  }

  /**
   * A question as one unit: a section naming it (context and last state under the name, the
   * form's button beside it, which opens the modal) and one actions block holding its answers, so
   * its buttons sit right under its name. Two blocks per question is what lets a message carry many.
   */
  question(question: Question): KnownBlock[] {
    const title = `*${escapeMrkdwn(truncateText(question.title, ITEM_TITLE_MAX) || '–')}*`;
    const badge = question.status
      ? `  ${TONE_EMOJI[question.status.tone]} ${escapeMrkdwn(truncateText(question.status.label, ITEM_TITLE_MAX))}`
      : '';
    const lines = [`${title}${badge}`];
    for (const line of [question.detail, question.note])
      if (line?.trim()) lines.push(escapeMrkdwn(truncateText(line, ITEM_TITLE_MAX, mrkdwnLength)));
    const open: Action | undefined = question.form
      ? { kind: 'command', label: question.form.label, command: question.form.open }
      : undefined;
    const blocks: KnownBlock[] = [
      this.section(lines.join('\n'), open && fitsButton(open) ? this.button(open) : undefined),
    ];
    const answers = question.answers.filter(fitsButton);
    for (let i = 0; i < answers.length; i += SLACK_LIMITS.actionsElements)
      blocks.push({
        type: 'actions',
        elements: answers.slice(i, i + SLACK_LIMITS.actionsElements).map((a) => this.button(a)),
      });
    return blocks;
  }

  /** Paging sits last and is essential: it is how the user reaches what did not fit. */
  pagination(pagination: Pagination): Part<KnownBlock>[] {
    const buttons = [pagination.previous, pagination.next].flatMap((action) => (action ? [action] : []));
    const output: KnownBlock[] = [context(pagination.label)];
    if (buttons.length > 0) output.push(...this.actions(buttons));
    return [part(output, 0, { essential: true })];
  }

  private text(text: string): Part<KnownBlock>[] {
    const pieces = splitText(text, SLACK_LIMITS.sectionText, mrkdwnLength);
    // The text counts once, on its last piece: if any of it is cut, one text is (partly) missing.
    return pieces.map((piece, i) => part([this.section(piece)], i === pieces.length - 1 ? 1 : 0));
  }

  private fields(fields: readonly Field[]): Part<KnownBlock>[] {
    const sections: SectionBlock[] = [];
    for (let i = 0; i < fields.length; i += SLACK_LIMITS.sectionFields) {
      const chunk = fields.slice(i, i + SLACK_LIMITS.sectionFields);
      sections.push({ type: 'section', fields: chunk.map((field) => fieldText(field)) });
    }
    return sections.map((section, i) => part([section], i === sections.length - 1 ? 1 : 0));
  }

  private list(heading: string | undefined, items: readonly ListItem[]): Part<KnownBlock>[] {
    const parts: Part<KnownBlock>[] = [];
    if (heading?.trim()) {
      const section: SectionBlock = {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${escapeMrkdwn(truncateText(heading, ITEM_TITLE_MAX))}*` },
      };
      parts.push(part([section], 0, { keepWithNext: true }));
    }
    for (const item of items) parts.push(part([this.item(item)], 1));
    return parts;
  }

  private item(item: ListItem): SectionBlock {
    const title = `*${escapeMrkdwn(truncateText(item.title, ITEM_TITLE_MAX) || '–')}*`;
    const badge = item.status
      ? `  ${TONE_EMOJI[item.status.tone]} ${escapeMrkdwn(truncateText(item.status.label, ITEM_TITLE_MAX))}`
      : '';
    const firstLine = `${title}${badge}`;
    const detailRoom = SLACK_LIMITS.sectionText - firstLine.length - 1;
    const detail = item.detail?.trim()
      ? `\n${escapeMrkdwn(truncateText(item.detail, detailRoom, mrkdwnLength))}`
      : '';
    const section: SectionBlock = {
      type: 'section',
      text: { type: 'mrkdwn', text: `${firstLine}${detail}` },
    };
    if (item.action && fitsButton(item.action)) section.accessory = this.button(item.action);
    return section;
  }

  private section(text: string, accessory?: Button): SectionBlock {
    const section: SectionBlock = { type: 'section', text: mrkdwn(text, SLACK_LIMITS.sectionText) };
    if (accessory) section.accessory = accessory;
    return section;
  }

  private actions(all: readonly Action[]): ActionsBlock[] {
    const actions = all.filter(fitsButton);
    const rows: ActionsBlock[] = [];
    for (let i = 0; i < actions.length; i += SLACK_LIMITS.actionsPerRow) {
      const row = actions.slice(i, i + SLACK_LIMITS.actionsPerRow);
      rows.push({ type: 'actions', elements: row.map((action) => this.button(action)) });
    }
    return rows;
  }

  private button(action: Action): Button {
    const text = plainText(action.label || '–', SLACK_LIMITS.buttonText);
    if (action.kind === 'url') {
      return {
        type: 'button',
        action_id: `${URL_ACTION_PREFIX}${this.#nextActionId++}`,
        text,
        url: action.url,
      };
    }
    const button: Button = {
      type: 'button',
      action_id: `${COMMAND_ACTION_PREFIX}${this.#nextActionId++}`,
      text,
      value: action.command,
    };
    if (action.style === 'primary') button.style = 'primary';
    return button;
  }
}

/**
 * A button whose command or link Slack would refuse (value > 2,000, url > 3,000 characters) is
 * left out: a cut command would run something else. Commands carry ids, so this stays theoretical.
 */
function fitsButton(action: Action): boolean {
  return action.kind === 'url'
    ? action.url.length <= SLACK_LIMITS.buttonUrl
    : action.command.length <= SLACK_LIMITS.buttonValue;
}

/** A field as `*Label*` over its value, cut to Slack's per-field limit. */
function fieldText(field: Field): { type: 'mrkdwn'; text: string } {
  const label = `*${escapeMrkdwn(truncateText(field.label, ITEM_TITLE_MAX) || '–')}*\n`;
  const value = field.value.trim() ? field.value : '–';
  const room = SLACK_LIMITS.fieldText - label.length;
  return { type: 'mrkdwn', text: `${label}${escapeMrkdwn(truncateText(value, room, mrkdwnLength))}` };
}
