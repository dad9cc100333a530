import { createHash } from 'node:crypto';
import type { ChatDeps } from '../../src/asking/handle-message.js';
import {
  type CheckInInput,
  type CheckInProblem,
  validateCheckIn,
} from '../../src/checkins/record-check-in.js';
import { type Translate, translator } from '../../src/i18n/i18n.js';
import { type AnswerActivity, fieldNames } from './answer-page.js';
import type { OpenLink } from './open-answer-link.js';

/**
 * Records the submitted answers: every activity given a status, checked first (all or nothing:
 * one personnummer anywhere keeps everything unsaved, the text kept in the form). An answer to an
 * activity this owner already answered in the round edits it (the earlier version kept).
 */
export async function recordAnswers(
  chat: ChatDeps,
  link: OpenLink,
  form: URLSearchParams,
): Promise<{ ok: true; edited: boolean } | { ok: false; errors: Map<string, string> }> {
  const t = translator(link.locale);
  const { view } = await chat.store.get();
  const author = { email: link.claim.owner };
  const errors = new Map<string, string>();
  const inputs: { input: CheckInInput; edit: boolean }[] = [];
  for (const activity of link.activities) {
    const f = fieldNames(activity.id);
    const input: CheckInInput = {
      activityId: activity.id,
      statusCode: form.get(f.status) ?? '',
      note: form.get(f.note) ?? '',
      nextStep: form.get(f.nextStep) ?? '',
      needsSupport: form.get(f.support) === 'on',
    };
    const wrote = Boolean(input.note?.trim() || input.nextStep?.trim() || input.needsSupport);
    if (!input.statusCode && !wrote) continue;
    const valid = validateCheckIn(view, author, input);
    if (!valid.ok) for (const problem of valid.problems) errors.set(...fieldError(problem, activity, t));
    else inputs.push({ input, edit: activity.mine !== undefined });
  }
  if (inputs.length === 0 && errors.size === 0) {
    const first = link.activities[0];
    if (first) errors.set(fieldNames(first.id).status, t('answer.error.status', { activity: first.name }));
  }
  if (errors.size > 0) return { ok: false, errors };
  let edited = false;
  for (const { input, edit } of inputs) {
    // The same submission twice (a double click, a resent form) is one check-in.
    const key = `email:${link.claim.round}:${createHash('sha256')
      .update(JSON.stringify([link.claim.owner, input]))
      .digest('hex')
      .slice(0, 32)}`;
    const result = edit
      ? await chat.checkIns.edit(view, author, input, 'email', key)
      : await chat.checkIns.record(view, author, input, 'email', key);
    if (!result.ok) {
      const activity = link.activities.find((a) => a.id === input.activityId);
      if (activity) for (const problem of result.problems) errors.set(...fieldError(problem, activity, t));
    }
    edited ||= edit;
  }
  return errors.size > 0 ? { ok: false, errors } : { ok: true, edited };
}

function fieldError(problem: CheckInProblem, activity: AnswerActivity, t: Translate): [string, string] {
  const f = fieldNames(activity.id);
  switch (problem.field) {
    case 'note':
    case 'nextStep': {
      const field = problem.field === 'note' ? f.note : f.nextStep;
      return [
        field,
        problem.key === 'checkin.error.personalNumber'
          ? t('answer.error.personalNumber')
          : t('answer.error.length', { max: Number(problem.params?.max ?? 0) }),
      ];
    }
    case 'status':
      return [f.status, t('answer.error.status', { activity: activity.name })];
    case 'activity':
      return [f.status, t('answer.error.notOwner', { activity: activity.name })];
  }
}
