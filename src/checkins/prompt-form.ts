import type { Form } from '../chat/reply.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import type { PromptStatus } from './prompt-message.js';
import { NEXT_STEP_MAX_LENGTH, NOTE_MAX_LENGTH } from './record-check-in.js';

const labelOf = (status: PromptStatus, locale: Locale) => (locale === 'en' ? status.labelEn : status.label);

/** What the form shows filled in: what was typed (or saved), and why it was refused, by field. */
export interface FormValues {
  readonly note?: string;
  readonly nextStep?: string;
  readonly needsSupport?: boolean;
  readonly statusCode?: string;
}

/**
 * The check-in form of one activity: what happened, next step, "behöver stöd", sent with one of
 * the status buttons — the form's only buttons, so a typed note always goes with the status
 * pressed. `verb` is `avstamning` (a new answer) or `andra` (edit the answer).
 */
export function checkInForm(
  activity: { readonly activityId: string; readonly statuses: readonly PromptStatus[] },
  t: Translate,
  locale: Locale,
  options: {
    readonly verb: 'avstamning' | 'andra';
    readonly label: string;
    readonly values?: FormValues;
    readonly errors?: Readonly<Record<string, string>>;
    readonly expanded?: boolean;
    /** Where the platform can (Teams), the answer replaces the form: the confirmation, or the form again. */
    readonly refresh?: boolean;
  },
): Form {
  const values = options.values ?? {};
  return {
    label: options.label,
    open: `delmal ${options.verb} ${activity.activityId}`,
    ...(options.expanded ? { expanded: true } : {}),
    ...(options.errors && Object.keys(options.errors).length > 0 ? { errors: options.errors } : {}),
    fields: [
      {
        kind: 'text',
        name: 'note',
        label: t('prompt.form.note'),
        multiline: true,
        maxLength: NOTE_MAX_LENGTH,
        placeholder: t('prompt.form.notePlaceholder'),
        ...(values.note ? { value: values.note } : {}),
      },
      {
        kind: 'text',
        name: 'nextStep',
        label: t('prompt.form.nextStep'),
        maxLength: NEXT_STEP_MAX_LENGTH,
        ...(values.nextStep ? { value: values.nextStep } : {}),
      },
      {
        kind: 'toggle',
        name: 'needsSupport',
        label: t('prompt.form.needsSupport'),
        ...(values.needsSupport ? { value: true } : {}),
      },
    ],
    submits: activity.statuses.map((status) => ({
      label: labelOf(status, locale),
      command: `delmal ${options.verb} ${activity.activityId} ${status.code}`,
      ...(status.code === values.statusCode ? { style: 'primary' as const } : {}),
      ...(options.refresh ? { refresh: true } : {}),
    })),
  };
}

/** Another owner's comment on an answered round: text only, the round's answer stays as given. */
export function commentForm(
  activity: { readonly activityId: string },
  statusCode: string,
  t: Translate,
): Form {
  return {
    label: t('prompt.comment'),
    open: `delmal avstamning ${activity.activityId}`,
    fields: [
      {
        kind: 'text',
        name: 'note',
        label: t('prompt.form.comment'),
        multiline: true,
        maxLength: NOTE_MAX_LENGTH,
      },
    ],
    submits: [
      {
        label: t('prompt.comment.send'),
        command: `delmal avstamning ${activity.activityId} ${statusCode}`,
        style: 'primary',
      },
    ],
  };
}
