import { formatDateTime } from '../../src/chat/format.js';
import type { Block, Reply } from '../../src/chat/reply.js';
import type { CheckInPromptMessage, PromptActivity } from '../../src/checkins/prompt-message.js';
import { PROMPT_HEADING, PROMPT_INTRO } from '../../src/checkins/prompt-view.js';
import type { Locale, MessageKey, Translate } from '../../src/i18n/i18n.js';
import { formatLocalDate } from '../../src/schedule/swedish-date.js';
import { esc, inline, plain } from './html.js';

/** One e-mail as rendered: what the relay gets besides the envelope. */
export interface RenderedMail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const TIMEZONE = 'Europe/Stockholm';
const SUBJECT: Record<CheckInPromptMessage['kind'], MessageKey> = {
  prompt: 'email.subject.prompt',
  reminder: 'email.subject.reminder',
  catch_up: 'email.subject.catchUp',
};
// Colours chosen for at least 4.5:1 against white (WCAG 2.1 AA); no layout tables, real headings.
const STYLE = {
  body: 'margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background:#ffffff',
  h1: 'font-size:24px;margin:0 0 12px',
  h2: 'font-size:19px;margin:20px 0 4px',
  small: 'color:#4a4a4a;font-size:14px',
  button:
    'display:inline-block;padding:12px 20px;background:#0b57a4;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:4px',
};

/** Up to three activity names, then "m.fl."/"and more": what the subject names. */
function names(activities: readonly PromptActivity[], locale: Locale): string {
  const list = activities.slice(0, 3).map((a) => a.name);
  const more = activities.length > 3 ? (locale === 'sv' ? ' m.fl.' : ' and more') : '';
  return `${list.join(', ')}${more}`;
}

function document(lang: Locale, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title></head>
<body style="${STYLE.body}"><main style="max-width:640px;margin:0 auto">${body}</main></body></html>`;
}

/**
 * A check-in prompt, reminder or catch-up as e-mail: what is asked and by when in the subject, each
 * open activity as a heading with its context and last status, and one link to the answer page
 * (no buttons that act: e-mail cannot post, and opening the link changes nothing).
 */
export function renderPromptMail(
  message: CheckInPromptMessage,
  t: Translate,
  locale: Locale,
  link: string | undefined,
): RenderedMail {
  const open = message.activities.filter((a) => !a.answer);
  const deadline = formatLocalDate(message.deadline, locale);
  const subject =
    open.length === 0
      ? t('email.subject.answered', { names: names(message.activities, locale) })
      : t(SUBJECT[message.kind], { names: names(open, locale), deadline });
  const heading = t(PROMPT_HEADING[message.kind]);
  const intro =
    open.length === 0
      ? t('prompt.allAnswered', { n: message.activities.length })
      : t(PROMPT_INTRO[message.kind], { n: open.length, deadline });
  const html: string[] = [`<h1 style="${STYLE.h1}">${esc(heading)}</h1>`, `<p>${esc(intro)}</p>`];
  const text: string[] = [heading, '', intro, ''];
  for (const activity of message.activities) {
    const lines = activityLines(activity, t, locale);
    html.push(`<h2 style="${STYLE.h2}">${esc(activity.name)}</h2>`);
    html.push(...lines.map((line) => `<p style="margin:0">${esc(line)}</p>`));
    text.push(activity.name, ...lines.map((line) => `  ${line}`), '');
  }
  if (link) {
    html.push(
      `<p style="margin:24px 0 8px"><a href="${esc(link)}" style="${STYLE.button}">${esc(t('email.answerLink'))}</a></p>`,
    );
    html.push(`<p style="${STYLE.small}">${esc(t('email.answerHint'))}</p>`);
    text.push(`${t('email.answerLink')}: ${link}`, '', t('email.answerHint'), '');
  } else {
    html.push(`<p>${esc(t('email.noLink'))}</p>`);
    text.push(t('email.noLink'), '');
  }
  const footer = `${t('prompt.footer', { deadline })} ${t('email.footer')}`;
  html.push(`<hr><p style="${STYLE.small}">${esc(footer)}</p>`);
  text.push('--', footer);
  return { subject, html: document(locale, subject, html.join('\n')), text: text.join('\n') };
}

function activityLines(activity: PromptActivity, t: Translate, locale: Locale): string[] {
  const label = (code: string) => {
    const status = activity.statuses.find((s) => s.code === code);
    return status ? (locale === 'en' ? status.labelEn : status.label) : code;
  };
  const lines = activity.context ? [activity.context] : [];
  const { answer } = activity;
  if (answer) {
    const params = {
      name: answer.byName,
      time: formatDateTime(answer.at, locale, TIMEZONE),
      status: label(answer.statusCode),
    };
    lines.push(t(answer.byReader ? 'prompt.answered.byYou' : 'prompt.answered.byOther', params));
  } else if (activity.currentStatus)
    lines.push(t('prompt.current', { status: label(activity.currentStatus) }));
  return lines;
}

/**
 * Any other neutral reply (a network digest for a chair who asked for e-mail, a notice) as e-mail:
 * headings, paragraphs, definition lists and lists; buttons that run chat commands are left out
 * (e-mail cannot run them), links stay links.
 */
export function renderReplyMail(reply: Reply, locale: Locale): RenderedMail {
  const html: string[] = [];
  const text: string[] = [];
  let headings = 0;
  for (const block of reply.blocks) blockParts(block, html, text, () => headings++);
  if (headings === 0) html.unshift(`<h1 style="${STYLE.h1}">${esc(reply.summary)}</h1>`);
  const subject = plain(reply.summary).slice(0, 200);
  return { subject, html: document(locale, subject, html.join('\n')), text: text.join('\n') };
}

function blockParts(block: Block, html: string[], text: string[], heading: () => number): void {
  switch (block.type) {
    case 'heading': {
      const level = heading() === 0 ? 1 : 2;
      html.push(`<h${level} style="${level === 1 ? STYLE.h1 : STYLE.h2}">${esc(block.text)}</h${level}>`);
      text.push(block.text, '');
      return;
    }
    case 'text':
      html.push(`<p>${inline(block.text).replace(/\n/g, '<br>')}</p>`);
      text.push(plain(block.text), '');
      return;
    case 'context':
      html.push(`<p style="${STYLE.small}">${inline(block.text)}</p>`);
      text.push(plain(block.text), '');
      return;
    case 'fields':
      html.push(
        `<dl>${block.fields.map((f) => `<dt><strong>${esc(f.label)}</strong></dt><dd style="margin:0 0 8px">${inline(f.value)}</dd>`).join('')}</dl>`,
      );
      text.push(...block.fields.map((f) => `${f.label}: ${plain(f.value)}`), '');
      return;
    case 'list':
      if (block.heading) {
        html.push(`<h2 style="${STYLE.h2}">${esc(block.heading)}</h2>`);
        text.push(block.heading);
      }
      html.push(
        `<ul>${block.items
          .map((item) => {
            const parts = [`<strong>${esc(item.title)}</strong>`];
            if (item.status) parts.push(` – ${esc(item.status.label)}`);
            if (item.detail) parts.push(`<br><span style="${STYLE.small}">${inline(item.detail)}</span>`);
            return `<li>${parts.join('')}</li>`;
          })
          .join('')}</ul>`,
      );
      text.push(
        ...block.items.map(
          (i) =>
            `- ${i.title}${i.status ? ` – ${i.status.label}` : ''}${i.detail ? ` (${plain(i.detail)})` : ''}`,
        ),
        '',
      );
      return;
    case 'actions': {
      const links = block.actions.filter((a) => a.kind === 'url');
      if (links.length === 0) return;
      html.push(
        `<ul>${links.map((a) => `<li><a href="${esc(a.url)}">${esc(a.label)}</a></li>`).join('')}</ul>`,
      );
      text.push(...links.map((a) => `${a.label}: ${a.url}`), '');
      return;
    }
    case 'more':
      html.push(
        `<h2 style="${STYLE.h2}">${esc(block.label)}</h2><p>${inline(block.text).replace(/\n/g, '<br>')}</p>`,
      );
      text.push(block.label, plain(block.text), '');
      return;
    case 'divider':
      html.push('<hr>');
      text.push('');
      return;
    case 'form':
      // A chat form: e-mail cannot post one; prompts link to the answer page instead.
      return;
  }
}
