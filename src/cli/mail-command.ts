import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmailConfig } from '../config/email-config.js';
import { type CliContext, CliExit, configFor } from './context.js';

/** What `delmal mail test` sends with: the e-mail adapter's relay, injected by the composition root. */
export interface MailWiring {
  sendTest(
    config: EmailConfig & { readonly smtpUrl: string },
    mail: { to: string; subject: string; text: string; html: string; messageId: string },
  ): Promise<{ ok: true; messageId: string; response: string } | { ok: false; error: string }>;
}

/**
 * `delmal mail test <address>`: sends one test message through the configured relay and prints
 * what the relay answered (or why it refused), so an operator can check SMTP_URL, MAIL_FROM and
 * DKIM before a round goes out. Exits 1 when the message was not accepted.
 */
export async function mailTest(ctx: CliContext, wiring: MailWiring, to: string): Promise<void> {
  const { config, t } = configFor(ctx, false);
  if (!z.email().safeParse(to).success) {
    ctx.err(t('mail.cli.badAddress', { to }));
    throw new CliExit(64);
  }
  const email = config.email;
  if (email?.smtpUrl === undefined) {
    ctx.err(t('mail.cli.off'));
    throw new CliExit(78);
  }
  const subject = t('email.test.subject');
  const body = t('email.test.body');
  const result = await wiring.sendTest(
    { ...email, smtpUrl: email.smtpUrl },
    {
      to,
      subject,
      text: body,
      html: `<!DOCTYPE html><html lang="${config.locale}"><head><meta charset="utf-8"><title>${subject}</title></head><body><main><h1>${subject}</h1><p>${body}</p></main></body></html>`,
      messageId: `<test-${randomUUID()}@delmal>`,
    },
  );
  if (!result.ok) {
    ctx.err(t('mail.cli.failed', { to, error: result.error }));
    throw new CliExit(1);
  }
  ctx.out(t('mail.cli.sent', { to, response: result.response, id: result.messageId }));
}
