import { z } from 'zod';
import { insertCheckIn } from '../../db/check-ins.repository.js';
import type { Db } from '../../db/connection.js';
import type { CheckInRow } from '../../db/database.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Clock } from '../clock.js';
import type { MessageKey, MessageParams } from '../i18n/i18n.js';
import { containsPersonalIdentityNumber } from './personal-identity.js';

export const NOTE_MAX_LENGTH = 2000;

/** A check-in as any platform submits it; validated here, whatever the form looked like. */
export const checkInInput = z.object({
  activityId: z.string().trim().min(1),
  statusCode: z.string().trim().min(1, { error: 'checkin.error.status' }),
  note: z.string().trim().max(NOTE_MAX_LENGTH, { error: 'checkin.error.noteLength' }).default(''),
});
export type CheckInInput = z.input<typeof checkInInput>;

export interface CheckInProblem {
  readonly field: 'activity' | 'status' | 'note';
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export type CheckInResult =
  /** `repeated`: this submission was recorded before; `checkIn` is that earlier check-in. */
  | { readonly ok: true; readonly checkIn: CheckInRow; readonly repeated?: boolean }
  | { readonly ok: false; readonly problems: CheckInProblem[] };

/**
 * Records a check-in by an activity's owner: status from the plan's vocabulary, an optional note.
 * A note containing a personal identity number is refused with an explanation and nothing is
 * stored; so is anything from someone who does not own the activity.
 */
export async function recordCheckIn(
  deps: { readonly db: Db; readonly clock: Clock },
  view: CatalogView,
  author: { readonly email?: string | undefined },
  input: CheckInInput,
  platform: string,
  /** The submission's key from the platform's own ids; the same key twice records one check-in. */
  idempotencyKey?: string,
): Promise<CheckInResult> {
  const parsed = checkInInput.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: issue.path[0] === 'note' ? 'note' : issue.path[0] === 'statusCode' ? 'status' : 'activity',
        key: (issue.message.startsWith('checkin.')
          ? issue.message
          : 'checkin.error.unknownActivity') as MessageKey,
        params: { max: NOTE_MAX_LENGTH },
      })),
    };
  const { activityId, statusCode, note } = parsed.data;
  const activity = view.activities.get(activityId);
  if (!activity)
    return { ok: false, problems: [{ field: 'activity', key: 'checkin.error.unknownActivity' }] };
  const person = author.email ? view.people.get(author.email) : undefined;
  if (!person || !activity.owners.includes(person.email))
    return {
      ok: false,
      problems: [{ field: 'activity', key: 'checkin.error.notOwner', params: { activity: activity.name } }],
    };
  const problems: CheckInProblem[] = [];
  if (!view.vocabulary().some((s) => s.code === statusCode))
    problems.push({ field: 'status', key: 'checkin.error.status' });
  if (containsPersonalIdentityNumber(note))
    problems.push({ field: 'note', key: 'checkin.error.personalNumber' });
  if (problems.length > 0) return { ok: false, problems };
  const personRow = await deps.db.kysely
    .selectFrom('people')
    .select('id')
    .where('email', '=', person.email)
    .executeTakeFirst();
  const { row, created } = await insertCheckIn(
    deps.db.kysely,
    {
      activityId,
      personId: personRow?.id ?? null,
      authorName: person.name,
      statusCode,
      note,
      platform,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    },
    deps.clock.now().toISOString(),
  );
  return { ok: true, checkIn: row, ...(created ? {} : { repeated: true }) };
}
