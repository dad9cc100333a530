import { NEXT_STEP_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../src/checkins/record-check-in.js';
import type { Locale, Translate } from '../../src/i18n/i18n.js';
import { page } from './answer-layout.js';
import { esc } from './html.js';

/** One activity as the answer page shows it. */
export interface AnswerActivity {
  readonly id: string;
  readonly name: string;
  readonly context?: string;
  readonly statuses: readonly { readonly code: string; readonly label: string }[];
  /** The status last reported before, as its label. */
  readonly current?: string;
  /** This owner's answer of the round: the form edits it. */
  readonly mine?: { readonly time: string; readonly label: string };
  /** Another owner answered the round first: this owner's answer is kept as a comment. */
  readonly other?: { readonly name: string; readonly time: string; readonly label: string };
}

/** What the form holds: field name → value (checkbox: 'on'), and field name → error text. */
export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: ReadonlyMap<string, string>;
}

/** The form's field names for one activity. */
export const fieldNames = (id: string) => ({
  status: `status-${id}`,
  note: `note-${id}`,
  nextStep: `next-${id}`,
  support: `support-${id}`,
});

/**
 * The answer page: each activity as a group with its status choices (radio buttons: one choice,
 * keyboard-operable, no script), what happened, next step and "behöver stöd"; one submit. Errors
 * are listed first (focused, announced) and next to their field (described-by).
 */
export function renderAnswerPage(options: {
  t: Translate;
  locale: Locale;
  name: string;
  deadline: string;
  token: string;
  activities: readonly AnswerActivity[];
  state: FormState;
  notice?: string;
}): string {
  const { t, state } = options;
  const parts: string[] = [`<h1>${esc(t('answer.heading'))}</h1>`];
  if (state.errors.size > 0) {
    const items = [...state.errors].map(
      ([field, text]) => `<li><a href="#${esc(field)}">${esc(text)}</a></li>`,
    );
    parts.push(
      `<div class="summary" role="alert" tabindex="-1" id="fel" autofocus><h2>${esc(
        t('answer.errorSummary', { n: state.errors.size }),
      )}</h2><ul>${items.join('')}</ul></div>`,
    );
  } else if (options.notice)
    parts.push(
      `<div class="notice" role="status" tabindex="-1" id="kvitto" autofocus><p>${esc(options.notice)}</p></div>`,
    );
  parts.push(`<p>${esc(t('answer.intro', { name: options.name, deadline: options.deadline }))}</p>`);
  parts.push('<form method="post" action="/svar" novalidate>');
  parts.push(`<input type="hidden" name="t" value="${esc(options.token)}">`);
  for (const activity of options.activities) parts.push(activityFieldset(activity, t, state));
  const editing = options.activities.every((a) => a.mine);
  parts.push(`<button type="submit">${esc(t(editing ? 'answer.submitEdit' : 'answer.submit'))}</button>`);
  parts.push('</form>');
  return page({ t, locale: options.locale, title: t('answer.title'), body: parts.join('\n') });
}

function errorOf(state: FormState, field: string): { attrs: string; html: string } {
  const error = state.errors.get(field);
  if (!error) return { attrs: '', html: '' };
  return {
    attrs: ` aria-invalid="true"`,
    html: `<p class="error" id="${esc(field)}-fel">${esc(error)}</p>`,
  };
}

function describedBy(...ids: (string | false)[]): string {
  const list = ids.filter(Boolean);
  return list.length > 0 ? ` aria-describedby="${esc(list.join(' '))}"` : '';
}

function activityFieldset(activity: AnswerActivity, t: Translate, state: FormState): string {
  const f = fieldNames(activity.id);
  const v = state.values;
  const status = errorOf(state, f.status);
  const note = errorOf(state, f.note);
  const next = errorOf(state, f.nextStep);
  const lines: string[] = [];
  if (activity.context) lines.push(`<p class="context">${esc(activity.context)}</p>`);
  if (activity.mine)
    lines.push(
      `<p>${esc(t('answer.yourAnswer', { time: activity.mine.time, status: activity.mine.label }))}</p>`,
    );
  else if (activity.other)
    lines.push(
      `<p>${esc(t('answer.otherAnswer', { name: activity.other.name, time: activity.other.time, status: activity.other.label }))}</p>`,
    );
  else if (activity.current)
    lines.push(`<p class="context">${esc(t('answer.current', { status: activity.current }))}</p>`);
  const choices = activity.statuses
    .map((s, i) => {
      const id = i === 0 ? f.status : `${f.status}-${s.code}`;
      const checked = v[f.status] === s.code ? ' checked' : '';
      return `<div class="choice"><input type="radio" id="${esc(id)}" name="${esc(f.status)}" value="${esc(s.code)}"${checked}${status.attrs}><label for="${esc(id)}">${esc(s.label)}</label></div>`;
    })
    .join('');
  const noteHint = `${f.note}-hint`;
  return `<fieldset class="activity"><legend><h2>${esc(activity.name)}</h2></legend>
${lines.join('\n')}
<fieldset class="statuses"${describedBy(Boolean(status.html) && `${f.status}-fel`)}><legend>${esc(t('answer.legend', { activity: activity.name }))}</legend>
${status.html}${choices}</fieldset>
<div class="field"><label for="${esc(f.note)}">${esc(t('answer.note'))}</label>
<p class="hint" id="${esc(noteHint)}">${esc(t('answer.noteHint'))}</p>${note.html}
<textarea id="${esc(f.note)}" name="${esc(f.note)}" rows="4" maxlength="${NOTE_MAX_LENGTH}"${describedBy(noteHint, Boolean(note.html) && `${f.note}-fel`)}${note.attrs}>${esc(v[f.note] ?? '')}</textarea></div>
<div class="field"><label for="${esc(f.nextStep)}">${esc(t('answer.nextStep'))}</label>${next.html}
<input type="text" id="${esc(f.nextStep)}" name="${esc(f.nextStep)}" maxlength="${NEXT_STEP_MAX_LENGTH}" value="${esc(v[f.nextStep] ?? '')}"${describedBy(Boolean(next.html) && `${f.nextStep}-fel`)}${next.attrs}></div>
<div class="choice"><input type="checkbox" id="${esc(f.support)}" name="${esc(f.support)}"${v[f.support] === 'on' ? ' checked' : ''}><label for="${esc(f.support)}">${esc(t('answer.needsSupport'))}</label></div>
</fieldset>`;
}
