import type { Locale } from '../../src/i18n/i18n.js';
import { translator } from '../../src/i18n/i18n.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { esc } from './html.js';
import type { LocalInbox } from './mail-transport.js';

const INBOX_PATH = '/playground/mail';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/**
 * The playground's "E-post" inbox (local and test environments only): every message that would
 * have been sent, newest first, with its plain-text part and links that work; each message also
 * opens as the HTML the owner would see.
 */
export function registerMailInbox(server: HttpServer, inbox: LocalInbox, locale: Locale): void {
  const t = translator(locale);
  server.route('GET', INBOX_PATH, (_req, res) => {
    const mails = inbox.list();
    const items = mails.map(
      (m) => `<li><article><h2><a href="${INBOX_PATH}/message?id=${esc(m.id)}">${esc(m.subject)}</a></h2>
<p>${esc(t('playground.mail.to'))}: ${esc(m.to)} · <time datetime="${esc(m.at)}">${esc(m.at)}</time></p>
<pre style="white-space:pre-wrap">${linkify(m.text)}</pre></article></li>`,
    );
    res.writeHead(200, HEADERS);
    res.end(`<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t('playground.mail.title'))}</title></head>
<body style="font-family:Arial,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;color:#1b1b1b">
<p><a href="/">${esc(t('playground.mail.back'))}</a></p>
<main><h1>${esc(t('playground.mail.heading'))}</h1><p>${esc(t('playground.mail.intro'))}</p>
${mails.length === 0 ? `<p>${esc(t('playground.mail.empty'))}</p>` : `<ul style="list-style:none;padding:0">${items.join('\n')}</ul>`}
</main></body></html>`);
  });
  server.route('GET', `${INBOX_PATH}/message`, (req, res) => {
    const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id');
    const mail = inbox.list().find((m) => m.id === id);
    res.writeHead(mail ? 200 : 404, HEADERS);
    res.end(
      mail
        ? mail.html
        : `<!DOCTYPE html><html lang="${locale}"><head><title>404</title></head><body><main><h1>404</h1></main></body></html>`,
    );
  });
}

/** Escaped text with its http(s) addresses as links. */
function linkify(text: string): string {
  return esc(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
