import { describe, expect, it } from 'vitest';
import { checkSlackLimits, renderSlackMessage, SLACK_LIMITS } from '../../../adapters/slack/render-blocks.js';
import { CARD_MAX_BYTES, jsonByteLength, renderAdaptiveCard } from '../../../adapters/teams/render-card.js';
import { DEFAULT_STATUSES } from '../../../src/catalog/status.js';
import { renderText } from '../../../src/chat/render-text.js';
import type { DigestMessage, DigestUpdate } from '../../../src/digest/digest-message.js';
import { digestMessageSchema } from '../../../src/digest/digest-message-type.js';
import { renderDigest, renderDigestDetails } from '../../../src/digest/render-digest.js';
import { translator } from '../../../src/i18n/i18n.js';
import { cardProblems, textBlockTexts } from '../../support/adaptive-cards.js';

const sv = translator('sv');
const note = (i: number) =>
  `Rapport ${i}: ${'Arbetet med samverkan, lokaler och bemanning fortsätter. '.repeat(6)}`;
const statuses = DEFAULT_STATUSES.map((s) => ({
  code: s.code,
  label: s.label,
  labelEn: s.labelEn,
  tone: s.colour,
}));

/** A network following 300 activities in a busy week: long names, long notes, many exceptions. */
function bigDigest(): DigestMessage {
  const names = Array.from(
    { length: 300 },
    (_, i) => `Aktivitet ${i + 1} – samverkan kring barn och unga i länets kommuner`,
  );
  const updates: DigestUpdate[] = names.map((name, i) => ({
    activityId: `a-${i}`,
    name,
    statusCode: i % 10 === 0 ? 'blocked' : i % 7 === 0 ? 'at_risk' : 'on_track',
    author: 'Anna Andersson',
    at: '2026-11-26T09:00:00.000Z',
    note: note(i),
  }));
  return {
    type: 'digest',
    networkId: 'chefsnatverket-socialtjanst',
    networkName: 'Chefsnätverket för socialtjänst',
    kind: 'weekly',
    periodFrom: '2026-11-23T07:00:00.000Z',
    periodTo: '2026-11-30T07:00:00.000Z',
    timeZone: 'Europe/Stockholm',
    statuses,
    counts: { expected: 300, reported: 240, blocked: 30, atRisk: 30, missing: 60 },
    exceptions: names.slice(0, 120).map((name, i) => ({
      activityId: `a-${i}`,
      name,
      owners: ['Anna Andersson', 'Bertil Berg'],
      statusCode: i < 30 ? 'blocked' : 'at_risk',
      reasons:
        i < 60
          ? [
              { kind: i < 30 ? 'blocked' : 'at_risk', note: note(i), author: 'Anna Andersson' },
              { kind: 'changed', from: 'on_track', to: i < 30 ? 'blocked' : 'at_risk' },
            ]
          : [{ kind: 'overdue', deadline: '2026-11-26T16:00:00.000Z' }],
    })),
    sections: Array.from({ length: 8 }, (_, g) => ({
      kind: 'goal' as const,
      id: `sv-delmal-${g + 1}`,
      number: g + 1,
      title: `Delmål ${g + 1} med en lång titel om tillgängliga insatser med kvalitet för sårbara grupper`,
      rollUp: g % 2 === 0 ? 'blocked' : 'at_risk',
      activities: 38,
      updates: updates.filter((_, i) => i % 8 === g),
    })),
    dueNextWeek: [
      { date: '2026-12-01', activities: names.slice(0, 150) },
      { date: '2026-12-03', activities: names.slice(150) },
    ],
  };
}

describe('a digest of 300 activities at the platforms’ limits', () => {
  const message = bigDigest();

  it('is a valid outbox message', () => {
    expect(digestMessageSchema.safeParse(message).success).toBe(true);
  });

  it('fits Slack: within Block Kit’s limits, header and exceptions first, details one tap away', () => {
    const slack = renderSlackMessage(renderDigest(message, sv, 'sv'), sv);
    expect(checkSlackLimits(slack)).toEqual([]);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const json = JSON.stringify(slack.blocks);
    expect(slack.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Veckosammanfattning – Chefsnätverket för socialtjänst' },
    });
    expect(json).toContain(
      '240 av 300 aktiviteter har rapporterat · 30 hinder · 30 risk · 60 saknar rapport',
    );
    expect(json.indexOf('Aktivitet 1 –')).toBeLessThan(json.indexOf('Läget per delmål'));
    expect(json).toContain('delmal digest chefsnatverket-socialtjanst detaljer');
    expect(slack.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });

  it('fits Teams: an Adaptive Card 1.5 under the size limit, details in an expandable section', () => {
    const card = renderAdaptiveCard(renderDigest(message, sv, 'sv'), sv);
    expect(jsonByteLength(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(cardProblems(card)).toEqual([]);
    const texts = textBlockTexts(card).join('\n');
    expect(texts).toContain('240 av 300 aktiviteter har rapporterat');
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"Action.ShowCard"');
    expect(json).toContain('Visa detaljer (300 uppdateringar, 110 fler avvikelser)');
  });

  it('lists every exception and update in the details, cut with a notice where a platform ends', () => {
    const details = renderDigestDetails(message, sv, 'sv');
    const slack = renderSlackMessage(details, sv);
    expect(checkSlackLimits(slack)).toEqual([]);
    const card = renderAdaptiveCard(details, sv);
    expect(jsonByteLength(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(cardProblems(card)).toEqual([]);
    // Plain text (CLI, logs of what was sent) has room for everything.
    const text = renderText(details, sv);
    expect(text).toContain('Aktivitet 120 –');
    expect(text).toContain('Rapport 299:');
  });

  it('makes a quiet week two lines on every platform', () => {
    const quiet: DigestMessage = {
      ...message,
      counts: { expected: 300, reported: 0, blocked: 0, atRisk: 0, missing: 0 },
      exceptions: [],
      sections: message.sections.map((s) => ({ ...s, updates: [] })),
    };
    const reply = renderDigest(quiet, sv, 'sv');
    expect(reply.blocks).toHaveLength(2);
    expect(
      renderText(reply, sv)
        .split('\n')
        .filter((line) => line.trim() && !/^═+$/.test(line)),
    ).toEqual([
      'Veckosammanfattning – Chefsnätverket för socialtjänst',
      'Lugn vecka (23 november 2026 – 30 november 2026): inga nya rapporter och inga hinder, risker eller saknade rapporter. 300 aktiviteter följs.',
    ]);
    expect(renderSlackMessage(reply, sv).blocks).toHaveLength(2);
  });
});
