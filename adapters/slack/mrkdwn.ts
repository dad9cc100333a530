/**
 * Slack `mrkdwn` text. Slack asks apps to escape exactly three characters — `&`, `<` and `>` — so
 * that user text cannot form links or mentions such as `<!channel>`; `*bold*` is native mrkdwn and
 * passes through unchanged. See https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
import type { MrkdwnElement, PlainTextElement } from '@slack/types';
import { type Measure, truncateText } from '../../src/chat/reply-text.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes `&`, `<` and `>` as Slack requires for mrkdwn text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

/** The length Slack sees once `text` is escaped; additive per character, as `truncateText` needs. */
export const mrkdwnLength: Measure = (text) => escapeMrkdwn(text).length;

/** A mrkdwn text object for `text` (escaped), cut to at most `max` characters after escaping. */
export function mrkdwn(text: string, max: number): MrkdwnElement {
  return { type: 'mrkdwn', text: escapeMrkdwn(truncateText(text, max, mrkdwnLength)) };
}

/** A plain_text object cut to `max` characters; plain text needs no escaping. */
export function plainText(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncateText(text, max), emoji: true };
}
