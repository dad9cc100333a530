import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

/**
 * The official Adaptive Cards parser. Its `lib/` build is ESM without file extensions, which Node
 * refuses to load, so we load the UMD bundle in `dist/` (the same file the playground uses).
 * Parsing and validating need no DOM; only `render()` would.
 */
export const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCardsModule;

/** Every TextBlock `text` in a card's JSON, however deeply nested (show-cards included). */
export function textBlockTexts(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(textBlockTexts);
  if (typeof json !== 'object' || json === null) return [];
  const record = json as Record<string, unknown>;
  const own = record.type === 'TextBlock' ? [typeof record.text === 'string' ? record.text : ''] : [];
  return [...own, ...Object.values(record).flatMap(textBlockTexts)];
}

/**
 * Parses `json` as an Adaptive Card targeting version 1.5 and returns every error and warning the
 * official parser reports (unknown types, invalid values, properties newer than 1.5, missing
 * required properties), plus empty TextBlocks, which Teams shows as blank gaps.
 */
export function cardProblems(json: object): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  if (textBlockTexts(json).some((text) => text.trim() === '')) problems.push('a TextBlock has empty text');
  return problems;
}

/** Parses `json` with the official parser, for tests that look at what it understood. */
export function parseCard(json: object): AdaptiveCardsModule.AdaptiveCard {
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(json, new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5));
  return card;
}
