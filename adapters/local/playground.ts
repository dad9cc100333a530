import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { askerFor } from '../../src/asking/asker.js';
import { type ChatDeps, handleMessage } from '../../src/asking/handle-message.js';
import type { InboundMessage } from '../../src/chat/inbound.js';
import { toInbound } from '../../src/chat/inbound-schema.js';
import type { Clock } from '../../src/clock.js';
import type { Locale, Translate } from '../../src/i18n/i18n.js';
import { translator } from '../../src/i18n/i18n.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { BodyError, readJson } from '../../src/server/body.js';
import { type HttpServer, type RouteHandler, sendJson } from '../../src/server/http-server.js';
import { submittedForm } from '../teams/card-form.js';
import { renderAdaptiveCard } from '../teams/render-card.js';
import { type ClockControl, registerClockRoutes } from './clock-control.js';
import type { LocalPort } from './local-port.js';
import { dmOf } from './playground-event.js';
import { playgroundSession } from './session.js';

/** The playground's message in neutral form: a DM with the bot or a network channel, in workspace `local`. */
function playgroundInbound(
  conversation: string,
  text: string,
  as: string | undefined,
  formToken: string | undefined,
  form?: Readonly<Record<string, string>>,
): InboundMessage {
  const userId = as ?? 'anonymous';
  // With a form, what was written is part of the submission: other text is another submission.
  const written = form
    ? `:${createHash('sha256').update(JSON.stringify(form)).digest('hex').slice(0, 16)}`
    : '';
  // The page's "dm" is each person's own DM with the bot.
  const id = conversation === 'dm' ? `dm:${userId}` : conversation;
  return toInbound({
    platform: 'local',
    workspaceId: 'local',
    conversation: { kind: conversation === 'dm' ? 'dm' : 'channel', id },
    messageId: formToken ? `form:${formToken}:${text}${written}` : `local-${randomUUID()}`,
    text,
    ...(form ? { form } : {}),
    asker: { userId, ...(as ? { email: as } : {}) },
    replyTo: { kind: 'conversation', platform: 'local', workspaceId: 'local', conversationId: id },
  });
}

/** The clock panel's words; `simulated`: whether the page shows it (`delmal serve --clock`). */
function clockWords(t: Translate, simulated: boolean) {
  return {
    simulated,
    title: t('playground.clock.title'),
    hint: t('playground.clock.hint'),
    moving: t('playground.clock.moving'),
    jumps: [
      { minutes: 15, label: t('playground.clock.quarter') },
      { minutes: 60, label: t('playground.clock.hour') },
      { minutes: 24 * 60, label: t('playground.clock.day') },
      { minutes: 7 * 24 * 60, label: t('playground.clock.week') },
    ],
  };
}

const PUBLIC = join(PACKAGE_ROOT, 'adapters', 'local', 'public');
const ADAPTIVE_CARDS = join(PACKAGE_ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js');

const messageSchema = z.strictObject({
  as: z.email().optional(),
  conversation: z.string().regex(/^(dm|network:[a-z0-9-]+)$/),
  text: z.string().trim().min(1).max(2000),
  /** The token of the card whose button was pressed: the same button twice is one submission. */
  formToken: z.uuid().optional(),
  /** The id the page gave its own copy of the message, so it recognises the stored one. */
  clientId: z.uuid().optional(),
  /** The words on the pressed button: what the person "said" instead of the command behind it. */
  label: z.string().trim().min(1).max(200).optional(),
  /** The pressed button's data with the card inputs the renderer added (a check-in form). */
  data: z.record(z.string().max(200), z.union([z.string().max(5000), z.boolean(), z.number()])).optional(),
});

const eventsQuery = z.object({ as: z.union([z.email(), z.literal('')]).optional() });

// The page loads only its own files; Adaptive Cards sets inline styles, nothing runs inline.
const HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/**
 * The local playground: a chat page at `/` where you pick who you are, talk to the bot in a DM or
 * a network channel, and see replies rendered from the same Adaptive Card JSON Teams receives.
 * Registered only in the `local` and `test` environments; never in production.
 */
export function registerPlayground(
  server: HttpServer,
  chat: ChatDeps,
  workspaceLocale: Locale,
  port?: LocalPort,
  time?: { readonly clock: Clock; readonly timeZone: string; readonly control?: ClockControl },
): void {
  const file =
    (path: string, type: string): RouteHandler =>
    async (_req, res) => {
      res.writeHead(200, { 'content-type': type, ...HEADERS });
      res.end(await readFile(path));
    };
  server.route('GET', '/', file(join(PUBLIC, 'index.html'), 'text/html; charset=utf-8'));
  server.route(
    'GET',
    '/playground/app.js',
    file(join(PUBLIC, 'playground.js'), 'text/javascript; charset=utf-8'),
  );
  server.route(
    'GET',
    '/playground/cards.js',
    file(join(PUBLIC, 'playground-cards.js'), 'text/javascript; charset=utf-8'),
  );
  server.route(
    'GET',
    '/playground/clock.js',
    file(join(PUBLIC, 'playground-clock.js'), 'text/javascript; charset=utf-8'),
  );
  server.route('GET', '/playground/app.css', file(join(PUBLIC, 'playground.css'), 'text/css; charset=utf-8'));
  server.route('GET', '/playground/adaptivecards.js', file(ADAPTIVE_CARDS, 'text/javascript; charset=utf-8'));

  server.route('GET', '/playground/api/session', async (_req, res) => {
    const { view } = await chat.store.get();
    sendJson(res, 200, {
      ...playgroundSession(view, translator(workspaceLocale), workspaceLocale),
      timeZone: time?.timeZone ?? 'Europe/Stockholm',
      clock: clockWords(translator(workspaceLocale), Boolean(time?.control)),
    });
  });
  if (time) registerClockRoutes(server, time.clock, time.control, translator(workspaceLocale));

  // What delmal writes on its own (prompts, digests) reaches the open page at once; what arrived
  // while no page was open is replayed when one connects.
  if (port)
    server.route('GET', '/playground/api/events', async (req, res) => {
      const as = eventsQuery.safeParse(
        Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams),
      );
      if (!as.success)
        return sendJson(res, 400, { error: translator(workspaceLocale)('playground.badRequest') });
      res.writeHead(200, {
        ...HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
      });
      res.write('retry: 1000\n\n');
      const unsubscribe = await port.subscribe(as.data.as ?? '', (event) => {
        res.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      req.once('close', unsubscribe);
      if (req.destroyed) unsubscribe();
    });

  server.route('POST', '/playground/api/messages', async (req, res) => {
    const t = translator(workspaceLocale);
    let body: unknown;
    try {
      body = await readJson(req, 16 * 1024);
    } catch (error) {
      if (error instanceof BodyError)
        return sendJson(res, error.status, { error: t('playground.badRequest') });
      throw error;
    }
    const parsed = messageSchema.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, { error: t('playground.badRequest') });
    const { as, conversation, text, formToken, data, clientId, label } = parsed.data;
    const { view } = await chat.store.get();
    const asker = askerFor(view, as, workspaceLocale);
    // Stored under the person's own DM (or the channel), so a reload and a second tab show it.
    const stored = conversation === 'dm' ? dmOf(as ?? '') : conversation;
    const said = port
      ? await port.said(stored, asker.name ?? t('playground.you'), label ?? text, clientId)
      : null;
    // In a channel the bot answers only when addressed, as in Slack and Teams.
    if (conversation !== 'dm' && !/^\s*[/@]delmal\b/i.test(text))
      return sendJson(res, 200, { said, reply: null });
    const inbound = playgroundInbound(conversation, text, as, formToken, submittedForm(data));
    const reply = await handleMessage(chat, inbound, asker);
    const answer = port
      ? await port.answered(stored, reply, asker.locale)
      : {
          from: 'delmal' as const,
          summary: reply.summary,
          card: renderAdaptiveCard(reply, translator(asker.locale)),
          // Each rendered card gets its own form token, sent back with any of its buttons.
          formToken: randomUUID(),
        };
    // A refusal (nothing was saved): the page lets the pressed button be pressed again.
    sendJson(res, 200, { said, reply: { ...answer, ...(reply.privately ? { refused: true } : {}) } });
  });
}
