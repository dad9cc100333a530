import type { Form } from '../../src/chat/reply.js';
import { actionRows } from './action-rows.js';
import type { AcElement, AcExecuteAction, AcNestedCard, AcSubmitAction } from './card-types.js';

/** The verb of delmal's Universal Actions: the bot runs `data.command` and answers with a new card. */
export const EXECUTE_VERB = 'delmal';

/** The id of a form input in a card: unique across the card, so several forms can share it. */
const inputId = (form: string, name: string) => `${form}.${name}`;

/**
 * A neutral form as card elements: each input (with the reason it was refused right under it),
 * then one submit button per choice; each button posts its command with the form's key, and the
 * card adds the inputs' values — so what is typed goes with whichever button is pressed.
 */
export function formElements(form: Form, key: string): AcElement[] {
  const body: AcElement[] = [];
  for (const field of form.fields) {
    body.push(
      field.kind === 'text'
        ? {
            type: 'Input.Text',
            id: inputId(key, field.name),
            label: field.label,
            maxLength: field.maxLength,
            ...(field.multiline ? { isMultiline: true } : {}),
            ...(field.placeholder ? { placeholder: field.placeholder } : {}),
            ...(field.value ? { value: field.value } : {}),
          }
        : {
            type: 'Input.Toggle',
            id: inputId(key, field.name),
            title: field.label,
            valueOn: 'true',
            valueOff: 'false',
            value: field.value ? 'true' : 'false',
          },
    );
    const error = form.errors?.[field.name];
    if (error?.trim())
      body.push({ type: 'TextBlock', text: error, color: 'attention', wrap: true, spacing: 'Small' });
  }
  body.push(...actionRows(formSubmits(form, key)));
  return body;
}

/**
 * The form's buttons: each posts its command and the form's key (whose inputs go with it). One
 * that refreshes is a Universal Action (the bot's answer replaces the card: the confirmation, or
 * the form again with what was typed after a refusal), with a plain submit as its fallback.
 */
function formSubmits(form: Form, key: string): (AcSubmitAction | AcExecuteAction)[] {
  return form.submits.map((submit) => {
    const plain: AcSubmitAction = {
      type: 'Action.Submit',
      title: submit.label.trim() || '–',
      data: { command: submit.command, form: key },
      ...(submit.style === 'primary' ? { style: 'positive' as const } : {}),
    };
    return commandAction(plain, submit.refresh);
  });
}

/**
 * A button that runs a command: the plain submit, or — when its answer should replace the card in
 * place — a Universal Action (`Action.Execute`) with the plain submit as its fallback for clients
 * without them.
 */
export function commandAction(
  plain: AcSubmitAction,
  refresh: boolean | undefined,
): AcSubmitAction | AcExecuteAction {
  if (!refresh) return plain;
  return {
    type: 'Action.Execute',
    title: plain.title,
    verb: EXECUTE_VERB,
    data: plain.data,
    ...(plain.style ? { style: plain.style } : {}),
    fallback: plain,
  };
}

/** A neutral form as the card shown behind its button. */
export function formCard(form: Form, key: string): AcNestedCard {
  return { type: 'AdaptiveCard', body: formElements(form, key) };
}

/**
 * The values a card's form submitted (Teams `activity.value`, the playground's action data): the
 * inputs of the form the pressed button belongs to, by field name. Undefined when no form was sent.
 */
export function submittedForm(data: unknown): Record<string, string> | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  const key = record.form;
  if (typeof key !== 'string' || key === '') return undefined;
  const prefix = `${key}.`;
  const values: Record<string, string> = {};
  for (const [id, value] of Object.entries(record))
    if (id.startsWith(prefix) && (typeof value === 'string' || typeof value === 'boolean'))
      values[id.slice(prefix.length)] = String(value);
  return values;
}
