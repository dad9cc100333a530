import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  checkSlackLimits,
  renderSlackMessage,
  SLACK_LIMITS,
  type SlackMessage,
} from '../../../adapters/slack/render-blocks.js';
import type { Reply } from '../../../src/chat/reply.js';
import { translator } from '../../../src/i18n/i18n.js';
import {
  BIG_TEXT,
  bigReply,
  DELMAL_ACTIONS,
  delmalReply,
  NEXT_PAGE,
  PREVIOUS_PAGE,
  shownItems,
} from './replies.js';

const t = translator('sv');

function buttons(blocks: readonly KnownBlock[]): Button[] {
  return blocks.flatMap((block) => {
    if (block.type === 'actions') return block.elements.filter((element) => element.type === 'button');
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory];
    return [];
  });
}

function sections(blocks: readonly KnownBlock[]): SectionBlock[] {
  return blocks.filter((block): block is SectionBlock => block.type === 'section');
}

/** What a reader sees in a section's text once Slack has turned the entities back into characters. */
function asSeen(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function contextTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) =>
    block.type === 'context' ? block.elements.map((element) => ('text' in element ? element.text : '')) : [],
  );
}

describe('renderSlackMessage', () => {
  it('shows a delmål with its twelve activities, badges, buttons and notification text', () => {
    const message = renderSlackMessage(delmalReply(), t);

    expect(checkSlackLimits(message)).toEqual([]);
    expect(message.text).toBe('Delmål 2.1: 12 aktiviteter, 2 försenade, 1 med risk');
    expect(message.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining('2.1') },
    });
    expect(sections(message.blocks).some((s) => s.text?.text.includes('*försenade*'))).toBe(true);

    const facts = sections(message.blocks)
      .find((s) => s.fields)
      ?.fields?.map((f) => f.text);
    expect(facts).toEqual([
      '*Ansvarig*\nLänsgruppen Barn och unga',
      '*Aktiviteter*\n12',
      '*Senast uppdaterad*\n12 maj 2026',
    ]);

    const items = sections(message.blocks).filter(
      (s) => s.accessory?.type === 'button' && s.text?.text.includes('·'),
    );
    expect(items).toHaveLength(12);
    expect(items[0]?.text?.text).toBe(
      '*Samverkan kring barn i riskzon (CROSS)*  🟢 Pågår\nAnna Lind · senaste avstämning 1 maj',
    );
    expect(items[2]?.text?.text).toContain('🔴 Risk');
    expect(items[11]?.text?.text).toContain('*Gemensam uppföljning &amp; analys*  🔵 Avslutad');

    expect(message.blocks.some((block) => block.type === 'divider')).toBe(true);
    const more = sections(message.blocks).find((s) => s.text?.text === 'Läs hela målbilden');
    expect(more?.accessory).toMatchObject({ type: 'button', value: 'delmal malbild 2.1' });
    expect(contextTexts(message)).toContain('Källa: Handlingsplan Social välfärd 2024–2030');

    const checkIn = buttons(message.blocks).find((button) => button.text.text === 'Checka in');
    expect(checkIn?.style).toBe('primary');
    const link = buttons(message.blocks).find((button) => button.text.text === 'Visa i planen');
    expect(link?.url).toBe('https://www.regionorebrolan.se/handlingsplan#2.1');
  });

  it('gives every command button its command as value and a unique action_id', () => {
    const reply = delmalReply();
    const message = renderSlackMessage(reply, t);
    const all = buttons(message.blocks);
    const commands = all.filter((button) => button.url === undefined);

    const itemCommands = reply.blocks.flatMap((block) =>
      block.type === 'list'
        ? block.items.map((item) => (item.action?.kind === 'command' ? item.action.command : ''))
        : [],
    );
    expect(commands.map((button) => button.value)).toEqual([
      ...itemCommands,
      'delmal malbild 2.1',
      ...DELMAL_ACTIONS.flatMap((action) => (action.kind === 'command' ? [action.command] : [])),
    ]);
    expect(commands[0]?.value).toBe('delmal aktivitet cross');
    for (const button of commands) expect(button.action_id).toMatch(/^delmal_cmd_\d+$/);
    expect(new Set(all.map((button) => button.action_id)).size).toBe(all.length);
  });

  it('keeps a huge reply within every limit, says what was left out and keeps the paging buttons', () => {
    const message = renderSlackMessage(bigReply(), t);

    expect(checkSlackLimits(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);

    // The whole long text is there, split at paragraph boundaries into sections Slack accepts.
    const textSections = sections(message.blocks)
      .map((s) => s.text?.text ?? '')
      .filter((text) => text.startsWith('Avsnitt'));
    expect(textSections.length).toBeGreaterThan(3);
    for (const text of textSections) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(textSections.map(asSeen).join('\n\n')).toBe(BIG_TEXT);

    const shown = shownItems(buttons(message.blocks).map((button) => button.value ?? ''));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(80);
    expect(contextTexts(message)).toContain(t('render.truncated', { count: 80 - shown }));

    const tail = message.blocks.slice(-2);
    expect(tail[0]).toMatchObject({ type: 'context', elements: [{ text: 'Sida 2 av 4' }] });
    expect(buttons(tail).map((button) => button.value)).toEqual([PREVIOUS_PAGE, NEXT_PAGE]);
    expect(buttons(message.blocks).some((button) => button.value === 'delmal export aktiviteter')).toBe(true);
  });

  it('cuts a 120-character button label to at most 75 characters', () => {
    const label = `Registrera uppföljning för ${'mycket '.repeat(14)}lång aktivitet`;
    expect(label.length).toBeGreaterThanOrEqual(120);
    const reply: Reply = {
      summary: 'Knapp',
      blocks: [{ type: 'actions', actions: [{ kind: 'command', label, command: 'delmal checkin' }] }],
    };
    const [button] = buttons(renderSlackMessage(reply, t).blocks);

    expect(button?.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    expect(button?.text.text).toMatch(/^Registrera uppföljning för mycket.*…$/);
    expect(button?.value).toBe('delmal checkin');
  });

  it('escapes <, > and & so user text cannot become links or mentions, but keeps *bold*', () => {
    const reply: Reply = {
      summary: 'Test',
      blocks: [
        { type: 'text', text: 'Skrev <script>alert(1)</script> & *viktigt* <!channel>' },
        { type: 'list', items: [{ title: 'A & B <@U123>', status: { label: '<ok>', tone: 'grey' } }] },
      ],
    };
    const [text, item] = sections(renderSlackMessage(reply, t).blocks).map((s) => s.text?.text);

    expect(text).toBe('Skrev &lt;script&gt;alert(1)&lt;/script&gt; &amp; *viktigt* &lt;!channel&gt;');
    expect(item).toBe('*A &amp; B &lt;@U123&gt;*  ⚪ &lt;ok&gt;');
  });

  it('splits a long paragraph after a sentence and cuts a long heading with an ellipsis', () => {
    const sentence = 'Regionen och kommunerna följer upp arbetet tillsammans varje kvartal. ';
    const paragraph = sentence.repeat(70).trim();
    const heading = `Uppföljning ${'av delmål '.repeat(20)}`;
    const message = renderSlackMessage(
      {
        summary: 'Lång',
        blocks: [
          { type: 'heading', text: heading },
          { type: 'text', text: paragraph },
        ],
      },
      t,
    );
    const texts = sections(message.blocks).map((s) => s.text?.text ?? '');

    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).toMatch(/^Regionen.*kvartal\.$/);
    expect(texts.join(' ')).toBe(paragraph);
    const header = message.blocks[0]?.type === 'header' ? message.blocks[0].text.text : '';
    expect(header.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(header).toMatch(/^Uppföljning av delmål.*…$/);
  });

  it('splits more than 10 fields over several sections', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Fält ${i + 1}`, value: 'x' }));
    const message = renderSlackMessage({ summary: 'Fält', blocks: [{ type: 'fields', fields }] }, t);

    expect(sections(message.blocks).map((s) => s.fields?.length)).toEqual([10, 10, 3]);
    expect(checkSlackLimits(message)).toEqual([]);
  });
});

describe('checkSlackLimits', () => {
  it('names each broken limit', () => {
    const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: 'R'.repeat(151) } };
    const problems = checkSlackLimits({ text: 'x', blocks: Array.from({ length: 51 }, () => header) });

    expect(problems).toContain('message has 51 blocks; the limit is 50');
    expect(problems).toContain('block 1 (header): header text is 151 characters; the limit is 150');
  });
});
