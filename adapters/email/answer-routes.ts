import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { checkInTexts } from '../../db/check-in-reads.repository.js';
import { roundById } from '../../db/check-in-rounds.repository.js';
import type { Db } from '../../db/connection.js';
import { roundAnswers } from '../../db/round-answers.repository.js';
import type { ChatDeps } from '../../src/asking/handle-message.js';
import { formatDateTime } from '../../src/chat/format.js';
import { PromptCatalog } from '../../src/checkins/prompt-data.js';
import {
  type CheckInInput,
  type CheckInProblem,
  validateCheckIn,
} from '../../src/checkins/record-check-in.js';
import { isLocale, type Locale, type Translate, translator } from '../../src/i18n/i18n.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { BodyError, readBody } from '../../src/server/body.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { messagePage, STATEMENT_PATH, STYLESHEET_PATH, statementPage } from './answer-layout.js';
import { ANSWER_PATH } from './answer-links.js';
import { type AnswerActivity, fieldNames, renderAnswerPage } from './answer-page.js';
import { type AnswerClaim, verifyAnswerToken } from './answer-token.js';
import { RequestLimit } from './request-limit.js';

const TIMEZONE = 'Europe/Stockholm';
const STYLESHEET = join(PACKAGE_ROOT, 'adapters', 'email', 'public', 'answer.css');

// No script at all, no framing, forms post only here, and the token never leaves in a Referer.
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
  'cache-control': 'no-store',
};

interface Deps {
  readonly db: Db;
  readonly chat: ChatDeps;
  readonly secret: string;
  readonly locale: Locale;
}

type Loaded =
  | {
      ok: true;
      claim: AnswerClaim;
      name: string;
      locale: Locale;
      deadline: string;
      activities: AnswerActivity[];
      values: Record<string, string>;
    }
  | { ok: false; status: number; title: Parameters<Translate>[0]; text: Parameters<Translate>[0] };

/**
 * The answer page of e-mail prompts on delmal's own server. GET shows the question and changes
 * nothing (mail scanners open links); only a POST from the page records; HEAD gets 405. Links
 * that expired, were changed or are someone else's get a page saying so. No cookies, no login.
 */
export function registerAnswerPage(server: HttpServer, deps: Deps): void {
  const limit = new RequestLimit(60, 60_000);
  const send = (res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...HEADERS, ...extra });
    res.end(html);
  };
  const guard = (req: IncomingMessage, res: ServerResponse): boolean => {
    const t = translator(deps.locale);
    if (req.method === 'HEAD') {
      send(res, 405, '', { allow: 'GET, POST' });
      return false;
    }
    if (!limit.allow(req.socket.remoteAddress ?? '')) {
      send(res, 429, messagePage(t, deps.locale, t('answer.tooMany.title'), t('answer.tooMany.text')), {
        'retry-after': '60',
      });
      return false;
    }
    return true;
  };
  const refuse = (res: ServerResponse, loaded: Loaded & { ok: false }) => {
    const t = translator(deps.locale);
    send(res, loaded.status, messagePage(t, deps.locale, t(loaded.title), t(loaded.text)));
  };

  server.route('GET', ANSWER_PATH, async (req, res) => {
    if (!guard(req, res)) return;
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const loaded = await load(deps, query.get('t') ?? '');
    if (!loaded.ok) return refuse(res, loaded);
    const t = translator(loaded.locale);
    const saved = query.get('sparat');
    const notice =
      saved === 'ny' ? t('answer.saved') : saved === 'andrad' ? t('answer.savedEdited') : undefined;
    send(
      res,
      200,
      renderAnswerPage({
        ...view(loaded, query.get('t') ?? ''),
        state: { values: loaded.values, errors: new Map() },
        ...(notice ? { notice } : {}),
      }),
    );
  });

  server.route('POST', ANSWER_PATH, async (req, res) => {
    if (!guard(req, res)) return;
    let form: URLSearchParams;
    try {
      if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? ''))
        throw new BodyError(415, 'expected a form');
      form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return refuse(res, {
        ok: false,
        status: error.status,
        title: 'answer.invalid.title',
        text: 'answer.invalid.text',
      });
    }
    const token = form.get('t') ?? '';
    const loaded = await load(deps, token);
    if (!loaded.ok) return refuse(res, loaded);
    const outcome = await record(deps, loaded, form);
    if (outcome.ok) {
      res.writeHead(303, {
        ...HEADERS,
        location: `${ANSWER_PATH}?t=${token}&sparat=${outcome.edited ? 'andrad' : 'ny'}`,
      });
      res.end();
      return;
    }
    const values = Object.fromEntries([...form].filter(([k]) => k !== 't'));
    send(res, 400, renderAnswerPage({ ...view(loaded, token), state: { values, errors: outcome.errors } }));
  });

  server.route('GET', STATEMENT_PATH, async (req, res) => {
    if (!guard(req, res)) return;
    send(res, 200, statementPage(translator(deps.locale), deps.locale), {
      'cache-control': 'public, max-age=3600',
    });
  });
  server.route('GET', STYLESHEET_PATH, async (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    });
    res.end(await readFile(STYLESHEET));
  });
}

function view(loaded: Loaded & { ok: true }, token: string) {
  const t = translator(loaded.locale);
  return {
    t,
    locale: loaded.locale,
    name: loaded.name,
    deadline: loaded.deadline,
    token,
    activities: loaded.activities,
  };
}

/** Reads the link: signature, expiry, round still open, owner still owning its activities. */
async function load(deps: Deps, token: string): Promise<Loaded> {
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

/**
 * Records the submitted answers: every activity given a status, checked first (all or nothing:
 * one personnummer anywhere keeps everything unsaved, the text kept in the form). An answer to an
 * activity this owner already answered in the round edits it (the earlier version kept).
 */
async function record(
  deps: Deps,
  loaded: Loaded & { ok: true },
  form: URLSearchParams,
): Promise<{ ok: true; edited: boolean } | { ok: false; errors: Map<string, string> }> {
  const t = translator(loaded.locale);
  const { view } = await deps.chat.store.get();
  const author = { email: loaded.claim.owner };
  const errors = new Map<string, string>();
  const inputs: { input: CheckInInput; edit: boolean }[] = [];
  for (const activity of loaded.activities) {
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
    const first = loaded.activities[0];
    if (first) errors.set(fieldNames(first.id).status, t('answer.error.status', { activity: first.name }));
  }
  if (errors.size > 0) return { ok: false, errors };
  let edited = false;
  for (const { input, edit } of inputs) {
    // The same submission twice (a double click, a resent form) is one check-in.
    const key = `email:${loaded.claim.round}:${createHash('sha256')
      .update(JSON.stringify([loaded.claim.owner, input]))
      .digest('hex')
      .slice(0, 32)}`;
    const result = edit
      ? await deps.chat.checkIns.edit(view, author, input, 'email', key)
      : await deps.chat.checkIns.record(view, author, input, 'email', key);
    if (!result.ok) {
      const activity = loaded.activities.find((a) => a.id === input.activityId);
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
