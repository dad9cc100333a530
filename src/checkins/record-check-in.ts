import { z } from 'zod';
import { insertCheckIn } from '../../db/check-ins.repository.js';
import type { Db } from '../../db/connection.js';
import type { CheckInRow } from '../../db/database.js';
import type { Activity, Person } from '../../db/model/catalog-schema.js';
import { openRoundOf } from '../../db/round-answers.repository.js';
import { auditRequestId } from '../audit/request-id.js';
import { permits } from '../authz/matrix.js';
import { rolesOf } from '../authz/roles.js';
import type { CatalogView } from '../catalog/catalog-view.js';
import type { Clock } from '../clock.js';
import type { MessageKey, MessageParams } from '../i18n/i18n.js';
import { containsPersonalIdentityNumber } from '../privacy/personal-identity.js';

export const NOTE_MAX_LENGTH = 2000;
export const NEXT_STEP_MAX_LENGTH = 1000;

/** A check-in as any platform submits it; validated here, whatever the form looked like. */
const checkInInput = z.object({
  activityId: z.string().trim().min(1),
  statusCode: z.string().trim().min(1, { error: 'checkin.error.status' }),
  note: z.string().trim().max(NOTE_MAX_LENGTH, { error: 'checkin.error.noteLength' }).default(''),
  /** What happens next; empty is none. */
  nextStep: z
    .string()
    .trim()
    .max(NEXT_STEP_MAX_LENGTH, { error: 'checkin.error.nextStepLength' })
    .default(''),
  /** "Behöver stöd": the owner asks the network for support. */
  needsSupport: z.boolean().default(false),
});
export type CheckInInput = z.input<typeof checkInInput>;
type ValidInput = z.output<typeof checkInInput>;

export interface CheckInProblem {
  readonly field: 'activity' | 'status' | 'note' | 'nextStep';
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export type CheckInResult =
  /**
   * `repeated`: this submission was recorded before; `checkIn` is that earlier check-in.
   * `counted`: it is the answer that counts for its round (the first one).
   */
  | {
      readonly ok: true;
      readonly checkIn: CheckInRow;
      readonly repeated?: boolean;
      readonly counted?: boolean;
    }
  | { readonly ok: false; readonly problems: CheckInProblem[] };

/** The field a zod issue concerns, as forms name them. */
function fieldOf(path: readonly PropertyKey[]): CheckInProblem['field'] {
  const name = path[0];
  if (name === 'note' || name === 'nextStep') return name;
  return name === 'statusCode' ? 'status' : 'activity';
}

/**
 * Checks a submission by `author` about one activity: well-formed, an activity of the catalog,
 * an owner of it, a status of the activity's own plan, and no personal identity number in any
 * free text. Returns the activity, the person and the clean input, or what was wrong.
 */
export function validateCheckIn(
  view: CatalogView,
  author: { readonly email?: string | undefined },
  input: CheckInInput,
):
  | { readonly ok: true; readonly activity: Activity; readonly person: Person; readonly input: ValidInput }
  | { readonly ok: false; readonly problems: CheckInProblem[] } {
  const parsed = checkInInput.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: fieldOf(issue.path),
        key: (issue.message.startsWith('checkin.')
          ? issue.message
          : 'checkin.error.unknownActivity') as MessageKey,
        params: { max: fieldOf(issue.path) === 'nextStep' ? NEXT_STEP_MAX_LENGTH : NOTE_MAX_LENGTH },
      })),
    };
  const activity = view.activities.get(parsed.data.activityId);
  if (!activity)
    return { ok: false, problems: [{ field: 'activity', key: 'checkin.error.unknownActivity' }] };
  const person = author.email ? view.people.get(author.email) : undefined;
  // Every way in (command, button, form, modal) ends here: the matrix's rule for checking in.
  if (!person || !permits('modal.checkIn', rolesOf(view, person.email, { activity })))
    return { ok: false, problems: [notOwnerProblem(author.email, activity)] };
  const problems: CheckInProblem[] = [];
  // Resolved against the activity's own plan: an activity of an older plan keeps its words.
  if (!view.vocabularyOf(activity).some((s) => s.code === parsed.data.statusCode))
    problems.push({ field: 'status', key: 'checkin.error.status' });
  if (containsPersonalIdentityNumber(parsed.data.note))
    problems.push({ field: 'note', key: 'checkin.error.personalNumber' });
  if (containsPersonalIdentityNumber(parsed.data.nextStep))
    problems.push({ field: 'nextStep', key: 'checkin.error.personalNumber' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, activity, person, input: parsed.data };
}

/** The database id of a catalog person (check-ins and their versions point at it). */
export async function personIdOf(db: Db, email: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('people').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Why someone may not check in on `activity`: not one of its owners — or, without an e-mail from
 * the platform (the Bot Framework Emulator's user, a Slack account without one), unknown: then
 * "ask to be added as an owner" would not help.
 */
export function notOwnerProblem(
  email: string | undefined,
  activity: { readonly name: string },
): CheckInProblem {
  return {
    field: 'activity',
    key: email ? 'checkin.error.notOwner' : 'checkin.error.noEmail',
    params: { activity: activity.name },
  };
}

/**
 * Records a check-in by an activity's owner: status from the plan's vocabulary, optional note,
 * next step and "behöver stöd". It answers the activity's open round, if one is open (late after
 * the round's deadline); the first answer counts for the round. Free text containing a personal
 * identity number is refused with an explanation and nothing is stored; so is anything from
 * someone who does not own the activity.
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
  const valid = validateCheckIn(view, author, input);
  if (!valid.ok) return valid;
  const { activity, person } = valid;
  const { statusCode, note, nextStep, needsSupport } = valid.input;
  const now = deps.clock.now().toISOString();
  const round = await openRoundOf(deps.db.kysely, activity.id, now);
  const personId = await personIdOf(deps.db, person.email);
  const { row, created, counted } = await insertCheckIn(
    deps.db.kysely,
    {
      activityId: activity.id,
      personId,
      authorName: person.name,
      statusCode,
      note,
      platform,
      nextStep: nextStep === '' ? null : nextStep,
      needsSupport,
      ...(round ? { roundId: round.id, late: now > round.deadline_at } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      audit: { kind: 'person', id: personId, platform, requestId: auditRequestId(idempotencyKey) },
    },
    now,
  );
  return { ok: true, checkIn: row, counted, ...(created ? {} : { repeated: true }) };
}
