import { isLocalDate, isoWeek, type LocalDate } from '../../db/model/local-date.js';
import { formatDate, formatDateTime } from '../chat/format.js';
import type { Form, Tone } from '../chat/reply.js';
import type { Locale, MessageKey, Translate } from '../i18n/i18n.js';
import { checkInForm, commentForm } from './prompt-form.js';
import type { CheckInPromptMessage, PromptActivity, PromptPart, PromptStatus } from './prompt-message.js';

/** The region's time zone: dates and times in a prompt are read there (the message carries UTC). */
const PROMPT_TIMEZONE = 'Europe/Stockholm';

/**
 * A check-in prompt as a reader sees it, in their language, before any platform: what it is
 * (heading, deadline, which part), then each activity with its context, last status, its own
 * one-tap answers and the fuller form. Slack, Teams, the playground and the terminal render it
 * through the neutral `Reply` (`renderCheckInPrompt`); an e-mail renderer can take it as it is.
 */
export interface PromptView {
  readonly kind: CheckInPromptMessage['kind'];
  /** `Avstämning vecka 51` (+ ` · del 1 av 2`). */
  readonly heading: string;
  /** What to do and by when, counting the whole prompt, not just this part. */
  readonly intro: string;
  /** The last local day (Europe/Stockholm) to answer in time, and as people read it. */
  readonly deadline: { readonly date: LocalDate; readonly text: string };
  /** `Del 1 av 2 · aktivitet 1–7 av 13`, when the prompt is split over several messages. */
  readonly part?: PromptPart & { readonly label: string };
  readonly activities: readonly PromptViewActivity[];
  /** Late answers are welcome, answers can be edited. */
  readonly footer: string;
  /** One line for notifications and screen readers. */
  readonly summary: string;
}

export interface PromptViewActivity {
  readonly activityId: string;
  readonly name: string;
  /** `Delmål 5 · Sårbara barns och ungas rättigheter`. */
  readonly context?: string;
  /** The status reported before this round: `Senast: Enligt plan (2 dec. 2026)`. */
  readonly last?: PromptViewStatus;
  /** This round's answer once given: who, when, late; the options are then empty. */
  readonly answer?: PromptViewStatus;
  /** One tap each; the command records that status. Empty once answered. */
  readonly options: readonly PromptViewOption[];
  /** The fuller form one tap away: answer with text, edit one's answer, or comment another's. */
  readonly form: Form;
}

interface PromptViewStatus {
  readonly label: string;
  readonly tone: Tone;
  /** The whole line as shown. */
  readonly text: string;
}

interface PromptViewOption {
  readonly code: string;
  readonly label: string;
  readonly tone: Tone;
  readonly command: string;
}

/** The heading of each kind of prompt message (chat and e-mail alike). */
export const PROMPT_HEADING: Readonly<Record<CheckInPromptMessage['kind'], MessageKey>> = {
  prompt: 'prompt.heading.prompt',
  reminder: 'prompt.heading.reminder',
  catch_up: 'prompt.heading.catchUp',
};
/** The opening sentence of each kind of prompt message. */
export const PROMPT_INTRO: Readonly<Record<CheckInPromptMessage['kind'], MessageKey>> = {
  prompt: 'prompt.intro.prompt',
  reminder: 'prompt.intro.reminder',
  catch_up: 'prompt.intro.catchUp',
};

const labelOf = (status: PromptStatus, locale: Locale) => (locale === 'en' ? status.labelEn : status.label);

/** `fredag 18 december 2026` / `Friday 18 December 2026`. */
function deadlineText(date: LocalDate, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The round's week, from its slot (`<schedule>:<local date>`), when the id carries one. */
function weekOf(roundId: string): number | undefined {
  const slot = roundId.slice(roundId.indexOf(':') + 1, roundId.indexOf(':') + 11);
  return isLocalDate(slot) ? isoWeek(slot) : undefined;
}

function activityView(activity: PromptActivity, t: Translate, locale: Locale): PromptViewActivity {
  const find = (code: string | undefined) => activity.statuses.find((s) => s.code === code);
  const current = find(activity.currentStatus);
  const last: PromptViewStatus | undefined = current
    ? {
        label: labelOf(current, locale),
        tone: current.tone,
        text: activity.currentAt
          ? t('prompt.currentAt', {
              status: labelOf(current, locale),
              date: formatDate(activity.currentAt, locale, PROMPT_TIMEZONE),
            })
          : t('prompt.current', { status: labelOf(current, locale) }),
      }
    : undefined;
  const base = {
    activityId: activity.activityId,
    name: activity.name,
    ...(activity.context ? { context: activity.context } : {}),
    ...(last ? { last } : {}),
  };
  const { answer } = activity;
  if (answer) {
    const answered = find(answer.statusCode);
    const label = answered ? labelOf(answered, locale) : answer.statusCode;
    const params = {
      name: answer.byName,
      time: formatDateTime(answer.at, locale, PROMPT_TIMEZONE),
      status: label,
    };
    const line = t(answer.byReader ? 'prompt.answered.byYou' : 'prompt.answered.byOther', params);
    return {
      ...base,
      answer: {
        label,
        tone: answered?.tone ?? 'grey',
        text: answer.late ? `${line} ${t('prompt.answered.late')}` : line,
      },
      options: [],
      // The answerer may still edit; the other owners comment (the first answer keeps counting).
      form: answer.byReader
        ? checkInForm(activity, t, locale, {
            verb: 'andra',
            label: t('prompt.edit'),
            values: { statusCode: answer.statusCode },
          })
        : commentForm(activity, answer.statusCode, t),
    };
  }
  return {
    ...base,
    options: activity.statuses.map((status) => ({
      code: status.code,
      label: labelOf(status, locale),
      tone: status.tone,
      command: `delmal avstamning ${activity.activityId} ${status.code}`,
    })),
    form: checkInForm(activity, t, locale, { verb: 'avstamning', label: t('prompt.addText') }),
  };
}

/** Builds the view of a stored prompt, reminder or catch-up for a reader in `locale`. */
export function promptView(message: CheckInPromptMessage, t: Translate, locale: Locale): PromptView {
  const activities = message.activities.map((a) => activityView(a, t, locale));
  const open = activities.filter((a) => !a.answer);
  const deadline = { date: message.deadline, text: deadlineText(message.deadline, locale) };
  const week = weekOf(message.roundId);
  const title = t(PROMPT_HEADING[message.kind]);
  const round = week === undefined ? title : t('prompt.heading.week', { title, week });
  const { part } = message;
  const partLabel = part
    ? t('prompt.part', {
        index: part.index,
        count: part.count,
        first: part.first,
        last: part.first + message.activities.length - 1,
        total: part.total,
      })
    : undefined;
  const heading = part
    ? `${round} · ${t('prompt.part.short', { index: part.index, count: part.count })}`
    : round;
  const total = part?.total ?? activities.length;
  const intro =
    open.length === 0
      ? t('prompt.allAnswered', { n: activities.length })
      : t(PROMPT_INTRO[message.kind], { n: total, deadline: deadline.text });
  const summary =
    open.length === 0
      ? t('prompt.allAnswered', { n: activities.length })
      : `${heading}: ${open.map((a) => a.name).join(', ')}`;
  return {
    kind: message.kind,
    heading,
    intro,
    deadline,
    ...(part && partLabel ? { part: { ...part, label: partLabel } } : {}),
    activities,
    footer: t('prompt.footer', { deadline: deadline.text }),
    summary,
  };
}
