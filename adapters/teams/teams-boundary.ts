import type { ActivityLike } from '@microsoft/teams.api';
import type { AdapterDeps } from '../../src/asking/adapter-deps.js';
import type { Address } from '../../src/chat/inbound.js';
import type { Reply } from '../../src/chat/reply.js';
import { describeFailure } from '../../src/errors/bot-error.js';
import { translator } from '../../src/i18n/i18n.js';
import { currentRequestId } from '../../src/request-id.js';
import type { AdaptiveCardJson } from './card-types.js';
import { renderAdaptiveCard } from './render-card.js';
import { teamsInbound, teamsWhere } from './teams-inbound-message.js';

/** What a Teams handler context offers the boundary: the activity and a way to answer in its chat. */
interface BoundaryContext {
  readonly activity: unknown;
  send(activity: ActivityLike): Promise<unknown>;
}

/** The apology (or a coded error's friendly answer) as the card Teams shows. */
function failureCard(
  deps: AdapterDeps,
  error: unknown,
  where: string,
): { card: AdaptiveCardJson; text: string; reply: Reply } {
  const t = translator(deps.locale);
  const { text } = describeFailure(error, { logger: deps.logger, t, where: `teams.${where}` });
  const reply: Reply = { summary: text, blocks: [{ type: 'text', text }] };
  return { card: renderAdaptiveCard(reply, t), text, reply };
}

/**
 * The Teams error boundary for handlers that answer in the conversation (messages,
 * conversationUpdate): a failure — database down, roster look-up failed, a bug — is logged with a
 * reference and the user gets an apology card in the same chat, through the outbox. Only when the
 * outbox itself cannot take it (the database is what failed) does the apology go out directly on
 * the SDK's reply to this activity, so the user is never left without an answer. The HTTP answer
 * stays 200: the activity was received and answered; a 5xx would only make the Bot Framework
 * deliver it again into the same failure.
 */
export function guardConversation<C extends BoundaryContext>(
  deps: AdapterDeps,
  where: string,
  handler: (ctx: C) => Promise<void>,
  options: { readonly answer: boolean } = { answer: true },
): (ctx: C) => Promise<void> {
  return async (ctx) => {
    try {
      await handler(ctx);
    } catch (error) {
      const { card, reply } = failureCard(deps, error, where);
      if (!options.answer) return;
      const to = replyAddress(ctx.activity);
      const queued =
        to !== undefined &&
        (await deps.deliveries
          .sendNow({ lane: 'interactive', to, message: { type: 'reply', reply, locale: deps.locale } })
          .then(
            () => true,
            (failure: unknown) => {
              // The outbox is what failed (the database, most likely): the apology goes out directly.
              deps.logger.warn(
                { err: failure, where: `teams.${where}`, requestId: currentRequestId() },
                'the apology could not go through the outbox; sending it directly',
              );
              return false;
            },
          ));
      if (queued) return;
      await withinTime(
        ctx.send({
          type: 'message',
          text: '',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card as never }],
        }),
        APOLOGY_TIMEOUT_MS,
      ).catch((failure: unknown) =>
        deps.logger.error({ err: failure, where: `teams.${where}` }, 'the apology could not be sent either'),
      );
    }
  };
}

/** How long the direct apology may take: the activity's HTTP answer does not wait longer for it. */
const APOLOGY_TIMEOUT_MS = 5_000;

/** `work`, or a rejection once `ms` have passed (the request itself is left to the SDK's agent). */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Where an answer to `activity` goes, if it says enough for that (it may be what failed). */
function replyAddress(activity: unknown): Address | undefined {
  const where = teamsWhere.safeParse(activity);
  if (!where.success) return undefined;
  try {
    return teamsInbound(where.data, '').replyTo;
  } catch {
    return undefined;
  }
}

/**
 * The Teams error boundary for invokes (card actions, message extension queries), whose HTTP
 * response is the answer: a failure becomes the invoke response `onFailure` builds from the
 * apology card, so Teams shows it where the user clicked or typed.
 */
export function guardInvoke<C, R>(
  deps: AdapterDeps,
  where: string,
  handler: (ctx: C) => Promise<R>,
  onFailure: (card: AdaptiveCardJson, text: string) => R,
): (ctx: C) => Promise<R> {
  return async (ctx) => {
    try {
      return await handler(ctx);
    } catch (error) {
      const { card, text } = failureCard(deps, error, where);
      return onFailure(card, text);
    }
  };
}
