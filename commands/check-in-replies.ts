import type { CheckInRow } from '../db/database.js';
import type { Activity, StatusDefinition } from '../db/model/catalog-schema.js';
import type { CommandContext } from '../src/asking/command.js';
import { badgeOf } from '../src/catalog/status.js';
import { formatTime } from '../src/chat/format.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { checkInForm, type FormValues } from '../src/checkins/prompt-form.js';
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
function promptStatuses(ctx: CommandContext, activity: Activity) {
  return ctx.catalog.view
    .vocabularyOf(activity)
    .map((s) => ({ code: s.code, label: s.label, labelEn: s.labelEn, tone: badgeOf(s, 'sv').tone }));
}

/**
 * The check-in form of one activity on its own: the inputs shown at once and the statuses as the
 * form's only buttons, so whatever is typed goes with the status pressed (Slack, whose messages
 * hold no inputs, shows the statuses as buttons and opens the form as a modal). `verb` `andra`
 * edits the latest check-in, pre-filled with what it says. After a refusal, `refused` keeps what
 * was typed and says, next to each field, what to change.
 */
export function checkInFormReply(
  ctx: CommandContext,
  activity: Activity,
  verb: 'avstamning' | 'andra',
  current?: CheckInRow,
  refused?: { readonly values: FormValues; readonly problems: readonly CheckInProblem[] },
): Reply {
  const heading = ctx.t(verb === 'andra' ? 'checkin.edit.heading' : 'checkin.prompt.heading', {
    activity: activity.name,
  });
  const statuses = promptStatuses(ctx, activity);
  const values: FormValues | undefined = refused
    ? refused.values
    : current
      ? {
          note: current.note,
          nextStep: current.next_step ?? '',
          needsSupport: current.needs_support === 1,
          statusCode: current.status_code,
        }
      : undefined;
  const errors: Record<string, string> = {};
  for (const problem of refused?.problems ?? [])
    if (problem.field === 'note' || problem.field === 'nextStep')
      errors[problem.field] = capitalise(ctx.t(problem.key, problem.params));
  const form = checkInForm({ activityId: activity.id, statuses }, ctx.t, ctx.asker.locale, {
    verb,
    label: ctx.t(verb === 'andra' ? 'prompt.edit' : 'prompt.addText'),
    expanded: true,
    refresh: true,
    errors,
    ...(values ? { values } : {}),
  });
  const blocks: Block[] = [{ type: 'heading', text: heading }];
  if (refused)
    blocks.push({
      type: 'text',
      text: ctx.t('checkin.failed', {
        problems: refused.problems.map((p) => ctx.t(p.key, p.params)).join('; '),
      }),
    });
  else
    blocks.push({
      type: 'text',
      text: ctx.t(verb === 'andra' ? 'checkin.edit.text' : 'checkin.prompt.text'),
    });
  blocks.push({ type: 'form', ...form });
  blocks.push({ type: 'context', text: ctx.t('checkin.prompt.hint', { id: activity.id }) });
  return { summary: heading, blocks, ...(refused ? { privately: true as const } : {}) };
}

/** What a refused form submission typed: shown again in the form, so no word is lost. */
function typedValues(ctx: CommandContext, typedNote: string, statusCode: string): FormValues {
  const input = formInput(ctx, typedNote);
  return { note: input.note, nextStep: input.nextStep, needsSupport: input.needsSupport, statusCode };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
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
/**
 * A check-in that was refused: submitted from a form, the form again with what was typed and what
 * to change next to it; typed as a command, the reasons.
 */
export function refusedReply(
  ctx: CommandContext,
  activity: Activity,
  verb: 'avstamning' | 'andra',
  typedNote: string,
  statusCode: string,
  problems: readonly CheckInProblem[],
): Reply {
  if (!ctx.inbound?.form) return failedReply(ctx, problems);
  return checkInFormReply(ctx, activity, verb, undefined, {
    values: typedValues(ctx, typedNote, statusCode),
    problems,
  });
}

export function failedReply(ctx: CommandContext, problems: readonly CheckInProblem[]): Reply {
  const message = ctx.t('checkin.failed', {
    problems: problems.map((p) => ctx.t(p.key, p.params)).join('; '),
  });
  return { ...text(message), privately: true };
}

export function text(message: string): Reply {
  return { summary: message, blocks: [{ type: 'text', text: message }] };
}
