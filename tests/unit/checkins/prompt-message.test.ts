import { describe, expect, it } from 'vitest';
import { checkSlackLimits, renderSlackMessage } from '../../../adapters/slack/render-blocks.js';
import { renderAdaptiveCard } from '../../../adapters/teams/render-card.js';
import { renderText } from '../../../src/chat/render-text.js';
import type { CheckInPromptMessage } from '../../../src/checkins/prompt-message.js';
import { DeliveryError } from '../../../src/delivery/delivery-error.js';
import { renderMessage, validateMessage } from '../../../src/delivery/message-types.js';
import { translator } from '../../../src/i18n/i18n.js';
import { cardProblems } from '../../support/adaptive-cards.js';
import { promptMessage } from '../../support/answer-rounds.js';
import { buttonCommands, visibleText } from '../../support/catalog.js';
import '../../../src/checkins/prompt-message-type.js';

const ROUND = 'veckovis:2026-11-23';
const three = promptMessage(
  ROUND,
  [
    { id: 'cherries', name: 'CHERRIES', currentStatus: 'on_track' },
    { id: 'cross', name: 'CROSS' },
    { id: 'innomera', name: 'InnoMera' },
  ],
  { deadline: '2026-11-27' },
);
const answered: CheckInPromptMessage = {
  ...three,
  activities: three.activities.map((a, i) =>
    i === 0
      ? {
          ...a,
          answer: {
            statusCode: 'blocked',
            byName: 'Maria Sandberg',
            byReader: false,
            at: '2026-11-28T09:15:00.000Z',
            late: true,
          },
        }
      : a,
  ),
};

describe('the checkin-prompt message', () => {
  it('is a registered outbox message type, checked at enqueue', () => {
    expect(validateMessage(three)).toEqual(three);
    const noStatuses = { ...three, activities: [{ activityId: 'cross', name: 'CROSS', statuses: [] }] };
    expect(() => validateMessage(noStatuses)).toThrow(DeliveryError);
    expect(() => validateMessage({ ...three, deadline: 'nästa fredag' })).toThrow(DeliveryError);
  });

  it('asks in Swedish by default, in English for English readers, with the deadline and one-tap buttons', () => {
    const sv = visibleText(renderMessage(three, 'sv'));
    expect(sv).toContain('Dags för avstämning · vecka 48');
    expect(sv).toContain('Du har 3 aktiviteter att stämma av.');
    expect(sv).toContain('fredag 27 november 2026');
    expect(sv).toContain('Senast: Enligt plan');
    expect(sv).toContain('[Risk för avvikelse]');
    const en = visibleText(renderMessage(three, 'en'));
    expect(en).toContain('Time to check in · week 48');
    expect(en).toContain('Friday, 27 November 2026');
    expect(en).toContain('[At risk]');
    expect(buttonCommands(renderMessage(three, 'sv'))).toContain('delmal avstamning cross blocked');
  });

  it('dates the last status without its time, in Swedish and in English', () => {
    const dated: CheckInPromptMessage = {
      ...three,
      activities: three.activities.map((a, i) =>
        i === 0 ? { ...a, currentAt: '2026-11-20T08:14:00.000Z' } : a,
      ),
    };
    expect(visibleText(renderMessage(dated, 'sv'))).toContain('Senast: Enligt plan (20 nov. 2026)');
    expect(visibleText(renderMessage(dated, 'en'))).toContain('Last: On track (20 Nov 2026)');
  });

  it('words a reminder and a catch-up differently from the prompt', () => {
    const heading = (kind: CheckInPromptMessage['kind']) =>
      renderMessage({ ...three, kind }, 'sv').blocks.find((b) => b.type === 'heading');
    expect(heading('prompt')).toEqual({ type: 'heading', text: 'Dags för avstämning · vecka 48' });
    expect(heading('reminder')).toEqual({ type: 'heading', text: 'Påminnelse: avstämning · vecka 48' });
    expect(heading('catch_up')).toEqual({
      type: 'heading',
      text: 'Välkommen tillbaka – avstämning · vecka 48',
    });
    expect(visibleText(renderMessage({ ...three, kind: 'reminder' }, 'sv'))).toContain(
      'Det här är den enda påminnelsen.',
    );
  });

  it('shows an answered activity’s answer — who, when, late — and no status buttons for it', () => {
    const reply = renderMessage(answered, 'sv');
    expect(visibleText(reply)).toContain('✓ Maria Sandberg svarade 28 nov. 2026 10:15: Hinder / avvikelse');
    expect(visibleText(reply)).toContain('(efter sista svarsdag)');
    const commands = buttonCommands(reply);
    expect(commands.filter((c) => c.startsWith('delmal avstamning cherries '))).toEqual([]);
    expect(commands.filter((c) => c.startsWith('delmal avstamning cross '))).toHaveLength(5);
    const all = { ...answered, activities: answered.activities.slice(0, 1) };
    expect(renderMessage(all, 'sv').summary).toBe('Tack! Aktiviteten i den här avstämningen är besvarad.');
  });

  it.each(['sv', 'en'] as const)(
    'fits Slack’s limits, parses as an Adaptive Card and reads as text (%s)',
    (locale) => {
      const t = translator(locale);
      for (const message of [three, answered]) {
        const reply = renderMessage(message, locale);
        expect(checkSlackLimits(renderSlackMessage(reply, t))).toEqual([]);
        expect(cardProblems(renderAdaptiveCard(reply, t))).toEqual([]);
        expect(renderText(reply, t)).toContain('delmal avstamning cross');
      }
    },
  );
});
