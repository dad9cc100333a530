import type { KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkSlackLimits, renderSlackMessage, SLACK_LIMITS } from '../../../adapters/slack/render-blocks.js';
import { checkSlackView } from '../../../adapters/slack/slack-view-limits.js';
import type { Reply } from '../../../src/chat/reply.js';
import { translator } from '../../../src/i18n/i18n.js';

const t = translator('sv');
const x = (n: number) => 'x'.repeat(n);
const button = (value: string, actionId = 'a1', text = 'Öppna') => ({
  type: 'button' as const,
  action_id: actionId,
  text: { type: 'plain_text' as const, text },
  value,
});
const message = (blocks: KnownBlock[]) => ({ text: 'fallback', blocks });
const actions = (...elements: ReturnType<typeof button>[]): KnownBlock => ({ type: 'actions', elements });

describe('Block Kit limits, at the limit and one past it', () => {
  it.each([
    ['button value', (n: number) => message([actions(button(x(n)))]), SLACK_LIMITS.buttonValue],
    ['action_id', (n: number) => message([actions(button('v', x(n)))]), SLACK_LIMITS.actionId],
    ['button text', (n: number) => message([actions(button('v', 'a', x(n)))]), SLACK_LIMITS.buttonText],
    [
      'header text',
      (n: number) => message([{ type: 'header', text: { type: 'plain_text', text: x(n) } }]),
      SLACK_LIMITS.headerText,
    ],
    [
      'section text',
      (n: number) => message([{ type: 'section', text: { type: 'mrkdwn', text: x(n) } }]),
      SLACK_LIMITS.sectionText,
    ],
    [
      'field text',
      (n: number) => message([{ type: 'section', fields: [{ type: 'mrkdwn', text: x(n) }] }]),
      SLACK_LIMITS.fieldText,
    ],
  ] as const)('%s', (_name, build, limit) => {
    expect(checkSlackLimits(build(limit))).toEqual([]);
    expect(checkSlackLimits(build(limit + 1))).toHaveLength(1);
  });

  it('counts fields (10), blocks per message (50) and the total text (~13k)', () => {
    const section = (fields: number): KnownBlock => ({
      type: 'section',
      fields: Array.from({ length: fields }, () => ({ type: 'mrkdwn' as const, text: 'f' })),
    });
    expect(checkSlackLimits(message([section(10)]))).toEqual([]);
    expect(checkSlackLimits(message([section(11)]))).toHaveLength(1);
    const text = (n: number): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: x(n) } });
    expect(checkSlackLimits(message(Array.from({ length: 50 }, () => text(10))))).toEqual([]);
    expect(checkSlackLimits(message(Array.from({ length: 51 }, () => text(10))))).toHaveLength(1);
    expect(checkSlackLimits(message(Array.from({ length: 4 }, () => text(3000))))).toEqual([]);
    expect(checkSlackLimits(message(Array.from({ length: 5 }, () => text(3000))))).toHaveLength(1);
  });
});

describe('modal and App Home limits', () => {
  const modal = (overrides: Partial<ModalView> = {}, options = 3, optionText = 'Grön'): ModalView => ({
    type: 'modal',
    callback_id: 'delmal_checkin',
    title: { type: 'plain_text', text: 'Stäm av' },
    submit: { type: 'plain_text', text: 'Spara' },
    close: { type: 'plain_text', text: 'Avbryt' },
    private_metadata: '{}',
    blocks: [
      {
        type: 'input',
        block_id: 'status',
        label: { type: 'plain_text', text: 'Status' },
        element: {
          type: 'static_select',
          action_id: 'status',
          options: Array.from({ length: options }, (_, i) => ({
            text: { type: 'plain_text' as const, text: optionText },
            value: `s${i}`,
          })),
        },
      },
    ],
    ...overrides,
  });

  it('accepts a view at every limit and names each limit one past it', () => {
    expect(checkSlackView(modal({ title: { type: 'plain_text', text: x(24) } }, 100, x(75)))).toEqual([]);
    expect(checkSlackView(modal({ title: { type: 'plain_text', text: x(25) } }))).toEqual([
      'modal title is 25 characters; the limit is 24',
    ]);
    expect(checkSlackView(modal({ submit: { type: 'plain_text', text: x(25) } }))).toHaveLength(1);
    expect(checkSlackView(modal({ close: { type: 'plain_text', text: x(25) } }))).toHaveLength(1);
    expect(checkSlackView(modal({ private_metadata: x(3000) }))).toEqual([]);
    expect(checkSlackView(modal({ private_metadata: x(3001) }))).toHaveLength(1);
    expect(checkSlackView(modal({}, 101))).toEqual(['block 1 (input): 101 options; the limit is 100']);
    expect(checkSlackView(modal({}, 1, x(76)))).toHaveLength(1);
  });

  it('allows 100 blocks in a view, not 101', () => {
    const blocks = (n: number): KnownBlock[] =>
      Array.from(
        { length: n },
        () => ({ type: 'section', text: { type: 'mrkdwn', text: 'a' } }) as KnownBlock,
      );
    expect(checkSlackView({ type: 'home', blocks: blocks(100) })).toEqual([]);
    expect(checkSlackView({ type: 'home', blocks: blocks(101) })).toEqual([
      'view has 101 blocks; the limit is 100',
    ]);
  });
});

describe('the renderer keeps buttons within their limits', () => {
  it('leaves out a command button whose value Slack would refuse, keeps one at the limit', () => {
    const reply = (length: number): Reply => ({
      summary: 's',
      blocks: [{ type: 'actions', actions: [{ kind: 'command', label: 'Kör', command: x(length) }] }],
    });
    const at = renderSlackMessage(reply(SLACK_LIMITS.buttonValue), t);
    expect(JSON.stringify(at.blocks)).toContain(x(SLACK_LIMITS.buttonValue));
    expect(checkSlackLimits(at)).toEqual([]);
    const over = renderSlackMessage(reply(SLACK_LIMITS.buttonValue + 1), t);
    expect(JSON.stringify(over.blocks)).not.toContain(x(SLACK_LIMITS.buttonValue + 1));
    expect(checkSlackLimits(over)).toEqual([]);
  });
});
