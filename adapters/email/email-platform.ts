import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import type { ChatDeps } from '../../src/asking/handle-message.js';
import type { Clock } from '../../src/clock.js';
import type { EmailConfig } from '../../src/config/email-config.js';
import type { Locale } from '../../src/i18n/i18n.js';
import type { HttpServer } from '../../src/server/http-server.js';
import { AnswerLinks } from './answer-links.js';
import { registerAnswerPage } from './answer-routes.js';
import { EmailPort } from './email-port.js';
import { registerMailInbox } from './mail-inbox.js';
import { LocalInbox, type MailTransport, smtpTransport } from './mail-transport.js';

/** E-mail as the composition root wires it: the port, its transport, and the answer page's routes. */
export interface EmailPlatform {
  readonly port: EmailPort;
  readonly transport: MailTransport;
  /** The playground's inbox when no relay is configured (local and test environments). */
  readonly inbox: LocalInbox | undefined;
}

/**
 * Creates the e-mail platform: an SMTP relay (`SMTP_URL`) or, without one, the playground's inbox;
 * the answer page and its accessibility statement on `server`; signed links to it.
 */
export function createEmailPlatform(
  config: EmailConfig,
  deps: {
    readonly db: Db;
    readonly server: HttpServer;
    readonly chat: ChatDeps;
    readonly clock: Clock;
    readonly locale: Locale;
    /** The server's own address once it listens (links when `PUBLIC_URL` is unset: local only). */
    readonly ownUrl: () => string;
  },
): EmailPlatform {
  const { smtpUrl } = config;
  const inbox = smtpUrl === undefined ? new LocalInbox(() => deps.clock.now()) : undefined;
  const transport: MailTransport =
    smtpUrl === undefined ? (inbox as LocalInbox) : smtpTransport({ ...config, smtpUrl });
  // Production requires DELMAL_LINK_SECRET (config checks it); locally, links last one process.
  const secret = config.linkSecret ?? randomBytes(32).toString('hex');
  const links = new AnswerLinks({ db: deps.db, secret, baseUrl: () => config.publicUrl ?? deps.ownUrl() });
  registerAnswerPage(deps.server, { db: deps.db, chat: deps.chat, secret, locale: deps.locale });
  if (inbox) registerMailInbox(deps.server, inbox, deps.locale);
  const port = new EmailPort({ db: deps.db, transport, links, ratePerSecond: config.ratePerSecond });
  return { port, transport, inbox };
}
