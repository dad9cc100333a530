import type { CheckInRow } from '../db/database.js';
import type { Activity, StatusDefinition } from '../db/model/catalog-schema.js';
import { badgeOf } from '../src/catalog/status.js';
import type { CommandContext } from '../src/chat/command.js';
import { formatTime } from '../src/chat/format.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { checkInForm } from '../src/checkins/prompt-form.js';
import type { CheckInInput, CheckInProblem } from '../src/checkins/record-check-in.js';
import { fold } from '../src/search/text-processing.js';

/** The status a word means: its code (on_track) or the start of its label (enligt, risk, hinder …). */
export function statusFor(
  vocabulary: readonly StatusDefinition[],
  word: string,
): StatusDefinition | undefined {
  const w = fold(word);
  return vocabulary.find((s) => s.code === w || fold(s.label).startsWith(w) || fold(s.labelEn).startsWith(w));
}

/** What a form submitted with the command adds: the note, next step and "behöver stöd". */
export function formInput(
  ctx: CommandContext,
  typedNote: string,
): Pick<CheckInInput, 'note' | 'nextStep' | 'needsSupport'> {
  const form = ctx.inbound?.form ?? {};
  return {
    note: form.note?.trim() ? form.note : typedNote,
    nextStep: form.nextStep ?? '',
    needsSupport: form.needsSupport === 'true',
  };
}

/** The activity's statuses as a prompt lists them (its own plan's vocabulary). */
export function promptStatuses(ctx: CommandContext, activity: Activity) {
  return ctx.catalog.view
    .vocabularyOf(activity)
    .map((s) => ({ code: s.code, label: s.label, labelEn: s.labelEn, tone: badgeOf(s, 'sv').tone }));
}

/**
 * The check-in form of one activity on its own: one-tap status buttons and the form for text.
 * `verb` `andra` edits the latest check-in, pre-filled with what it says.
 */
export function checkInFormReply(
  ctx: CommandContext,
  activity: Activity,
  verb: 'avstamning' | 'andra',
  current?: CheckInRow,
): Reply {
  const heading = ctx.t(verb === 'andra' ? 'checkin.edit.heading' : 'checkin.prompt.heading', {
    activity: activity.name,
  });
  const statuses = promptStatuses(ctx, activity);
  const form = checkInForm({ activityId: activity.id, statuses }, ctx.t, ctx.asker.locale, {
    verb,
    label: ctx.t(verb === 'andra' ? 'prompt.edit' : 'prompt.addText'),
    ...(current
      ? {
          values: {
            note: current.note,
            nextStep: current.next_step ?? '',
            needsSupport: current.needs_support === 1,
            statusCode: current.status_code,
          },
        }
      : {}),
  });
  return {
    summary: heading,
    blocks: [
      { type: 'heading', text: heading },
      { type: 'text', text: ctx.t(verb === 'andra' ? 'checkin.edit.text' : 'checkin.prompt.text') },
      {
        type: 'actions',
        actions: form.submits.map((s) => ({
          kind: 'command' as const,
          label: s.label,
          command: s.command,
          ...(s.style ? { style: s.style } : {}),
          // Where the platform can (Teams), the confirmation replaces these buttons.
          refresh: true,
        })),
      },
      { type: 'form', ...form },
      { type: 'context', text: ctx.t('checkin.prompt.hint', { id: activity.id }) },
    ],
  };
}

/** The confirmation of a recorded (or edited) check-in: what was saved, and what it means. */
export function savedReply(
  ctx: CommandContext,
  activity: Activity,
  checkIn: CheckInRow,
  notices: { readonly comment?: boolean; readonly edited?: boolean },
): Reply {
  const definition = ctx.catalog.view.vocabularyOf(activity).find((s) => s.code === checkIn.status_code);
  const status = definition ? badgeOf(definition, ctx.asker.locale).label : checkIn.status_code;
  const time = formatTime(checkIn.updated_at ?? checkIn.created_at, ctx.asker.locale, ctx.timezone);
  const saved = notices.edited
    ? ctx.t('checkin.edit.saved', { time, status, version: checkIn.version })
    : ctx.t('checkin.saved', { time, status });
  const blocks: Block[] = [
    { type: 'heading', text: activity.name },
    { type: 'text', text: saved },
  ];
  if (checkIn.note)
    blocks.push({ type: 'context', text: ctx.t('checkin.saved.note', { note: checkIn.note }) });
  if (checkIn.next_step)
    blocks.push({ type: 'context', text: ctx.t('checkin.saved.nextStep', { text: checkIn.next_step }) });
  if (checkIn.needs_support === 1) blocks.push({ type: 'context', text: ctx.t('checkin.saved.support') });
  if (checkIn.late === 1 && !notices.edited)
    blocks.push({ type: 'context', text: ctx.t('checkin.saved.late') });
  if (notices.comment) blocks.push({ type: 'context', text: ctx.t('checkin.saved.comment') });
  blocks.push({ type: 'context', text: ctx.t('checkin.saved.hint') });
  return { summary: saved, blocks };
}

/** A refused check-in: every problem, in the reader's words, nothing stored. */
export function failedReply(ctx: CommandContext, problems: readonly CheckInProblem[]): Reply {
  const message = ctx.t('checkin.failed', {
    problems: problems.map((p) => ctx.t(p.key, p.params)).join('; '),
  });
  return { ...text(message), privately: true };
}

export function text(message: string): Reply {
  return { summary: message, blocks: [{ type: 'text', text: message }] };
}
