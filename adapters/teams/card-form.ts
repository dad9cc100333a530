import type { Form } from '../../src/chat/reply.js';
import type { AcActionSet, AcElement, AcNestedCard, AcSubmitAction } from './card-types.js';

/** The id of a form input in a card: unique across the card, so several forms can share it. */
const inputId = (form: string, name: string) => `${form}.${name}`;

/**
 * At most this many buttons share a row. Adaptive Cards lay a row out without wrapping, so a
 * longer row shrinks its buttons until their labels are cut ("Hinder / avv…") on a phone; three
 * Swedish status labels fit a 390 px screen (checked in the official renderer, tests/e2e).
 */
export const BUTTONS_PER_ROW = 3;

/** Rows of at most {@link BUTTONS_PER_ROW} buttons. */
export function buttonRows<A extends AcActionSet['actions'][number]>(actions: readonly A[]): AcActionSet[] {
  const rows: AcActionSet[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_ROW)
    rows.push({ type: 'ActionSet', actions: actions.slice(i, i + BUTTONS_PER_ROW) });
  return rows;
}

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
  body.push(...buttonRows(formSubmits(form, key)));
  return body;
}

/** The form's buttons: each posts its command and the form's key (whose inputs go with it). */
export function formSubmits(form: Form, key: string): AcSubmitAction[] {
  return form.submits.map(
    (submit): AcSubmitAction => ({
      type: 'Action.Submit',
      title: submit.label.trim() || '–',
      data: { command: submit.command, form: key },
      ...(submit.style === 'primary' ? { style: 'positive' as const } : {}),
    }),
  );
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
