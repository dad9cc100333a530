import type { ModalView } from '@slack/types';
import type { CommandContext } from '../../src/asking/command.js';
import { badgeOf } from '../../src/catalog/status.js';
import { NEXT_STEP_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../src/checkins/record-check-in.js';
import { SLACK_LIMITS, TONE_EMOJI } from './render-blocks.js';

export const CHECK_IN_CALLBACK = 'delmal_checkin';
export const STATUS_BLOCK = 'status';
export const NOTE_BLOCK = 'note';
export const NEXT_STEP_BLOCK = 'next_step';
export const SUPPORT_BLOCK = 'support';

/** A new check-in, or an edit of the activity's latest one (pre-filled). */
export type CheckInMode = 'new' | 'edit';

/**
 * The check-in form as a Slack modal: status (the activity's own plan vocabulary), what happened,
 * next step and "behöver stöd". An edit is pre-filled with what the latest check-in says.
 */
export function checkInModal(
  ctx: CommandContext,
  activityId: string,
  mode: CheckInMode = 'new',
  current?: { note: string; nextStep: string; needsSupport: boolean },
): ModalView | undefined {
  const { view } = ctx.catalog;
  const activity = view.activities.get(activityId);
  if (!activity) return undefined;
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  // Slack takes at most 100 options of ≤ 75 characters, values ≤ 150 (see slack-view-limits.ts).
  const options = view
    .vocabularyOf(activity)
    .slice(0, SLACK_LIMITS.selectOptions)
    .map((s) => {
      const badge = badgeOf(s, ctx.asker.locale);
      return {
        text: {
          type: 'plain_text' as const,
          text: cut(`${TONE_EMOJI[badge.tone]} ${badge.label}`, SLACK_LIMITS.optionText),
        },
        value: s.code,
      };
    });
  const initial = options.find((o) => o.value === ctx.checkIns.latest.get(activityId)?.statusCode);
  const support = {
    text: { type: 'plain_text' as const, text: ctx.t('prompt.form.needsSupport') },
    value: 'yes',
  };
  return {
    type: 'modal',
    callback_id: CHECK_IN_CALLBACK,
    private_metadata: JSON.stringify({ activityId, mode }),
    title: {
      type: 'plain_text',
      text: cut(ctx.t(mode === 'edit' ? 'prompt.edit' : 'checkin.modal.title'), SLACK_LIMITS.viewTitle),
    },
    submit: { type: 'plain_text', text: cut(ctx.t('checkin.modal.submit'), SLACK_LIMITS.viewTitle) },
    close: { type: 'plain_text', text: cut(ctx.t('checkin.modal.close'), SLACK_LIMITS.viewTitle) },
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(activity.name, SLACK_LIMITS.headerText) } },
      {
        type: 'input',
        block_id: STATUS_BLOCK,
        label: { type: 'plain_text', text: ctx.t('checkin.modal.status') },
        element: {
          type: 'static_select',
          action_id: STATUS_BLOCK,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      },
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: ctx.t('prompt.form.note') },
        hint: { type: 'plain_text', text: ctx.t('checkin.modal.noteHint') },
        element: {
          type: 'plain_text_input',
          action_id: NOTE_BLOCK,
          multiline: true,
          max_length: NOTE_MAX_LENGTH,
          ...(current?.note ? { initial_value: current.note } : {}),
        },
      },
      {
        type: 'input',
        block_id: NEXT_STEP_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: ctx.t('prompt.form.nextStep') },
        element: {
          type: 'plain_text_input',
          action_id: NEXT_STEP_BLOCK,
          max_length: NEXT_STEP_MAX_LENGTH,
          ...(current?.nextStep ? { initial_value: current.nextStep } : {}),
        },
      },
      {
        type: 'input',
        block_id: SUPPORT_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: ctx.t('prompt.form.needsSupport') },
        element: {
          type: 'checkboxes',
          action_id: SUPPORT_BLOCK,
          options: [support],
          ...(current?.needsSupport ? { initial_options: [support] } : {}),
        },
      },
    ],
  };
}
