import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the relay accepted, parsed as a mail client would. */
export interface ReceivedMail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly messageId: string;
  readonly parsed: ParsedMail;
}

/**
 * A real SMTP relay in process (smtp-server), keeping what it accepted (parsed with mailparser).
 * With `perSecond`, it answers 421 to messages beyond that rate (a token bucket holding one second's
 * worth), as a throttling relay does.
 */
export class FakeSmtp {
  readonly mails: ReceivedMail[] = [];
  /** Messages answered 421 (over the rate). */
  throttled = 0;
  private readonly server: SMTPServer;
  private tokens = Number.POSITIVE_INFINITY;
  private refilled = performance.now();
  port = 0;

  constructor(options: { perSecond?: number } = {}) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // The rate is a token bucket (capacity = one second's worth), taken when a message starts.
      onMailFrom: (_address, _session, callback) => {
        if (options.perSecond !== undefined && !this.take(options.perSecond)) {
          this.throttled++;
          const error = Object.assign(new Error('4.7.0 Too many messages, slow down'), { responseCode: 421 });
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            this.mails.push({
              to: to?.value[0]?.address ?? '',
              subject: parsed.subject ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  private take(perSecond: number): boolean {
    const now = performance.now();
    this.tokens = Math.min(perSecond, this.tokens + ((now - this.refilled) * perSecond) / 1000);
    this.refilled = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to === address);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The answer-page link in a mail's plain-text part. */
export function answerLink(mail: ReceivedMail | undefined): string {
  const link = /https?:\/\/\S+\/svar\?t=[A-Za-z0-9_.-]+/.exec(mail?.text ?? '')?.[0];
  if (!link) throw new Error('no answer link in the mail');
  return link;
}

/** The secret test servers sign answer links with. */
export const TEST_LINK_SECRET = 'test-link-secret-0123456789abcdef0123456789';

/** The environment of a delmal that mails through `smtp` and signs answer links with {@link TEST_LINK_SECRET}. */
export const mailEnv = (smtp: { url: string }) => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: 'delmal <delmal@example.org>',
  DELMAL_LINK_SECRET: TEST_LINK_SECRET,
});
