import type { Block, Reply } from '../chat/reply.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import type { CheckInPromptMessage } from './prompt-message.js';
import { type PromptViewActivity, promptView } from './prompt-view.js';

/** One activity as a neutral question: name, context, last status or answer, its own buttons, the form. */
function question(activity: PromptViewActivity): Block {
  const shown = activity.answer ?? activity.last;
  return {
    type: 'question',
    title: activity.name,
    ...(activity.context ? { detail: activity.context } : {}),
    // The whole line as the badge ("Senast: Enligt plan (2 dec. 2026)"), in the status's colour.
    ...(shown ? { status: { label: shown.text, tone: shown.tone } } : {}),
    answers: activity.options.map((option) => ({
      kind: 'command' as const,
      label: option.label,
      command: option.command,
    })),
    form: activity.form,
  };
}

/**
 * Renders a check-in prompt, reminder or catch-up in the reader's language (see `PromptView`):
 * a heading saying which round and by when, then every activity of this message as a question
 * with its own one-tap status buttons and the form one tap away; an answered activity shows who
 * answered, when and whether late, without status buttons.
 */
export function renderCheckInPrompt(message: CheckInPromptMessage, t: Translate, locale: Locale): Reply {
  const view = promptView(message, t, locale);
  const blocks: Block[] = [
    { type: 'heading', text: view.heading },
    { type: 'text', text: view.intro },
  ];
  if (view.part) blocks.push({ type: 'context', text: view.part.label });
  blocks.push(...view.activities.map(question));
  blocks.push({ type: 'context', text: view.footer });
  return { summary: view.summary, blocks };
}
