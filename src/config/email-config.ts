import { z } from 'zod';
import type { MessageKey } from '../i18n/messages.sv.js';

/** E-mail delivery (`SMTP_URL`, `MAIL_FROM`, optional DKIM) and the answer page's links. */
export interface EmailConfig {
  /** `smtp://` or `smtps://` URL of the relay, with credentials if it needs them; undefined locally (the playground's inbox). */
  readonly smtpUrl: string | undefined;
  /** The sender, e.g. `delmal <delmal@regionorebrolan.se>`. */
  readonly from: string;
  readonly dkim:
    | { readonly domainName: string; readonly keySelector: string; readonly privateKey: string }
    | undefined;
  /** At most this many messages per second to the relay (`MAIL_RATE_PER_SECOND`, default 10). */
  readonly ratePerSecond: number;
  /** Where the answer page's links point (`PUBLIC_URL`); undefined: the server's own address (local). */
  readonly publicUrl: string | undefined;
  /** The HMAC key links are signed with (`DELMAL_LINK_SECRET`); generated per process locally. */
  readonly linkSecret: string | undefined;
}

type Problem = (variable: string, key: MessageKey, extra?: Record<string, string>) => void;

const smtpUrl = z.url({ protocol: /^smtps?$/ });
const publicUrl = z.url({ protocol: /^https?$/ });
// `Name <address>` or a bare address; nodemailer parses it, zod checks the address part.
const fromAddress = z.string().regex(/^(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)$/);

/**
 * Reads the e-mail settings. Off (undefined) in production without `SMTP_URL`; in the local and
 * test environments always on, sending to the playground's inbox unless a relay is given.
 */
export function readEmail(
  text: (name: string) => string | undefined,
  problem: Problem,
  env: 'production' | 'local' | 'test',
): EmailConfig | undefined {
  const url = text('SMTP_URL');
  const from = text('MAIL_FROM');
  const rawPublic = text('PUBLIC_URL');
  const linkSecret = text('DELMAL_LINK_SECRET');
  if (url === undefined && env === 'production') {
    for (const name of ['MAIL_FROM', 'DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'] as const)
      if (text(name) !== undefined) problem(name, 'config.email.missingSmtpUrl');
    return undefined;
  }
  if (url !== undefined && !smtpUrl.safeParse(url).success) problem('SMTP_URL', 'config.email.smtpUrl');
  if (url !== undefined && from === undefined) problem('MAIL_FROM', 'config.email.missingFrom');
  if (from !== undefined && !fromAddress.safeParse(from).success) problem('MAIL_FROM', 'config.email.from');
  if (rawPublic !== undefined && !publicUrl.safeParse(rawPublic).success)
    problem('PUBLIC_URL', 'config.email.publicUrl');
  if (env === 'production') {
    if (rawPublic === undefined) problem('PUBLIC_URL', 'config.email.missingPublicUrl');
    if (linkSecret === undefined) problem('DELMAL_LINK_SECRET', 'config.email.missingLinkSecret');
  }
  if (linkSecret !== undefined && linkSecret.length < 32)
    problem('DELMAL_LINK_SECRET', 'config.email.shortLinkSecret');
  let ratePerSecond = 10;
  const rawRate = text('MAIL_RATE_PER_SECOND');
  if (rawRate !== undefined) {
    const parsed = z.coerce.number().positive().max(1000).safeParse(rawRate);
    if (!parsed.success) problem('MAIL_RATE_PER_SECOND', 'config.email.rate');
    else ratePerSecond = parsed.data;
  }
  const domainName = text('DKIM_DOMAIN');
  const keySelector = text('DKIM_SELECTOR');
  const privateKey = text('DKIM_PRIVATE_KEY')?.replace(/\\n/g, '\n');
  const dkimGiven = [domainName, keySelector, privateKey].filter((v) => v !== undefined).length;
  if (dkimGiven > 0 && dkimGiven < 3)
    for (const [name, value] of [
      ['DKIM_DOMAIN', domainName],
      ['DKIM_SELECTOR', keySelector],
      ['DKIM_PRIVATE_KEY', privateKey],
    ] as const)
      if (value === undefined) problem(name, 'config.email.dkimIncomplete');
  if (privateKey !== undefined && !privateKey.includes('PRIVATE KEY-----'))
    problem('DKIM_PRIVATE_KEY', 'config.email.dkimKey');
  return {
    smtpUrl: url,
    from: from ?? 'delmal <delmal@localhost>',
    dkim: domainName && keySelector && privateKey ? { domainName, keySelector, privateKey } : undefined,
    ratePerSecond,
    publicUrl: rawPublic?.replace(/\/+$/, ''),
    linkSecret,
  };
}
