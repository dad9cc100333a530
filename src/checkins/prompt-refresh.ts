import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import {
  type PromptDelivery,
  promptPartsByKey,
  promptsListing,
  roundAnswers,
} from '../../db/round-answers.repository.js';
import type { Address, SentMessageRef } from '../chat/inbound.js';
import type { Deliveries, OutboxItem, SendTimeHooks } from '../delivery/deliveries.js';
import type { OutboxMessage } from '../delivery/outbox-message.js';
import { isLocale } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
// Prompts are sent and refreshed as the outbox's `checkin-prompt` kind: registered before use.
import './prompt-message-type.js';
import type { CheckInPromptMessage } from './prompt-message.js';
import { checkInPromptSchema } from './prompt-schema.js';
import { partDedupeKey } from './prompt-sender.js';

/**
 * After an answer (or an edit of one) for `activityId` in `roundId`: every prompt of that round
 * listing the activity — each owner's, reminders included — is updated in place to show the
 * answers the round has now, without status buttons for what is answered. A prompt still waiting
 * in the outbox needs no update: it is filled in with the answers when it is sent, and looked at
 * again right after (`promptSendTime`). Returns how many updates were queued.
 */
export async function refreshPrompts(
  deps: { readonly db: Db; readonly deliveries: Deliveries },
  roundId: string,
  activityId: string,
): Promise<number> {
  const prompts = await withLaterParts(deps.db, await promptsListing(deps.db.kysely, roundId, activityId));
  let queued = 0;
  for (const prompt of prompts) {
    if (prompt.sent_ref === null) continue;
    const parsed = checkInPromptSchema.safeParse(JSON.parse(prompt.message));
    // Of a prompt in parts, only the part listing the activity changes.
    if (!parsed.success || !parsed.data.activities.some((a) => a.activityId === activityId)) continue;
    const message = await withAnswers(deps.db, parsed.data, parsed.data.reader ?? prompt.person_id);
    const id = await deps.deliveries.enqueue({
      lane: 'interactive',
      to: JSON.parse(prompt.to_address) as Address,
      message,
      replaces: JSON.parse(prompt.sent_ref) as SentMessageRef,
      dedupeKey: updateKey(prompt.outbox_item_id, message),
      ...(isLocale(prompt.locale) ? { locale: prompt.locale } : {}),
    });
    if (id) queued++;
  }
  return queued;
}

/** The prompts' first parts and, for prompts split over several messages, their later parts. */
async function withLaterParts(db: Db, firsts: readonly PromptDelivery[]): Promise<PromptDelivery[]> {
  const later = new Map<string, PromptDelivery>();
  for (const first of firsts) {
    const parsed = checkInPromptSchema.safeParse(JSON.parse(first.message));
    const count = parsed.success ? (parsed.data.part?.count ?? 1) : 1;
    if (first.dedupe_key === null) continue;
    for (let index = 2; index <= count; index++) later.set(partDedupeKey(first.dedupe_key, index), first);
  }
  return [...firsts, ...(await promptPartsByKey(db.kysely, later))];
}

/**
 * The check-in prompt's part of sending: a prompt (or an update of one) is filled in with the
 * round's answers as they are when it is sent, so one that waited in the outbox while another
 * owner answered goes out answered, without status buttons. Right after a prompt is delivered,
 * the answers are read once more: one that arrived while the prompt was on its way (after it was
 * rendered, before its `sent_ref` was stored, when `refreshPrompts` cannot see it) is shown by an
 * update in place. Both paths key an update by the prompt's item and the answers it shows, so one
 * state is one update.
 */
export function promptSendTime(deps: {
  readonly db: Db;
  readonly deliveries: () => Deliveries | undefined;
  readonly logger: Logger;
}): SendTimeHooks {
  return {
    prepare: async (message: OutboxMessage) =>
      message.type === 'checkin-prompt' && message.reader !== undefined
        ? withAnswers(deps.db, message, message.reader)
        : message,
    sent: async (item: OutboxItem, rendered: OutboxMessage, ref: SentMessageRef) => {
      const deliveries = deps.deliveries();
      if (rendered.type !== 'checkin-prompt' || rendered.reader === undefined || item.replaces || !deliveries)
        return;
      try {
        const now = await withAnswers(deps.db, rendered, rendered.reader);
        if (answerState(now) === answerState(rendered)) return;
        await deliveries.enqueue({
          lane: 'interactive',
          to: item.to,
          message: now,
          replaces: ref,
          dedupeKey: updateKey(item.id, now),
          ...(item.locale ? { locale: item.locale } : {}),
        });
      } catch (error) {
        // The prompt itself was delivered: a failed look never turns it into a resend.
        deps.logger.warn({ err: error, id: item.id }, 'answers after a prompt was sent not checked');
      }
    },
  };
}

/** The answers a prompt shows, as a short stable hash. */
function answerState(message: CheckInPromptMessage): string {
  return createHash('sha256')
    .update(JSON.stringify(message.activities.map((a) => a.answer ?? null)))
    .digest('hex')
    .slice(0, 16);
}

/** One update per prompt item and state: a retried submission, or both paths at once, is one update. */
function updateKey(outboxItemId: string, message: CheckInPromptMessage): string {
  return `checkin-prompt:${outboxItemId}:${answerState(message)}`;
}

/** The prompt with each activity's counted answer of the round filled in, as `reader` sees it. */
async function withAnswers(
  db: Db,
  message: CheckInPromptMessage,
  reader: string,
): Promise<CheckInPromptMessage> {
  const answers = new Map(
    (
      await roundAnswers(
        db.kysely,
        message.roundId,
        message.activities.map((a) => a.activityId),
      )
    ).map((a) => [a.activity_id, a]),
  );
  if (answers.size === 0) return message;
  return {
    ...message,
    activities: message.activities.map((activity) => {
      const answer = answers.get(activity.activityId);
      if (!answer) return activity;
      return {
        ...activity,
        answer: {
          statusCode: answer.status_code,
          byName: answer.author_name,
          // The engine names the prompt's reader by person id (or e-mail): either identifies them.
          byReader:
            (answer.person_id !== null && answer.person_id === reader) ||
            (answer.email !== null && answer.email === reader.toLowerCase()),
          at: answer.created_at,
          late: answer.late === 1,
        },
      };
    }),
  };
}
