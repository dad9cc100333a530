import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { translator } from '../../src/i18n/i18n.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { BodyError, readBody } from '../../src/server/body.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { messagePage, STATEMENT_PATH, STYLESHEET_PATH, statementPage } from './answer-layout.js';
import { ANSWER_PATH } from './answer-links.js';
import { renderAnswerPage } from './answer-page.js';
import { type AnswerPageDeps, type OpenLink, openAnswerLink, type RefusedLink } from './open-answer-link.js';
import { recordAnswers } from './record-answers.js';
import { RequestLimit } from './request-limit.js';

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

/**
 * The answer page of e-mail prompts on delmal's own server. GET shows the question and changes
 * nothing (mail scanners open links); only a POST from the page records; HEAD gets 405. Links
 * that expired, were changed or are someone else's get a page saying so. No cookies, no login.
 */
export function registerAnswerPage(server: HttpServer, deps: AnswerPageDeps): void {
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
  const refuse = (res: ServerResponse, loaded: RefusedLink) => {
    const t = translator(deps.locale);
    send(res, loaded.status, messagePage(t, deps.locale, t(loaded.title), t(loaded.text)));
  };

  server.route('GET', ANSWER_PATH, async (req, res) => {
    if (!guard(req, res)) return;
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const loaded = await openAnswerLink(deps, query.get('t') ?? '');
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
    const loaded = await openAnswerLink(deps, token);
    if (!loaded.ok) return refuse(res, loaded);
    const outcome = await recordAnswers(deps.chat, loaded, form);
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

function view(loaded: OpenLink, token: string) {
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
