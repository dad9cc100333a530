import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/*
 * What an answer to a check-in round reads: which round it counts for, the answers given in it,
 * and the prompts to update in place. (The engine's side, opening rounds and sending prompts, is
 * in check-in-rounds.repository.ts.)
 */

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
  /** The item's dedupe key: a prompt in parts keys its later parts from its first part's. */
  readonly dedupe_key: string | null;
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
        'o.dedupe_key',
      ])
      .where('p.round_id', '=', roundId)
      // A JSON array of slugs: the quoted id matches that element only.
      .where('p.activity_ids', 'like', `%${JSON.stringify(activityId)}%`)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute()
  );
}

/** A question of a round still open that nobody has answered yet. */
export interface OpenQuestion {
  readonly activity_id: string;
  readonly deadline_at: string;
}

/**
 * Of `activityIds`, those asked about (not skipped) in a round open at `now` and not answered in
 * it, with the round's deadline; one row per activity (its latest open round), soonest deadline first.
 */
export async function openQuestions(
  db: Kysely<Database>,
  activityIds: readonly string[],
  now: string,
): Promise<OpenQuestion[]> {
  if (activityIds.length === 0) return [];
  const rows = await db
    .selectFrom('check_in_round_activities as a')
    .innerJoin('check_in_rounds as r', 'r.id', 'a.round_id')
    .select(['a.activity_id', 'r.deadline_at', 'r.opened_at'])
    .where('a.activity_id', 'in', [...activityIds])
    .where('a.skipped_reason', 'is', null)
    .where('a.check_in_id', 'is', null)
    .where('r.opened_at', '<=', now)
    .where((eb) => eb.or([eb('r.closes_at', 'is', null), eb('r.closes_at', '>', now)]))
    .orderBy('r.opened_at', 'desc')
    .execute();
  const latest = new Map<string, OpenQuestion>();
  for (const row of rows)
    if (!latest.has(row.activity_id))
      latest.set(row.activity_id, { activity_id: row.activity_id, deadline_at: row.deadline_at });
  return [...latest.values()].sort((a, b) => a.deadline_at.localeCompare(b.deadline_at));
}

/**
 * The later parts of prompts split over several messages, by their dedupe keys, each with the
 * prompt row it belongs to (`parts`: dedupe key → that prompt's first part).
 */
export async function promptPartsByKey(
  db: Kysely<Database>,
  parts: ReadonlyMap<string, Pick<PromptDelivery, 'prompt_id' | 'person_id'>>,
): Promise<PromptDelivery[]> {
  if (parts.size === 0) return [];
  const rows = await db
    .selectFrom('outbox_items as o')
    .select(['o.id as outbox_item_id', 'o.to_address', 'o.message', 'o.locale', 'o.sent_ref', 'o.dedupe_key'])
    .where('o.dedupe_key', 'in', [...parts.keys()])
    .orderBy('o.dedupe_key')
    .execute();
  return rows.flatMap((row) => {
    const prompt = row.dedupe_key === null ? undefined : parts.get(row.dedupe_key);
    return prompt ? [{ ...row, prompt_id: prompt.prompt_id, person_id: prompt.person_id }] : [];
  });
}
