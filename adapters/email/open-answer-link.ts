import { checkInTexts } from '../../db/check-in-reads.repository.js';
import { roundById } from '../../db/check-in-rounds.repository.js';
import type { Db } from '../../db/connection.js';
import { roundAnswers } from '../../db/round-answers.repository.js';
import type { ChatDeps } from '../../src/asking/handle-message.js';
import { formatDateTime } from '../../src/chat/format.js';
import { PromptCatalog } from '../../src/checkins/prompt-data.js';
import { isLocale, type Locale, type MessageKey } from '../../src/i18n/i18n.js';
import { type AnswerActivity, fieldNames } from './answer-page.js';
import { type AnswerClaim, verifyAnswerToken } from './answer-token.js';

const TIMEZONE = 'Europe/Stockholm';

/** What the answer page needs: the database, the core (clock, catalog, check-ins), the links' secret. */
export interface AnswerPageDeps {
  readonly db: Db;
  readonly chat: ChatDeps;
  readonly secret: string;
  /** The workspace's language: for people without their own, and for pages about a bad link. */
  readonly locale: Locale;
}

/** A link that works: whose it is, and the activities it asks about with this owner's answers so far. */
export interface OpenLink {
  readonly ok: true;
  readonly claim: AnswerClaim;
  readonly name: string;
  readonly locale: Locale;
  readonly deadline: string;
  readonly activities: AnswerActivity[];
  /** The form's fields filled with this owner's answers of the round. */
  readonly values: Record<string, string>;
}

/** A link that does not: the HTTP status and the catalog keys of the page that says why. */
export interface RefusedLink {
  readonly ok: false;
  readonly status: number;
  readonly title: MessageKey;
  readonly text: MessageKey;
}

/** Reads the link: signature, expiry, round still open, owner still owning its activities. */
export async function openAnswerLink(deps: AnswerPageDeps, token: string): Promise<OpenLink | RefusedLink> {
  const claim = verifyAnswerToken(token, deps.secret);
  if (!claim) return { ok: false, status: 400, title: 'answer.invalid.title', text: 'answer.invalid.text' };
  const now = deps.chat.clock.now();
  const expired = {
    ok: false as const,
    status: 410,
    title: 'answer.expired.title' as const,
    text: 'answer.expired.text' as const,
  };
  if (now.getTime() >= claim.expires * 1000) return expired;
  const round = await roundById(deps.db.kysely, claim.round);
  if (!round) return { ok: false, status: 400, title: 'answer.invalid.title', text: 'answer.invalid.text' };
  if (round.closes_at !== null && now.toISOString() >= round.closes_at) return expired;
  const { view } = await deps.chat.store.get();
  const person = view.people.get(claim.owner);
  const owned = claim.activities
    .map((id) => view.activities.get(id))
    .filter((a): a is NonNullable<typeof a> => a?.owners.includes(claim.owner) === true);
  const foreign = {
    ok: false as const,
    status: 403,
    title: 'answer.foreign.title' as const,
    text: 'answer.foreign.text' as const,
  };
  if (!person || owned.length === 0) return foreign;
  const locale: Locale = isLocale(person.locale) ? person.locale : deps.locale;
  const label = (s: { label: string; labelEn: string }) => (locale === 'en' ? s.labelEn : s.label);
  const latest = await deps.chat.checkIns.latest();
  const prompts = new PromptCatalog(
    view.catalog,
    new Map([...latest].map(([id, c]) => [id, { statusCode: c.statusCode, at: c.at }])),
  );
  const answers = new Map(
    (
      await roundAnswers(
        deps.db.kysely,
        round.id,
        owned.map((a) => a.id),
      )
    ).map((a) => [a.activity_id, a]),
  );
  const texts = await checkInTexts(
    deps.db.kysely,
    [...answers.values()].map((a) => a.check_in_id),
  );
  const values: Record<string, string> = {};
  const activities = owned.map((activity): AnswerActivity => {
    const prompt = prompts.activity(activity.id);
    const statuses = prompt?.statuses ?? [];
    const name = (code: string) => {
      const status = statuses.find((s) => s.code === code);
      return status ? label(status) : code;
    };
    const answer = answers.get(activity.id);
    const mine = answer && answer.email === claim.owner;
    const f = fieldNames(activity.id);
    if (answer && mine) {
      const text = texts.get(answer.check_in_id);
      values[f.status] = answer.status_code;
      if (text?.note) values[f.note] = text.note;
      if (text?.next_step) values[f.nextStep] = text.next_step;
      if (text?.needs_support) values[f.support] = 'on';
    }
    const time = answer ? formatDateTime(answer.created_at, locale, TIMEZONE) : '';
    return {
      id: activity.id,
      name: activity.name,
      ...(prompt?.context ? { context: prompt.context } : {}),
      statuses: statuses.map((s) => ({ code: s.code, label: label(s) })),
      ...(prompt?.currentStatus ? { current: name(prompt.currentStatus) } : {}),
      ...(answer && mine ? { mine: { time, label: name(answer.status_code) } } : {}),
      ...(answer && !mine
        ? { other: { name: answer.author_name, time, label: name(answer.status_code) } }
        : {}),
    };
  });
  const deadline = formatDateTime(round.deadline_at, locale, TIMEZONE);
  return { ok: true, claim, name: person.name, locale, deadline, activities, values };
}
