import type { Form } from '../../src/chat/reply.js';
import { actionRows } from './action-rows.js';
import type { AcElement, AcNestedCard, AcSubmitAction } from './card-types.js';

/** The id of a form input in a card: unique across the card, so several forms can share it. */
const inputId = (form: string, name: string) => `${form}.${name}`;

/**
 * A neutral form as the card shown behind its button: the inputs, then one submit button per
 * choice; each button posts its command with the form's key, and the card adds the inputs' values.
 */
export function formCard(form: Form, key: string): AcNestedCard {
  const body: AcElement[] = form.fields.map((field) =>
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
  const actions = form.submits.map(
    (submit): AcSubmitAction => ({
      type: 'Action.Submit',
      title: submit.label.trim() || '–',
      data: { command: submit.command, form: key },
      ...(submit.style === 'primary' ? { style: 'positive' as const } : {}),
    }),
  );
  // Rows that fit a phone (at most five: Teams shows no more in one set).
  body.push(...actionRows(actions));
  return { type: 'AdaptiveCard', body };
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
