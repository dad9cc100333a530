import { formatDateTime } from '../chat/format.js';
import type { Action, Block, Form, Reply } from '../chat/reply.js';
import type { Locale, MessageKey, Translate } from '../i18n/i18n.js';
import { formatLocalDate } from '../schedule/swedish-date.js';
import type { CheckInPromptMessage, PromptActivity, PromptStatus } from './prompt-message.js';
import { NEXT_STEP_MAX_LENGTH, NOTE_MAX_LENGTH } from './record-check-in.js';

/** The region's time zone: answer times in a prompt are read there (the message carries UTC). */
const PROMPT_TIMEZONE = 'Europe/Stockholm';

const HEADING: Record<CheckInPromptMessage['kind'], MessageKey> = {
  prompt: 'prompt.heading.prompt',
  reminder: 'prompt.heading.reminder',
  catch_up: 'prompt.heading.catchUp',
};
const INTRO: Record<CheckInPromptMessage['kind'], MessageKey> = {
  prompt: 'prompt.intro.prompt',
  reminder: 'prompt.intro.reminder',
  catch_up: 'prompt.intro.catchUp',
};

const labelOf = (status: PromptStatus, locale: Locale) => (locale === 'en' ? status.labelEn : status.label);

/** The buttons that answer with one status each: one tap, in the activity's own plan vocabulary. */
function statusButtons(activity: PromptActivity, locale: Locale, verb: string): Action[] {
  return activity.statuses.map((status) => ({
    kind: 'command',
    label: labelOf(status, locale),
    command: `delmal ${verb} ${activity.activityId} ${status.code}`,
  }));
}

/**
 * The check-in form of one activity: what happened, next step, "behöver stöd", sent with one of
 * the status buttons. `verb` is `avstamning` (a new answer) or `andra` (edit the answer).
 */
export function checkInForm(
  activity: { readonly activityId: string; readonly statuses: readonly PromptStatus[] },
  t: Translate,
  locale: Locale,
  options: {
    readonly verb: 'avstamning' | 'andra';
    readonly label: string;
    readonly values?: { note?: string; nextStep?: string; needsSupport?: boolean; statusCode?: string };
  },
): Form {
  const values = options.values ?? {};
  return {
    label: options.label,
    open: `delmal ${options.verb} ${activity.activityId}`,
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
    })),
  };
}

function activityBlocks(activity: PromptActivity, t: Translate, locale: Locale): Block[] {
  const current = activity.statuses.find((s) => s.code === activity.currentStatus);
  const answered = activity.answer
    ? activity.statuses.find((s) => s.code === activity.answer?.statusCode)
    : undefined;
  const shown = answered ?? current;
  const detail = [
    activity.context,
    !activity.answer && current ? t('prompt.current', { status: labelOf(current, locale) }) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const blocks: Block[] = [
    {
      type: 'list',
      items: [
        {
          title: activity.name,
          ...(detail ? { detail } : {}),
          ...(shown && activity.answer
            ? { status: { label: labelOf(shown, locale), tone: shown.tone } }
            : {}),
        },
      ],
    },
  ];
  const { answer } = activity;
  if (answer) {
    const params = {
      name: answer.byName,
      time: formatDateTime(answer.at, locale, PROMPT_TIMEZONE),
      status: answered ? labelOf(answered, locale) : answer.statusCode,
    };
    const line = t(answer.byReader ? 'prompt.answered.byYou' : 'prompt.answered.byOther', params);
    blocks.push({ type: 'context', text: answer.late ? `${line} ${t('prompt.answered.late')}` : line });
    // No status buttons once answered: the answerer may still edit, the other owners comment.
    blocks.push({
      type: 'form',
      ...(answer.byReader
        ? checkInForm(activity, t, locale, {
            verb: 'andra',
            label: t('prompt.edit'),
            values: { statusCode: answer.statusCode },
          })
        : commentForm(activity, answer.statusCode, t)),
    });
    return blocks;
  }
  blocks.push({ type: 'actions', actions: statusButtons(activity, locale, 'avstamning') });
  blocks.push({
    type: 'form',
    ...checkInForm(activity, t, locale, { verb: 'avstamning', label: t('prompt.addText') }),
  });
  return blocks;
}

/** Another owner's comment on an answered round: text only, the round's answer stays as given. */
function commentForm(activity: PromptActivity, statusCode: string, t: Translate): Form {
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

/**
 * Renders a check-in prompt, reminder or catch-up in the reader's language: each due activity
 * with one-tap status buttons and a form for text; an answered activity shows who answered, when
 * and whether late, without the status buttons.
 */
export function renderCheckInPrompt(message: CheckInPromptMessage, t: Translate, locale: Locale): Reply {
  const count = message.activities.length;
  const open = message.activities.filter((a) => !a.answer).length;
  const deadline = formatLocalDate(message.deadline, locale);
  const heading = t(HEADING[message.kind]);
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    {
      type: 'text',
      text:
        open === 0 ? t('prompt.allAnswered', { n: count }) : t(INTRO[message.kind], { n: open, deadline }),
    },
  ];
  message.activities.forEach((activity, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...activityBlocks(activity, t, locale));
  });
  blocks.push({ type: 'context', text: t('prompt.footer', { deadline }) });
  const summary =
    open === 0
      ? t('prompt.allAnswered', { n: count })
      : `${heading}: ${message.activities
          .filter((a) => !a.answer)
          .map((a) => a.name)
          .join(', ')}`;
  return { summary, blocks };
}
