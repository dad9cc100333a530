import { describe, expect, it } from 'vitest';
import { checkSlackLimits, renderSlackMessage } from '../../../adapters/slack/render-blocks.js';
import { CARD_MAX_BYTES, jsonByteLength, renderAdaptiveCard } from '../../../adapters/teams/render-card.js';
import type { CheckInPromptMessage, PromptActivity } from '../../../src/checkins/prompt-message.js';
import { splitPrompt } from '../../../src/checkins/prompt-parts.js';
import { renderMessage, validateMessage } from '../../../src/delivery/message-types.js';
import { translator } from '../../../src/i18n/i18n.js';
import { cardProblems, textBlockTexts } from '../../support/adaptive-cards.js';
import { promptMessage } from '../../support/answer-rounds.js';
import { buttonCommands } from '../../support/catalog.js';

const ROUND = 'social-valfard-veckovis:2026-12-14';
const named = (n: number, name = (i: number) => `Aktivitet ${i + 1}`) =>
  promptMessage(
    ROUND,
    Array.from({ length: n }, (_, i) => ({
      id: `aktivitet-${i + 1}`,
      name: name(i),
      currentStatus: 'on_track',
    })),
    { deadline: '2026-12-18' },
  );

/** The heaviest activity the prompt schema allows: 500-character name and context, ten long statuses. */
const heavy = (i: number): PromptActivity => ({
  activityId: `tung-${i}`,
  name: `Tung aktivitet ${i} ${'å'.repeat(480)}`,
  context: `Delmål ${i} · ${'ä'.repeat(480)}`,
  statuses: Array.from({ length: 10 }, (_, s) => ({
    code: `status_${s}`,
    label: `Status ${s} ${'ö'.repeat(64)}`,
    labelEn: `Status ${s} ${'o'.repeat(64)}`,
    tone: 'yellow' as const,
  })),
  currentStatus: 'status_1',
});

const SLACK_NOTICE = 'som inte får plats här';

/** What each platform shows of every part: the activity names visible and the one-tap commands. */
function rendered(parts: readonly CheckInPromptMessage[]) {
  const t = translator('sv');
  return parts.map((part) => {
    validateMessage(part);
    const reply = renderMessage(part, 'sv');
    const slack = renderSlackMessage(reply, t);
    const card = renderAdaptiveCard(reply, t);
    return { part, reply, slack, card };
  });
}

describe('a prompt split over several messages', () => {
  it.each([1, 8, 9, 12, 13, 25, 40])(
    'names all of %i activities once, each part within every platform limit',
    (n) => {
      const message = named(n);
      const parts = splitPrompt(message);
      expect(parts.flatMap((p) => p.activities.map((a) => a.activityId))).toEqual(
        message.activities.map((a) => a.activityId),
      );
      for (const { part, reply, slack, card } of rendered(parts)) {
        expect(checkSlackLimits(slack)).toEqual([]);
        expect(cardProblems(card)).toEqual([]);
        expect(jsonByteLength(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
        const slackText = JSON.stringify(slack.blocks);
        const cardText = textBlockTexts(card).join('\n');
        for (const activity of part.activities) {
          expect(slackText).toContain(`*${activity.name}*`);
          expect(cardText).toContain(activity.name);
          // One tap each: every status of every activity is a button of its own.
          for (const status of activity.statuses)
            expect(buttonCommands(reply)).toContain(
              `delmal avstamning ${activity.activityId} ${status.code}`,
            );
        }
        expect(slackText).not.toContain(SLACK_NOTICE);
        expect(cardText).not.toContain(SLACK_NOTICE);
      }
    },
  );

  it('says which part it is and counts the whole prompt, not the part', () => {
    const parts = splitPrompt(named(13));
    expect(parts.map((p) => p.activities.length)).toEqual([7, 6]);
    const texts = rendered(parts).map(({ slack }) => JSON.stringify(slack.blocks));
    expect(texts[0]).toContain('Dags för avstämning · vecka 51 · del 1 av 2');
    expect(texts[0]).toContain('Du har 13 aktiviteter att stämma av');
    expect(texts[0]).toContain('Del 1 av 2 · aktivitet 1–7 av 13');
    expect(texts[1]).toContain('Del 2 av 2 · aktivitet 8–13 av 13');
    expect(texts[1]).toContain('fredag 18 december 2026');
    expect(splitPrompt(named(8))).toHaveLength(1);
    expect(splitPrompt(named(8))[0]?.part).toBeUndefined();
  });

  it('keeps even the heaviest activities whole: more parts, never a dropped activity', () => {
    const message: CheckInPromptMessage = {
      ...named(1),
      activities: Array.from({ length: 9 }, (_, i) => heavy(i)),
    };
    const parts = splitPrompt(message);
    expect(parts.length).toBeGreaterThan(2);
    for (const { part, slack, card } of rendered(parts)) {
      expect(checkSlackLimits(slack)).toEqual([]);
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(slack.blocks)).not.toContain(SLACK_NOTICE);
      expect(textBlockTexts(card).join('\n')).not.toContain(SLACK_NOTICE);
      for (const activity of part.activities)
        expect(textBlockTexts(card).join('\n')).toContain(activity.name.slice(0, 40));
    }
  });

  it('reminders and catch-ups are split the same way, with their own heading', () => {
    for (const kind of ['reminder', 'catch_up'] as const) {
      const parts = splitPrompt({ ...named(13), kind });
      expect(parts).toHaveLength(2);
      const [first] = rendered(parts);
      const heading = first?.reply.blocks.find((b) => b.type === 'heading');
      expect(heading).toEqual({
        type: 'heading',
        text:
          kind === 'reminder'
            ? 'Påminnelse: avstämning · vecka 51 · del 1 av 2'
            : 'Välkommen tillbaka – avstämning · vecka 51 · del 1 av 2',
      });
    }
  });
});
