import type { Question } from '../../src/chat/reply.js';
import { actionRows } from './action-rows.js';
import { formElements } from './card-form.js';
import type {
  AcContainer,
  AcElement,
  AcSubmitAction,
  AcTextBlock,
  AcToggleVisibilityAction,
} from './card-types.js';
import { TONE_COLOR } from './tone-color.js';

/**
 * A neutral question as one card container: its name, context and last state, then its own
 * answer buttons right under it. The form sits hidden in the same card: "Skriv mer" swaps the
 * one-tap row for the form (its inputs and the same answers as its submits) and "Stäng" swaps
 * back, so only one set of answer buttons is ever on screen, and a typed note always goes with
 * the answer pressed. `key` is unique in the card (it names the form's inputs).
 */
export function questionCard(question: Question, key: string, closeLabel: string): AcContainer {
  const items: AcElement[] = [
    { type: 'TextBlock', text: question.title.trim() || '–', weight: 'Bolder', wrap: true },
  ];
  if (question.detail?.trim())
    items.push({ type: 'TextBlock', text: question.detail, isSubtle: true, spacing: 'None', wrap: true });
  const state = [question.status ? `● ${question.status.label}` : '', question.note ?? '']
    .filter((s) => s.trim())
    .join('  ');
  if (state) {
    const line: AcTextBlock = { type: 'TextBlock', text: state, size: 'Small', spacing: 'Small', wrap: true };
    if (question.status) line.color = TONE_COLOR[question.status.tone];
    items.push(line);
  }
  const form = question.form;
  const quickId = `${key}-quick`;
  const formId = `${key}-form`;
  const answers = question.answers.flatMap((answer): AcSubmitAction[] =>
    answer.kind === 'command'
      ? [
          {
            type: 'Action.Submit',
            title: answer.label.trim() || '–',
            // The form's key goes along: whatever was typed in the form is sent with this answer too.
            data: form ? { command: answer.command, form: key } : { command: answer.command },
            ...(answer.style === 'primary' ? { style: 'positive' as const } : {}),
          },
        ]
      : [],
  );
  const toggle = (title: string): AcToggleVisibilityAction => ({
    type: 'Action.ToggleVisibility',
    title,
    targetElements: [quickId, formId],
  });
  const quick = [...answers, ...(form ? [toggle(form.label.trim() || '–')] : [])];
  if (quick.length > 0) items.push({ type: 'Container', id: quickId, items: actionRows(quick) });
  if (form)
    items.push({
      type: 'Container',
      id: formId,
      isVisible: false,
      items: [...formElements(form, key), ...actionRows([toggle(closeLabel)])],
    });
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}
