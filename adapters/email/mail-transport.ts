import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { DeliveryResult } from '../../src/chat/chat-port.js';
import type { EmailConfig } from '../../src/config/email-config.js';
import { networkResult } from '../../src/delivery/send-outcome.js';
import type { RenderedMail } from './render-email.js';

/** One message to hand to the relay. */
export interface OutgoingMail extends RenderedMail {
  readonly to: string;
  /** `<id@host>`: the outbox item's id, so a resend after an unknown outcome carries the same id. */
  readonly messageId: string;
}

/** What the relay said about one accepted message (for `delmal mail test`). */
interface RelayAnswer {
  readonly messageId: string;
  readonly response: string;
}

/** Where e-mail goes: an SMTP relay, or (locally) the playground's inbox. */
export interface MailTransport {
  send(
    mail: OutgoingMail,
  ): Promise<{ ok: true; answer: RelayAnswer } | { ok: false; result: DeliveryResult & { ok: false } }>;
  close(): void;
}

/** An SMTP relay through nodemailer (`SMTP_URL`, `MAIL_FROM`, optional DKIM). */
export function smtpTransport(config: EmailConfig & { readonly smtpUrl: string }): MailTransport {
  const options: SMTPPool.Options = {
    url: config.smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(config.dkim ? { dkim: config.dkim } : {}),
  };
  const transporter = nodemailer.createTransport(options, { from: config.from });
  return {
    send: async (mail) => {
      try {
        const info = await transporter.sendMail({
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
        });
        if (info.rejected.length > 0)
          return {
            ok: false,
            result: { ok: false, kind: 'unreachable', reason: 'rejected', error: info.response },
          };
        return { ok: true, answer: { messageId: info.messageId, response: info.response } };
      } catch (error) {
        return { ok: false, result: smtpFailure(error) };
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * A relay's refusal as a delivery result: 5xx for good (`rejected`), 421 and 4.7.x "slow down"
 * (`rate_limited`), other 4xx worth a retry; a connection that could not be made is `transient`,
 * one lost mid-conversation `unknown` (the relay may have queued it).
 */
function smtpFailure(error: unknown): DeliveryResult & { ok: false } {
  const { responseCode, code, response } = (error ?? {}) as {
    responseCode?: number;
    code?: string;
    response?: string;
  };
  const said = String(response ?? (error instanceof Error ? error.message : error)).slice(0, 300);
  if (typeof responseCode === 'number') {
    if (responseCode >= 500) return { ok: false, kind: 'unreachable', reason: 'rejected', error: said };
    if (responseCode === 421 || /\b4\.7\.\d/.test(said))
      return { ok: false, kind: 'rate_limited', retryAfterMs: 2_000, bucket: 'email:relay' };
    return { ok: false, kind: 'transient', error: said };
  }
  if (code === 'ECONNECTION' || code === 'EDNS' || code === 'EAUTH' || code === 'ETLS')
    return { ok: false, kind: 'transient', error: code };
  if (code === 'ETIMEDOUT' || code === 'ESOCKET') return { ok: false, kind: 'unknown', error: code };
  return networkResult(error) as DeliveryResult & { ok: false };
}

/** One message the playground's inbox shows. */
export interface InboxMail extends OutgoingMail {
  readonly id: string;
  readonly at: string;
}

/**
 * The local environment's relay: keeps the last messages in memory for the playground's "E-post"
 * inbox, so a newcomer sees what would have been sent, with links that work.
 */
export class LocalInbox implements MailTransport {
  private readonly mails: InboxMail[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly keep = 200,
  ) {}

  async send(mail: OutgoingMail) {
    const id = randomUUID();
    this.mails.unshift({ ...mail, id, at: this.now().toISOString() });
    this.mails.length = Math.min(this.mails.length, this.keep);
    return {
      ok: true as const,
      answer: { messageId: mail.messageId, response: '250 kept in the playground inbox' },
    };
  }

  /** Newest first. */
  list(): readonly InboxMail[] {
    return this.mails;
  }

  close(): void {}
}
