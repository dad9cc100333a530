import type { Locale, Translate } from '../../src/i18n/i18n.js';
import { esc } from './html.js';

/** Where the answer page's stylesheet and accessibility statement live. */
export const STYLESHEET_PATH = '/svar/stil.css';
export const STATEMENT_PATH = '/svar/tillganglighet';

/**
 * A whole page of the answer site: `lang`, a skip link, one `<main>` with the page's `h1`, and
 * the footer linking the accessibility statement. Nothing runs: no script at all.
 */
export function page(options: { t: Translate; locale: Locale; title: string; body: string }): string {
  const { t, locale } = options;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(options.title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#innehall">${esc(t('answer.skip'))}</a>
<header><p>delmal</p></header>
<main id="innehall" tabindex="-1">
${options.body}
</main>
<footer><p>${esc(t('answer.footer.region'))} · <a href="${STATEMENT_PATH}">${esc(t('answer.footer.statement'))}</a></p></footer>
</body>
</html>`;
}

/** A page that only says something (an expired, tampered or foreign link). */
export function messagePage(t: Translate, locale: Locale, title: string, text: string): string {
  return page({ t, locale, title, body: `<h1>${esc(title)}</h1>\n<p>${esc(text)}</p>` });
}

/** The tillgänglighetsredogörelse (accessibility statement) the law asks for, linked from every page. */
export function statementPage(t: Translate, locale: Locale): string {
  const section = (heading: Parameters<Translate>[0], text: string) =>
    `<h2>${esc(t(heading))}</h2>\n<p>${esc(text)}</p>`;
  return page({
    t,
    locale,
    title: t('statement.title'),
    body: [
      `<h1>${esc(t('statement.heading'))}</h1>`,
      `<p>${esc(t('statement.intro'))}</p>`,
      section('statement.status.heading', t('statement.status.text')),
      section('statement.feedback.heading', t('statement.feedback.text')),
      section('statement.supervision.heading', t('statement.supervision.text')),
      section('statement.method.heading', t('statement.method.text', { date: '2026-12-06' })),
    ].join('\n'),
  });
}
