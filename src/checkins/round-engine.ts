import { awayPeriodsBetween } from '../../db/away.repository.js';
import { readCatalog } from '../../db/catalog-read.repository.js';
import { latestCheckIns } from '../../db/check-in-reads.repository.js';
import {
  claimAndOpenRound,
  completeRun,
  lastUpdates,
  personIdsByEmail,
  promptsOfRounds,
  recordUnreachablePrompts,
  roundActivities,
  roundById,
} from '../../db/check-in-rounds.repository.js';
import { addDays } from '../../db/model/local-date.js';
import type { ScheduleEntry } from '../../db/model/schedule-schema.js';
import { toLocal } from '../../db/model/zoned-time.js';
import {
  recordSkippedSlot,
  runsSince,
  staleRuns,
  takeOverStaleRun,
} from '../../db/schedule-runs.repository.js';
import { awayOn } from '../schedule/away.js';
import type { SwedishCalendar } from '../schedule/calendar.js';
import { DEFAULT_CATCH_UP_TOLERANCE_MS, pendingSlots } from '../schedule/due.js';
import { activitiesBySchedule } from '../schedule/effective-schedule.js';
import { dueSlots, type Slot } from '../schedule/slots.js';
import { sendCatchUps } from './catch-up.js';
import { PromptCatalog } from './prompt-data.js';
import { type PromptToSend, sendPrompts } from './prompt-sender.js';
import { sendReminders } from './reminders.js';
import { whileClaimed } from './round-claim.js';
import { type EngineDeps, slotOf, type TickContext } from './round-context.js';
import { planRound, roundDeadline } from './round-plan.js';

/** What one tick did. */
export interface TickSummary {
  /** Rounds opened (or resumed) by this tick, `<schedule>:<slot>`. */
  readonly rounds: string[];
  prompts: number;
  reminders: number;
  catchUps: number;
  /** Slots recorded as not run: `summer` (pause) or `missed` (beyond the catch-up tolerance). */
  readonly skipped: { readonly scheduleId: string; readonly slot: string; readonly reason: string }[];
  /** Prompts newly found undeliverable (reported to admins). */
  unreachable: number;
}

/** A crashed round is resumed by any process once its claim is this old (a live claimant is faster). */
const RESUME_AFTER_MS = 60_000;

/**
 * The check-in round engine: one `tick(now)` does everything due at `now`, and may run any
 * number of times, in any number of processes sharing the database, without sending anything
 * twice. Per schedule it computes the due slots from the schedule and the recorded runs, records
 * summer-paused and too-old slots as skipped (no flood after downtime), and for each due slot
 * claims it and opens its round in one transaction — exactly once — then enqueues ONE prompt per
 * owner on the outbox's bulk lane. A round whose claimant died mid-way is resumed. Then the one
 * reminder per owner, the catch-ups after absences, and undeliverable prompts are recorded.
 */
export class CheckInEngine {
  constructor(private readonly deps: EngineDeps) {}

  async tick(now: Date): Promise<TickSummary> {
    const { db } = this.deps;
    const catalog = await (this.deps.catalog?.() ?? readCatalog(db.kysely));
    const [updates, latest, people] = await Promise.all([
      lastUpdates(db.kysely),
      latestCheckIns(db.kysely),
      personIdsByEmail(db.kysely),
    ]);
    const prompts = new PromptCatalog(
      catalog,
      new Map(latest.map((c) => [c.activity_id, { statusCode: c.status_code, at: c.created_at }])),
    );
    const today = toLocal(now, this.deps.timeZone).date;
    const away = await awayPeriodsBetween(db.kysely, addDays(today, -400), addDays(today, 1));
    const ctx: TickContext = { now, catalog, prompts, updates, away, people };
    const summary: TickSummary = {
      rounds: [],
      prompts: 0,
      reminders: 0,
      catchUps: 0,
      skipped: [],
      unreachable: 0,
    };
    const bySchedule = new Map([...activitiesBySchedule(catalog)].map(([s, list]) => [s.id, list]));
    for (const schedule of catalog.schedules.filter((s) => s.active))
      await this.runSchedule(ctx, schedule, bySchedule.get(schedule.id) ?? [], summary);
    await this.resume(ctx, summary);
    summary.unreachable += await recordUnreachablePrompts(db.kysely);
    summary.reminders += await sendReminders(this.deps, ctx);
    summary.catchUps += await sendCatchUps(this.deps, ctx);
    return summary;
  }

  private async runSchedule(
    ctx: TickContext,
    schedule: ScheduleEntry,
    activities: TickContext['catalog']['activities'],
    summary: TickSummary,
  ): Promise<void> {
    const { db, calendar, worker } = this.deps;
    const since = addDays(toLocal(ctx.now, schedule.timeZone).date, -40);
    const recorded = new Set((await runsSince(db.kysely, schedule.id, since)).map((r) => r.slot));
    const pending = pendingSlots(
      schedule,
      ctx.now,
      calendar,
      recorded,
      this.deps.toleranceMs ?? DEFAULT_CATCH_UP_TOLERANCE_MS,
    );
    const iso = ctx.now.toISOString();
    for (const [slots, reason] of [
      [pending.skipped, 'summer'],
      [pending.missed, 'missed'],
    ] as const)
      for (const slot of slots)
        if (await recordSkippedSlot(db.kysely, schedule.id, slot.slot, reason, worker, iso))
          summary.skipped.push({ scheduleId: schedule.id, slot: slot.slot, reason });
    for (const slot of pending.due) {
      const plan = planRound({ schedule, slot, activities, lastUpdate: ctx.updates, away: ctx.away });
      const next = nextRun(schedule, slot, calendar);
      const deadline = roundDeadline(schedule, slot, next, calendar);
      const id = `${schedule.id}:${slot.slot}`;
      const won = await claimAndOpenRound(
        db.kysely,
        db.dialect,
        {
          id,
          schedule_id: schedule.id,
          slot: slot.slot,
          opened_at: iso,
          deadline_at: deadline.at.toISOString(),
          closes_at: next?.toISOString() ?? null,
          created_at: iso,
        },
        plan.activities.map((a) => ({ activity_id: a.activityId, skipped_reason: a.skippedReason })),
        worker,
      );
      if (!won) continue;
      summary.rounds.push(id);
      const toSend = [...plan.owners].map(
        ([email, activityIds]): PromptToSend => ({
          roundId: id,
          kind: 'prompt',
          email,
          personId: ctx.people.get(email) ?? email,
          activityIds,
          deadline: deadline.lastDay,
        }),
      );
      summary.prompts += await whileClaimed(
        this.deps,
        { scheduleId: schedule.id, slot: slot.slot },
        this.staleMs(),
        () => this.send(id, toSend, ctx),
      );
      await completeRun(db.kysely, schedule.id, slot.slot, iso);
      this.deps.logger.info({ round: id, prompts: toSend.length }, 'check-in round opened');
    }
  }

  /**
   * Rounds claimed and never finished (the claimant crashed or was stopped mid-round): the
   * owners without a prompt row get theirs, nobody twice. Past its deadline a round is closed
   * without sending — a prompt that late would only be noise.
   */
  private async resume(ctx: TickContext, summary: TickSummary): Promise<void> {
    const { db } = this.deps;
    const iso = ctx.now.toISOString();
    const stale = await staleRuns(db.kysely, db.dialect, this.staleMs());
    for (const run of stale) {
      // One statement decides who resumes: of two processes looking at once, one wins.
      if (!(await takeOverStaleRun(db.kysely, db.dialect, run, this.deps.worker, this.staleMs()))) continue;
      const round = await roundById(db.kysely, `${run.schedule_id}:${run.slot}`);
      if (!round || round.deadline_at <= iso) {
        await completeRun(db.kysely, run.schedule_id, run.slot, iso, round ? 'deadline_passed' : 'no_round');
        continue;
      }
      const schedule = ctx.catalog.schedules.find((s) => s.id === run.schedule_id);
      const activities = await roundActivities(db.kysely, round.id);
      const done = new Set(
        (await promptsOfRounds(db.kysely, [round.id]))
          .filter((p) => p.kind === 'prompt')
          .map((p) => p.person_id),
      );
      const byId = new Map(ctx.catalog.activities.map((a) => [a.id, a]));
      const owners = new Map<string, string[]>();
      const slotDate = schedule ? slotDateOf(schedule, run.slot, this.deps.calendar) : run.slot;
      for (const row of activities) {
        if (row.skipped_reason !== null) continue;
        for (const email of byId.get(row.activity_id)?.owners ?? []) {
          if (awayOn(ctx.away.get(email) ?? [], slotDate, schedule?.timeZone ?? this.deps.timeZone)) continue;
          owners.set(email, [...(owners.get(email) ?? []), row.activity_id]);
        }
      }
      const deadline = toLocal(
        new Date(Date.parse(round.deadline_at) - 1),
        schedule?.timeZone ?? this.deps.timeZone,
      ).date;
      const toSend = [...owners]
        .map(
          ([email, activityIds]): PromptToSend => ({
            roundId: round.id,
            kind: 'prompt',
            email,
            personId: ctx.people.get(email) ?? email,
            activityIds,
            deadline,
          }),
        )
        .filter((p) => !done.has(p.personId));
      summary.rounds.push(round.id);
      summary.prompts += await whileClaimed(
        this.deps,
        { scheduleId: run.schedule_id, slot: run.slot },
        this.staleMs(),
        () => this.send(round.id, toSend, ctx),
      );
      await completeRun(db.kysely, run.schedule_id, run.slot, iso);
      this.deps.logger.info({ round: round.id, prompts: toSend.length }, 'check-in round resumed');
    }
  }

  private staleMs(): number {
    return this.deps.resumeAfterMs ?? RESUME_AFTER_MS;
  }

  private send(roundId: string, toSend: readonly PromptToSend[], ctx: TickContext): Promise<number> {
    const report = this.deps.progress;
    return sendPrompts(
      this.deps.db.kysely,
      this.deps.deliveries,
      ctx.prompts,
      toSend,
      ctx.now.toISOString(),
      {
        ...(this.deps.platforms ? { platforms: this.deps.platforms } : {}),
        ...(report && toSend.length > 0
          ? { progress: (done: number) => report(`${roundId}: ${done}/${toSend.length}`) }
          : {}),
      },
    );
  }
}

/** When the schedule's next round after `slot` runs (summer-paused slots do not count). */
function nextRun(schedule: ScheduleEntry, slot: Slot, calendar: SwedishCalendar): Date | undefined {
  const after = new Date(slot.at.getTime() + 1);
  return dueSlots(schedule, after, new Date(after.getTime() + 400 * 86_400_000), calendar).find(
    (s) => !s.skipped && s.slot !== slot.slot,
  )?.at;
}

function slotDateOf(schedule: ScheduleEntry, slot: string, calendar: SwedishCalendar): string {
  return slotOf(schedule, slot, calendar)?.date ?? slot;
}
