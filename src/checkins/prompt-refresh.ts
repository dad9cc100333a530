import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { type PromptDelivery, promptsListing, roundAnswers } from '../../db/round-answers.repository.js';
import type { Address, SentMessageRef } from '../chat/inbound.js';
import type { Deliveries } from '../delivery/deliveries.js';
import { isLocale } from '../i18n/i18n.js';
import type { CheckInPromptMessage } from './prompt-message.js';
import { checkInPromptSchema } from './prompt-schema.js';

/**
 * After an answer (or an edit of one) for `activityId` in `roundId`: every prompt of that round
 * listing the activity — each owner's, reminders included — is updated in place to show the
 * answers the round has now, without status buttons for what is answered. Prompts not yet sent
 * are left alone. Returns how many updates were queued.
 */
export async function refreshPrompts(
  deps: { readonly db: Db; readonly deliveries: Deliveries },
  roundId: string,
  activityId: string,
): Promise<number> {
  const prompts = await promptsListing(deps.db.kysely, roundId, activityId);
  let queued = 0;
  for (const prompt of prompts) {
    if (prompt.sent_ref === null) continue;
    const parsed = checkInPromptSchema.safeParse(JSON.parse(prompt.message));
    if (!parsed.success) continue;
    const message = await withAnswers(deps.db, parsed.data, prompt);
    const state = createHash('sha256')
      .update(JSON.stringify(message.activities.map((a) => a.answer ?? null)))
      .digest('hex')
      .slice(0, 16);
    const id = await deps.deliveries.enqueue({
      lane: 'interactive',
      to: JSON.parse(prompt.to_address) as Address,
      message,
      replaces: JSON.parse(prompt.sent_ref) as SentMessageRef,
      // The same state twice (a retried submission) is one update.
      dedupeKey: `checkin-prompt:${prompt.prompt_id}:${state}`,
      ...(isLocale(prompt.locale) ? { locale: prompt.locale } : {}),
    });
    if (id) queued++;
  }
  return queued;
}

/** The prompt as first sent, with each activity's counted answer of the round filled in. */
async function withAnswers(
  db: Db,
  message: CheckInPromptMessage,
  prompt: PromptDelivery,
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
            (answer.person_id !== null && answer.person_id === prompt.person_id) ||
            (answer.email !== null && answer.email === prompt.person_id.toLowerCase()),
          at: answer.created_at,
          late: answer.late === 1,
        },
      };
    }),
  };
}
