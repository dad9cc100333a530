import { markCaughtUp } from '../../db/away.repository.js';
import {
  activitiesOfRounds,
  answeredSince,
  promptsOfRounds,
  type RoundRow,
  roundsOpenedBetween,
} from '../../db/check-in-rounds.repository.js';
import { addDays } from '../../db/model/local-date.js';
import { toLocal, toUtc } from '../../db/model/zoned-time.js';
import { lastDayAway } from '../schedule/away.js';
import { inQuietHours } from '../schedule/due.js';
import { type PromptToSend, sendPrompts } from './prompt-sender.js';
import { type EngineDeps, platformsOf, type TickContext } from './round-context.js';

/**
 * One catch-up prompt after an absence: when someone is back (their absence ended before today,
 * or `delmal tillbaka` ended it), and rounds ran while they were away that listed their
 * activities without asking them, they get ONE prompt with those activities that are still
 * unanswered — not one per missed round. It goes on a workday, at or after the missed schedule's
 * time of day and outside its quiet hours. Activities asked about again by a round after their
 * return are left out (that prompt asks already). The absence is marked caught up afterwards, so a
 * crash in between re-enqueues under the same dedupe key: one message.
 */
export async function sendCatchUps(deps: EngineDeps, ctx: TickContext): Promise<number> {
  const { db, calendar, timeZone } = deps;
  const today = toLocal(ctx.now, timeZone).date;
  const iso = ctx.now.toISOString();
  if (!calendar.isWorkday(today)) return 0;
  const schedules = new Map(ctx.catalog.schedules.map((s) => [s.id, s]));
  let sent = 0;
  for (const [email, periods] of ctx.away) {
    const personId = ctx.people.get(email);
    if (!personId) continue;
    for (const period of periods) {
      if (period.caughtUpAt) continue;
      const last = lastDayAway(period, timeZone);
      if (last >= today) continue;
      const rounds = await roundsOpenedBetween(
        db.kysely,
        toUtc(period.from, '00:00', timeZone).toISOString(),
        toUtc(addDays(last, 1), '00:00', timeZone).toISOString(),
      );
      const missed = await missedActivities(deps, rounds, email, personId, ctx);
      if (missed.activityIds.length > 0) {
        const round = missed.round;
        const schedule = round ? schedules.get(round.schedule_id) : undefined;
        // Hold it until the schedule's own hour today, out of its quiet hours.
        if (schedule) {
          const local = toLocal(ctx.now, schedule.timeZone);
          if (local.time < schedule.time) continue;
          if (schedule.quietHours && inQuietHours(local.time, schedule.quietHours)) continue;
        }
        if (!round) continue;
        const prompt: PromptToSend = {
          roundId: round.id,
          kind: 'catch_up',
          email,
          personId,
          activityIds: missed.activityIds,
          deadline: calendar.addWorkdays(today, Math.max(1, schedule?.reminderAfterWorkdays ?? 2)),
          key: period.id,
        };
        sent += await sendPrompts(db.kysely, deps.deliveries, ctx.prompts, [prompt], iso, platformsOf(deps));
      }
      await markCaughtUp(db.kysely, period.id, iso);
    }
  }
  return sent;
}

/** The person's activities in `rounds` that they were not asked about and nobody has answered since. */
async function missedActivities(
  deps: EngineDeps,
  rounds: readonly RoundRow[],
  email: string,
  personId: string,
  ctx: TickContext,
): Promise<{ activityIds: string[]; round: RoundRow | undefined }> {
  if (rounds.length === 0) return { activityIds: [], round: undefined };
  const owned = new Set(ctx.catalog.activities.filter((a) => a.owners.includes(email)).map((a) => a.id));
  const ids = rounds.map((r) => r.id);
  const [activities, prompts] = await Promise.all([
    activitiesOfRounds(deps.db.kysely, ids),
    promptsOfRounds(deps.db.kysely, ids),
  ]);
  const missed = new Map<string, RoundRow>();
  for (const round of rounds) {
    if (prompts.some((p) => p.round_id === round.id && p.person_id === personId && p.kind === 'prompt'))
      continue;
    for (const row of activities.get(round.id) ?? [])
      if (owned.has(row.activity_id) && (row.skipped_reason === null || row.skipped_reason === 'owner_away'))
        missed.set(row.activity_id, round);
  }
  if (missed.size === 0) return { activityIds: [], round: undefined };
  const first = rounds[0] as RoundRow;
  const answered = await answeredSince(deps.db.kysely, first.id, first.opened_at, [...missed.keys()]);
  // Asked again since they came back: that round's prompt covers it.
  const askedAfter = await askedSince(deps, personId, rounds.at(-1)?.opened_at ?? first.opened_at, ctx);
  const open = [...missed.keys()].filter((id) => !answered.has(id) && !askedAfter.has(id));
  const latest = [...missed.values()].reduce((a, b) => (b.opened_at > a.opened_at ? b : a));
  return { activityIds: open, round: latest };
}

/** Activities this person has been prompted about in rounds opened after `after`. */
async function askedSince(
  deps: EngineDeps,
  personId: string,
  after: string,
  ctx: TickContext,
): Promise<Set<string>> {
  const later = await roundsOpenedBetween(
    deps.db.kysely,
    after,
    new Date(ctx.now.getTime() + 1).toISOString(),
  );
  const prompts = await promptsOfRounds(
    deps.db.kysely,
    later.filter((r) => r.opened_at > after).map((r) => r.id),
  );
  return new Set(
    prompts.filter((p) => p.person_id === personId).flatMap((p) => JSON.parse(p.activity_ids) as string[]),
  );
}
