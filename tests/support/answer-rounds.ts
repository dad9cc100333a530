import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import type { PERSON_REACH } from '../../db/model/catalog-schema.js';
import { insertOutboxItems } from '../../db/outbox-items.repository.js';
import type { RunningDelmal } from '../../src/app.js';
import { DEFAULT_STATUSES } from '../../src/catalog/status.js';
import type { Address, SentMessageRef } from '../../src/chat/inbound.js';
import type { CheckInPromptMessage } from '../../src/checkins/prompt-message.js';
import type { Deliveries } from '../../src/delivery/deliveries.js';
import { toRow, validateDelivery } from '../../src/delivery/outbox-codec.js';
import type { NewDelivery } from '../../src/delivery/outbox-message.js';
import '../../src/checkins/prompt-message-type.js';

/**
 * What the scheduler (the engine) writes when a round opens, written directly: tests of answers
 * do not depend on the scheduler.
 */
async function openRound(
  db: Db,
  round: {
    id: string;
    activityIds: readonly string[];
    openedAt: string;
    deadlineAt: string;
    closesAt: string | null;
  },
): Promise<void> {
  await db.kysely
    .insertInto('check_in_rounds')
    .values({
      id: round.id,
      schedule_id: round.id.split(':')[0] ?? round.id,
      slot: round.id.split(':').slice(1).join(':') || round.openedAt,
      opened_at: round.openedAt,
      deadline_at: round.deadlineAt,
      closes_at: round.closesAt,
      created_at: round.openedAt,
    })
    .execute();
  await db.kysely
    .insertInto('check_in_round_activities')
    .values(
      round.activityIds.map((activityId) => ({
        round_id: round.id,
        activity_id: activityId,
        skipped_reason: null,
        check_in_id: null,
        answered_at: null,
      })),
    )
    .execute();
}

/** The weekly round of 23 November 2026 most answer tests use. */
export const WEEK_ROUND = 'social-valfard-veckovis:2026-11-23';

/**
 * Opens the week's round, {@link WEEK_ROUND}, for `activityIds`: opened Monday 08:00, answers due
 * Friday 17:00, closed the next Monday.
 */
export function openWeek(db: Db, activityIds: readonly string[]): Promise<void> {
  return openRound(db, {
    id: WEEK_ROUND,
    activityIds,
    openedAt: '2026-11-23T07:00:00.000Z',
    deadlineAt: '2026-11-27T16:00:00.000Z',
    closesAt: '2026-11-30T07:00:00.000Z',
  });
}

type PersonReach = (typeof PERSON_REACH)[number];

/** Sets how delmal reaches the catalog person `email` (`chat`, `email`, `chat-then-email`). */
export async function setReach(db: Db, email: string, reach: PersonReach): Promise<void> {
  await db.kysely.updateTable('people').set({ reach }).where('email', '=', email).execute();
}

/** A prompt for `activities` (name = id upper-cased unless given) in the default vocabulary. */
export function promptMessage(
  roundId: string,
  activities: readonly { id: string; name: string; currentStatus?: string }[],
  options: { kind?: CheckInPromptMessage['kind']; deadline?: string } = {},
): CheckInPromptMessage {
  return {
    type: 'checkin-prompt',
    kind: options.kind ?? 'prompt',
    roundId,
    deadline: options.deadline ?? '2026-11-27',
    activities: activities.map((a) => ({
      activityId: a.id,
      name: a.name,
      context: 'Delmål 2',
      statuses: DEFAULT_STATUSES.filter((s) => s.code !== 'not_started').map((s) => ({
        code: s.code,
        label: s.label,
        labelEn: s.labelEn,
        tone: s.colour,
      })),
      ...(a.currentStatus ? { currentStatus: a.currentStatus } : {}),
    })),
  };
}

/** The people row id of a catalog person (prompts name their reader by it). */
export async function personId(db: Db, email: string): Promise<string> {
  const row = await db.kysely
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The activities `email`'s prompt asked about: ids in the prompt's order, and their names in the catalog. */
export async function promptedActivities(
  app: Pick<RunningDelmal, 'db' | 'chat'>,
  email: string,
): Promise<{ ids: string[]; names: string[] }> {
  const row = await app.db.kysely
    .selectFrom('check_in_prompts')
    .innerJoin('people', 'people.id', 'check_in_prompts.person_id')
    .select('check_in_prompts.activity_ids')
    .where('people.email', '=', email)
    .where('check_in_prompts.kind', '=', 'prompt')
    .executeTakeFirstOrThrow();
  const ids = JSON.parse(row.activity_ids) as string[];
  const { view } = await app.chat.store.get();
  return { ids, names: ids.map((id) => view.activities.get(id)?.name ?? id) };
}

let promptsRecorded = 0;

/**
 * Records that `outboxItemId` carried `email`'s prompt of the round (what the engine stores).
 * Prompts recorded later are stored a second later, so they list in the order they were recorded.
 */
async function recordPrompt(
  db: Db,
  prompt: { roundId: string; email: string; message: CheckInPromptMessage; outboxItemId: string },
): Promise<void> {
  await db.kysely
    .insertInto('check_in_prompts')
    .values({
      id: randomUUID(),
      round_id: prompt.roundId,
      person_id: await personId(db, prompt.email),
      kind: prompt.message.kind,
      activity_ids: JSON.stringify(prompt.message.activities.map((a) => a.activityId)),
      outbox_item_id: prompt.outboxItemId,
      unreachable_reason: null,
      created_at: new Date(Date.parse('2026-11-23T07:00:00.000Z') + 1000 * promptsRecorded++).toISOString(),
    })
    .execute();
}

/** A prompt already delivered to `sent` (its outbox item settled as sent), for repository tests. */
export async function sentPrompt(
  db: Db,
  prompt: { roundId: string; email: string; message: CheckInPromptMessage; sent: SentMessageRef },
): Promise<string> {
  const delivery: NewDelivery = {
    lane: 'bulk',
    to: { kind: 'person', email: prompt.email },
    message: prompt.message,
  };
  const row = toRow(validateDelivery(delivery), '2026-11-23T07:00:00.000Z', randomUUID(), { status: 'sent' });
  await insertOutboxItems(db.kysely, [{ ...row, sent_ref: JSON.stringify(prompt.sent) }]);
  await recordPrompt(db, { ...prompt, outboxItemId: row.id });
  return row.id;
}

/** Sends a prompt through the real outbox and records it, as the scheduler would. */
export async function enqueuePrompt(
  db: Db,
  deliveries: Deliveries,
  prompt: { roundId: string; email: string; to: Address; message: CheckInPromptMessage },
): Promise<string> {
  const id = await deliveries.enqueue({ lane: 'bulk', to: prompt.to, message: prompt.message });
  if (!id) throw new Error('prompt not stored');
  await recordPrompt(db, { ...prompt, outboxItemId: id });
  return id;
}
