import type { Db } from '../../db/connection.js';
import { reachOfEmail } from '../../db/person-reach.repository.js';
import type {
  ChatPort,
  DeliveryResult,
  PersonReach,
  RateBucket,
  SendOptions,
} from '../../src/chat/chat-port.js';
import type { Address, ResolvedAddress, SentMessageRef } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import type { OutboxMessage } from '../../src/delivery/outbox-message.js';
import { withinSignal } from '../../src/delivery/send-outcome.js';
import { translator } from '../../src/i18n/i18n.js';
import type { AnswerLinks } from './answer-links.js';
import type { MailTransport } from './mail-transport.js';
import { renderDigestMail } from './render-digest-mail.js';
import { renderPromptMail, renderReplyMail } from './render-email.js';

/** The relay's rate bucket: every e-mail draws on it, whoever it is for. */
const RELAY_BUCKET = 'email:relay';

/**
 * E-mail as a delivery platform behind the outbox: a person whose catalog `reach` is `email` gets
 * their prompts here first; one with `chat-then-email` when no chat DM works. A check-in prompt is
 * rendered from its neutral message with a signed link to the answer page; a network digest (for
 * a chair who asked for it) whole, with its week in the subject; anything else from its reply. Updates in place are not mailed again: the
 * answer page always shows the round as it is.
 */
export class EmailPort implements ChatPort {
  readonly platform = 'email' as const;
  private readonly bucket: RateBucket;

  constructor(
    private readonly deps: {
      readonly db: Db;
      readonly transport: MailTransport;
      readonly links: AnswerLinks;
      /** At most this many messages per second to the relay. */
      readonly ratePerSecond: number;
    },
  ) {
    // A whole number of sends per window: 10/s is 10 per second, 0.5/s is 1 per two seconds.
    const limit = Math.max(1, Math.floor(deps.ratePerSecond));
    this.bucket = { key: RELAY_BUCKET, limit, perMs: Math.round((1000 * limit) / deps.ratePerSecond) };
  }

  async reachOf(email: string): Promise<PersonReach> {
    const person = await reachOfEmail(this.deps.db.kysely, email);
    if (person?.reach === 'email') return 'first';
    return person?.reach === 'chat-then-email' ? 'fallback' : 'never';
  }

  async resolvePerson(email: string) {
    const person = await reachOfEmail(this.deps.db.kysely, email);
    if (!person || person.reach === 'chat') return { ok: false as const, reason: 'not_supported' as const };
    return {
      ok: true as const,
      address: {
        kind: 'conversation' as const,
        platform: 'email' as const,
        workspaceId: 'email',
        conversationId: email.toLowerCase(),
      },
    };
  }

  buckets(_address: Address): readonly RateBucket[] {
    return [this.bucket];
  }

  async send(to: ResolvedAddress, reply: Reply, options: SendOptions): Promise<DeliveryResult> {
    if (to.kind !== 'conversation')
      return {
        ok: false,
        kind: 'unreachable',
        reason: 'not_supported',
        error: `e-mail has no ${to.kind} messages`,
      };
    const recipient = to.conversationId;
    // The stored message the reply was rendered from: the outbox checked it against its type's
    // schema when it read the item, so its `type` says what it is.
    const message = options.message as OutboxMessage | undefined;
    const rendered =
      message?.type === 'checkin-prompt'
        ? renderPromptMail(
            message,
            translator(options.locale),
            options.locale,
            await this.deps.links.linkFor(recipient, message),
          )
        : message?.type === 'digest'
          ? renderDigestMail(message, options.locale)
          : renderReplyMail(reply, options.locale);
    const messageId = `<${options.outboxId ?? crypto.randomUUID()}@delmal>`;
    return withinSignal(options.signal, async () => {
      const sent = await this.deps.transport.send({ ...rendered, to: recipient, messageId });
      if (!sent.ok) return sent.result;
      return {
        ok: true,
        sent: {
          platform: 'email',
          workspaceId: 'email',
          conversationId: recipient,
          messageId: sent.answer.messageId,
        },
      };
    });
  }

  /** An answered prompt is not mailed again (one message per round is the point); the page shows it. */
  async update(ref: SentMessageRef): Promise<DeliveryResult> {
    return { ok: true, sent: ref };
  }
}
