import type { Kysely, Selectable } from 'kysely';
import type { Database, ScheduleRunRow } from './database.js';
import type { LocalDate } from './model/local-date.js';
import { claimSlot } from './schedule-runs.repository.js';
import type { CheckInPromptTable, CheckInRoundActivityTable, CheckInRoundTable } from './schedule-tables.js';

export type RoundRow = Selectable<CheckInRoundTable>;
export type RoundActivityRow = Selectable<CheckInRoundActivityTable>;
export type PromptRow = Selectable<CheckInPromptTable>;

/** Rows per INSERT: far below both dialects' parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Claims (schedule, slot) and opens its round with the activities it asks about, in ONE
 * transaction: the claim and the round exist together or not at all, so a crash right after the
 * claim leaves a round that a later tick can resume. False (nothing written) when another process
 * or an earlier tick claimed the slot first.
 */
export async function claimAndOpenRound(
  db: Kysely<Database>,
  round: RoundRow,
  activities: readonly Omit<RoundActivityRow, 'round_id' | 'check_in_id' | 'answered_at'>[],
  worker: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimSlot(trx, round.schedule_id, round.slot, worker, round.created_at))) return false;
    await trx.insertInto('check_in_rounds').values(round).execute();
    for (const chunk of chunks(activities))
      await trx
        .insertInto('check_in_round_activities')
        .values(chunk.map((a) => ({ ...a, round_id: round.id, check_in_id: null, answered_at: null })))
        .execute();
    return true;
  });
}

export async function roundById(db: Kysely<Database>, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('check_in_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The activities a round asked about (or skipped, with why). */
export async function roundActivities(db: Kysely<Database>, roundId: string): Promise<RoundActivityRow[]> {
  return db
    .selectFrom('check_in_round_activities')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('activity_id')
    .execute();
}

/** Runs claimed before `claimedBefore` and never finished: a crash (or a slow peer) mid-round. */
export async function unfinishedRuns(db: Kysely<Database>, claimedBefore: string): Promise<ScheduleRunRow[]> {
  return db
    .selectFrom('schedule_runs')
    .selectAll()
    .where('status', '=', 'claimed')
    .where('claimed_at', '<', claimedBefore)
    .orderBy('claimed_at')
    .execute();
}

/**
 * Marks a claimed run done whoever claimed it: the round is complete (its prompts are all in the
 * outbox), whether the claimant or a process that resumed it after a crash got there.
 */
export async function completeRun(
  db: Kysely<Database>,
  scheduleId: string,
  slot: LocalDate,
  now: string,
  reason: string | null = null,
): Promise<void> {
  await db
    .updateTable('schedule_runs')
    .set({ status: 'done', finished_at: now, reason })
    .where('schedule_id', '=', scheduleId)
    .where('slot', '=', slot)
    .where('status', '=', 'claimed')
    .execute();
}

/** The prompts (and reminders, catch-ups) of some rounds. */
export async function promptsOfRounds(
  db: Kysely<Database>,
  roundIds: readonly string[],
): Promise<PromptRow[]> {
  const rows: PromptRow[] = [];
  for (const ids of chunks(roundIds))
    rows.push(
      ...(await db.selectFrom('check_in_prompts').selectAll().where('round_id', 'in', ids).execute()),
    );
  return rows;
}

/**
 * Records prompts; one already recorded for the same (round, person, kind) is left as it is —
 * the unique index is what keeps a person from being asked twice in one round.
 */
export async function insertPrompts(db: Kysely<Database>, rows: readonly PromptRow[]): Promise<void> {
  for (const chunk of chunks(rows))
    await db
      .insertInto('check_in_prompts')
      .values(chunk)
      .onConflict((oc) => oc.columns(['round_id', 'person_id', 'kind']).doNothing())
      .execute();
}

/** The outbox items stored under these dedupe keys (key → item id). */
export async function outboxIdsByDedupeKey(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const chunk of chunks(keys)) {
    const rows = await db
      .selectFrom('outbox_items')
      .select(['id', 'dedupe_key'])
      .where('dedupe_key', 'in', chunk)
      .execute();
    for (const r of rows) if (r.dedupe_key) map.set(r.dedupe_key, r.id);
  }
  return map;
}

/** Rounds opened at or before `now` whose deadline has not passed: where a reminder may still be due. */
export async function roundsBeforeDeadline(db: Kysely<Database>, now: string): Promise<RoundRow[]> {
  return db
    .selectFrom('check_in_rounds')
    .selectAll()
    .where('opened_at', '<=', now)
    .where('deadline_at', '>', now)
    .orderBy('opened_at')
    .execute();
}

/** Rounds opened in [from, to) (UTC ISO), oldest first. */
export async function roundsOpenedBetween(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<RoundRow[]> {
  return db
    .selectFrom('check_in_rounds')
    .selectAll()
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to)
    .orderBy('opened_at')
    .execute();
}

/** The activities of several rounds (round id → rows). */
export async function activitiesOfRounds(
  db: Kysely<Database>,
  roundIds: readonly string[],
): Promise<Map<string, RoundActivityRow[]>> {
  const map = new Map<string, RoundActivityRow[]>();
  for (const ids of chunks(roundIds)) {
    const rows = await db
      .selectFrom('check_in_round_activities')
      .selectAll()
      .where('round_id', 'in', ids)
      .execute();
    for (const r of rows) map.set(r.round_id, [...(map.get(r.round_id) ?? []), r]);
  }
  return map;
}

/**
 * Activities answered since a round opened: the round's own answer (`check_in_id`), or any
 * check-in on the activity from `openedAt` on — an answer given by hand, on another platform or
 * for another round still counts, so nobody is reminded about something they reported.
 */
export async function answeredSince(
  db: Kysely<Database>,
  roundId: string,
  openedAt: string,
  activityIds: readonly string[],
): Promise<Set<string>> {
  const answered = new Set<string>();
  const own = await db
    .selectFrom('check_in_round_activities')
    .select('activity_id')
    .where('round_id', '=', roundId)
    .where('check_in_id', 'is not', null)
    .execute();
  for (const r of own) answered.add(r.activity_id);
  for (const ids of chunks(activityIds)) {
    const rows = await db
      .selectFrom('check_ins')
      .select('activity_id')
      .distinct()
      .where('activity_id', 'in', ids)
      .where((eb) => eb.or([eb('round_id', '=', roundId), eb('created_at', '>=', openedAt)]))
      .execute();
    for (const r of rows) answered.add(r.activity_id);
  }
  return answered;
}

/** The latest time each activity was checked in on or edited (activity id → UTC ISO). */
export async function lastUpdates(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('check_ins')
    .select([
      'activity_id',
      (eb) => eb.fn.max('created_at').as('created'),
      (eb) => eb.fn.max('updated_at').as('updated'),
    ])
    .groupBy('activity_id')
    .execute();
  const map = new Map<string, string>();
  for (const r of rows) {
    const created = String(r.created ?? '');
    const updated = r.updated === null || r.updated === undefined ? '' : String(r.updated);
    map.set(r.activity_id, updated > created ? updated : created);
  }
  return map;
}

/** Every person's id by e-mail. */
export async function personIdsByEmail(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('people').select(['id', 'email']).execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Copies to the prompts why their outbox item failed for good (e.g. `not_in_workspace`,
 * `not_installed`, `blocked`; `gave_up` when retries ran out), so the round's report to admins
 * names everyone who could not be asked. Returns how many prompts were marked.
 */
export async function recordUnreachablePrompts(db: Kysely<Database>): Promise<number> {
  const failed = await db
    .selectFrom('check_in_prompts as p')
    .innerJoin('outbox_items as o', 'o.id', 'p.outbox_item_id')
    .select(['p.id', 'o.failure_reason'])
    .where('p.unreachable_reason', 'is', null)
    .where('o.status', '=', 'failed')
    .execute();
  for (const row of failed)
    await db
      .updateTable('check_in_prompts')
      .set({ unreachable_reason: row.failure_reason ?? 'gave_up' })
      .where('id', '=', row.id)
      .execute();
  return failed.length;
}

/** Prompts that could not be delivered, newest first, with the person's e-mail (for admins). */
export async function unreachablePrompts(
  db: Kysely<Database>,
  since: string,
): Promise<(PromptRow & { email: string | null })[]> {
  return db
    .selectFrom('check_in_prompts as p')
    .leftJoin('people', 'people.id', 'p.person_id')
    .selectAll('p')
    .select('people.email')
    .where('p.unreachable_reason', 'is not', null)
    .where('p.created_at', '>=', since)
    .orderBy('p.created_at', 'desc')
    .execute();
}

/**
 * Of `emails`, those that already have a DM delmal can write to without asking the platform: a
 * Slack identity with its DM conversation stored, or a Teams identity with a personal
 * conversation. What the identity warm-up skips.
 */
export async function emailsWithKnownDm(
  db: Kysely<Database>,
  emails: readonly string[],
): Promise<Set<string>> {
  const known = new Set<string>();
  for (const chunk of chunks(emails)) {
    const rows = await db
      .selectFrom('chat_identities as ci')
      .select('ci.email')
      .distinct()
      .where('ci.email', 'in', chunk)
      .where((eb) =>
        eb.or([
          eb('ci.conversation_id', 'is not', null),
          eb.exists(
            eb
              .selectFrom('teams_conversations as tc')
              .select('tc.conversation_id')
              .whereRef('tc.user_aad_object_id', '=', 'ci.user_id')
              .where('tc.conversation_type', '=', 'personal'),
          ),
        ]),
      )
      .execute();
    for (const r of rows) if (r.email) known.add(r.email);
  }
  return known;
}

// Answers: which round an answer counts for, and the prompts to update in place.

/** A round as an answer needs it: when answers become late, and until when they can be edited. */
export interface RoundTimes {
  readonly id: string;
  readonly opened_at: string;
  readonly deadline_at: string;
  /** Null: open-ended (the schedule has no next slot). */
  readonly closes_at: string | null;
}

/**
 * The open round of an activity at `now`: the latest round that asked about it, has opened and
 * has not closed (its schedule's next slot lies ahead). An answer given now counts for it.
 */
export async function openRoundOf(
  db: Kysely<Database>,
  activityId: string,
  now: string,
): Promise<RoundTimes | undefined> {
  return db
    .selectFrom('check_in_rounds as r')
    .innerJoin('check_in_round_activities as a', 'a.round_id', 'r.id')
    .select(['r.id', 'r.opened_at', 'r.deadline_at', 'r.closes_at'])
    .where('a.activity_id', '=', activityId)
    .where('r.opened_at', '<=', now)
    .where((eb) => eb.or([eb('r.closes_at', 'is', null), eb('r.closes_at', '>', now)]))
    .orderBy('r.opened_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** When the first round asking about `activityId` opened after `since`, if one has. */
export async function nextRoundOpening(
  db: Kysely<Database>,
  activityId: string,
  since: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('check_in_rounds as r')
    .innerJoin('check_in_round_activities as a', 'a.round_id', 'r.id')
    .select('r.opened_at')
    .where('a.activity_id', '=', activityId)
    .where('r.opened_at', '>', since)
    .orderBy('r.opened_at')
    .limit(1)
    .executeTakeFirst();
  return row?.opened_at;
}

/** The answer that counts for one activity in a round, with its author's e-mail when known. */
export interface RoundAnswer {
  readonly activity_id: string;
  readonly check_in_id: string;
  readonly status_code: string;
  readonly author_name: string;
  readonly person_id: string | null;
  readonly email: string | null;
  readonly created_at: string;
  readonly late: number;
}

/** The counted answers of a round for the given activities. */
export async function roundAnswers(
  db: Kysely<Database>,
  roundId: string,
  activityIds: readonly string[],
): Promise<RoundAnswer[]> {
  if (activityIds.length === 0) return [];
  return db
    .selectFrom('check_in_round_activities as a')
    .innerJoin('check_ins as c', 'c.id', 'a.check_in_id')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select([
      'a.activity_id',
      'c.id as check_in_id',
      'c.status_code',
      'c.author_name',
      'c.person_id',
      'p.email',
      'c.created_at',
      'c.late',
    ])
    .where('a.round_id', '=', roundId)
    .where('a.activity_id', 'in', activityIds)
    .execute();
}

/** One owner's prompt in a round and the outbox item that carried it. */
export interface PromptDelivery {
  readonly prompt_id: string;
  readonly person_id: string;
  readonly outbox_item_id: string;
  readonly to_address: string;
  readonly message: string;
  readonly locale: string | null;
  /** Where it was delivered (JSON `SentMessageRef`); null while not yet sent. */
  readonly sent_ref: string | null;
}

/** Every prompt, reminder and catch-up of `roundId` that lists `activityId`, with its outbox item. */
export async function promptsListing(
  db: Kysely<Database>,
  roundId: string,
  activityId: string,
): Promise<PromptDelivery[]> {
  return (
    db
      .selectFrom('check_in_prompts as p')
      .innerJoin('outbox_items as o', 'o.id', 'p.outbox_item_id')
      .select([
        'p.id as prompt_id',
        'p.person_id',
        'o.id as outbox_item_id',
        'o.to_address',
        'o.message',
        'o.locale',
        'o.sent_ref',
      ])
      .where('p.round_id', '=', roundId)
      // A JSON array of slugs: the quoted id matches that element only.
      .where('p.activity_ids', 'like', `%${JSON.stringify(activityId)}%`)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute()
  );
}

/** A DM delmal has stored for a person on one platform. */
export interface KnownDm {
  readonly platform: string;
  /** Slack team id, Teams tenant id. */
  readonly workspaceId: string;
  readonly conversationId: string;
}

/**
 * The stored DMs of `emails` (Slack identities with their DM channel, Teams personal
 * conversations), the most recently seen first: where a round can post without looking anyone up.
 */
export async function knownDms(
  db: Kysely<Database>,
  emails: readonly string[],
): Promise<Map<string, KnownDm[]>> {
  const map = new Map<string, (KnownDm & { at: string })[]>();
  const add = (email: string | null, dm: KnownDm & { at: string }) => {
    if (email) map.set(email, [...(map.get(email) ?? []), dm]);
  };
  for (const chunk of chunks(emails)) {
    const direct = await db
      .selectFrom('chat_identities')
      .select(['email', 'platform', 'tenant_id', 'conversation_id', 'updated_at'])
      .where('email', 'in', chunk)
      .where('conversation_id', 'is not', null)
      .execute();
    for (const r of direct)
      add(r.email, {
        platform: r.platform,
        workspaceId: r.tenant_id,
        conversationId: r.conversation_id ?? '',
        at: r.updated_at,
      });
    const teams = await db
      .selectFrom('chat_identities as ci')
      .innerJoin('teams_conversations as tc', 'tc.user_aad_object_id', 'ci.user_id')
      .select(['ci.email', 'ci.tenant_id', 'tc.conversation_id', 'tc.updated_at'])
      .where('ci.email', 'in', chunk)
      .where('ci.platform', '=', 'teams')
      .where('tc.conversation_type', '=', 'personal')
      .execute();
    for (const r of teams)
      add(r.email, {
        platform: 'teams',
        workspaceId: r.tenant_id,
        conversationId: r.conversation_id,
        at: r.updated_at,
      });
  }
  return new Map(
    [...map].map(([email, list]) => [
      email,
      list.sort((a, b) => b.at.localeCompare(a.at)).map(({ at: _, ...dm }) => dm),
    ]),
  );
}
