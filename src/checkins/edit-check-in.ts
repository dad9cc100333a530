import { checkInHistory } from '../../db/check-in-reads.repository.js';
import { roundById } from '../../db/check-in-rounds.repository.js';
import { editCheckIn } from '../../db/check-ins.repository.js';
import type { Db } from '../../db/connection.js';
import type { CheckInRow } from '../../db/database.js';
import { nextRoundOpening, openRoundOf, roundAnswers } from '../../db/round-answers.repository.js';
import { auditRequestId } from '../audit/request-id.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Clock } from '../clock.js';
import { type CheckInInput, type CheckInResult, personIdOf, validateCheckIn } from './record-check-in.js';

/**
 * Until when `checkIn` may be edited: the close of the round it answered (the schedule's next
 * slot), or for a check-in outside a round, the opening of the next round asking about its
 * activity. Undefined: no end yet.
 */
async function editableUntil(db: Db, checkIn: CheckInRow): Promise<string | undefined> {
  if (checkIn.round_id !== null) {
    const round = await roundById(db.kysely, checkIn.round_id);
    return round?.closes_at ?? undefined;
  }
  return nextRoundOpening(db.kysely, checkIn.activity_id, checkIn.created_at);
}

/**
 * Edits the answer of the activity's open round (else its latest check-in), by one of its owners,
 * until the next round: the
 * earlier version is kept (who wrote what, when, where) and the check-in takes the new values and
 * the editor's name. Free text is guarded like a new check-in's. `changed` is false when the edit
 * said nothing new or was a repeated submission.
 */
export async function editLatestCheckIn(
  deps: { readonly db: Db; readonly clock: Clock },
  view: CatalogView,
  author: { readonly email?: string | undefined },
  input: CheckInInput,
  platform: string,
  idempotencyKey?: string,
): Promise<CheckInResult & { readonly changed?: boolean }> {
  const valid = validateCheckIn(view, author, input);
  if (!valid.ok) return valid;
  const { activity, person } = valid;
  const now = deps.clock.now().toISOString();
  // While a round is open, its answer is what an edit means (a comment added later is not).
  const round = await openRoundOf(deps.db.kysely, activity.id, now);
  const [answer] = round ? await roundAnswers(deps.db.kysely, round.id, [activity.id]) : [];
  const latest = answer
    ? (await checkInHistory(deps.db.kysely, activity.id, 50)).find((c) => c.id === answer.check_in_id)
    : (await checkInHistory(deps.db.kysely, activity.id, 1))[0];
  if (!latest)
    return {
      ok: false,
      problems: [
        { field: 'activity', key: 'checkin.error.nothingToEdit', params: { activity: activity.name } },
      ],
    };
  const until = await editableUntil(deps.db, latest);
  if (until !== undefined && until <= now)
    return { ok: false, problems: [{ field: 'activity', key: 'checkin.error.editClosed' }] };
  const { statusCode, note, nextStep, needsSupport } = valid.input;
  const personId = await personIdOf(deps.db, person.email);
  const edited = await editCheckIn(
    deps.db,
    {
      id: latest.id,
      statusCode,
      note,
      nextStep: nextStep === '' ? null : nextStep,
      needsSupport,
      personId,
      authorName: person.name,
      platform,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      audit: { kind: 'person', id: personId, platform, requestId: auditRequestId(idempotencyKey) },
    },
    now,
  );
  if (!edited)
    return {
      ok: false,
      problems: [
        { field: 'activity', key: 'checkin.error.nothingToEdit', params: { activity: activity.name } },
      ],
    };
  return { ok: true, checkIn: edited.row, changed: edited.changed };
}
