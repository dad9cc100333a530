import type { ChatCommand } from '../../src/asking/command.js';
import { resolveCommand } from '../../src/asking/handle-message.js';
import { MAX_MESSAGE_CHARS } from '../../src/chat/input-limits.js';
import { boundSearchQuery } from '../../src/search/query-limits.js';
import { SLACK_LIMITS, type SlackMessage } from './slack-limits.js';

/** The action id of "Dela i kanalen" on a private answer. */
export const SHARE_ACTION = 'delmal_share';

/**
 * What "Dela i kanalen" carries in its button `value` (Slack: at most 2,000 characters): the
 * command that reproduces the answer, never the whole text someone pasted. A goal or activity is
 * a few ids (`/delmal 5 sida 2`); a free-text search keeps only the bounded query that search
 * reads anyway, so the shared answer is the same one. Commands that change something (a
 * check-in) are not shared: pressing the button would record it again. Undefined: no button.
 */
export function shareCommand(text: string, commands: readonly ChatCommand[]): string | undefined {
  // A message too long to answer was answered with "too long": nothing to share.
  if (text.length > MAX_MESSAGE_CHARS) return undefined;
  const { command, rest } = resolveCommand(text, commands);
  if (!command.readOnly) return undefined;
  const trimmed = text.trim();
  let value = trimmed;
  if (rest !== '' && trimmed.endsWith(rest))
    value = `${trimmed.slice(0, -rest.length)}${boundSearchQuery(rest)}`;
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

/** Adds "Dela i kanalen" to a private answer when there is a command to share and room for it. */
export function withShareButton(
  message: SlackMessage,
  command: string | undefined,
  label: string,
): SlackMessage {
  if (command === undefined || message.blocks.length >= SLACK_LIMITS.blocksPerMessage) return message;
  return {
    ...message,
    blocks: [
      ...message.blocks,
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: SHARE_ACTION,
            text: { type: 'plain_text', text: label },
            value: command,
          },
        ],
      },
    ],
  };
}
