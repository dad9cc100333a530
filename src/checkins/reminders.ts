import {
  answeredSince,
  deliveredOutboxIds,
  promptsOfRounds,
  roundsBeforeDeadline,
} from '../../db/check-in-rounds.repository.js';
import { toLocal } from '../../db/model/zoned-time.js';
import { awayOn } from '../schedule/away.js';
import { inQuietHours, reminderFor } from '../schedule/due.js';
import { type PromptToSend, sendPrompts } from './prompt-sender.js';
import { type EngineDeps, platformsOf, slotOf, type TickContext } from './round-context.js';

/**
 * The one private reminder per owner and round: once the schedule's reminder time has come (N
 * workdays after the prompt, out of quiet hours) and before the round's deadline, each owner who
 * was prompted and still has unanswered activities gets ONE reminder listing only those. Never in
 * quiet hours or on a day off (a late tick waits for the next allowed moment), never while the
 * owner is away, never to someone whose prompt could not be — or has not yet been — delivered, and nothing after the
 * deadline — the digest lists "saknar rapport" then.
 */
export async function sendReminders(deps: EngineDeps, ctx: TickContext): Promise<number> {
  const { db, calendar } = deps;
  const iso = ctx.now.toISOString();
  const rounds = await roundsBeforeDeadline(db.kysely, iso);
  if (rounds.length === 0) return 0;
  const schedules = new Map(ctx.catalog.schedules.map((s) => [s.id, s]));
  const emails = new Map([...ctx.people].map(([email, id]) => [id, email]));
  const all = await promptsOfRounds(
    db.kysely,
    rounds.map((r) => r.id),
  );
  // Only prompts that reached their owner: one held back (a long Retry-After) is not reminded of.
  const delivered = await deliveredOutboxIds(
    db.kysely,
    all.filter((p) => p.kind === 'prompt' && p.outbox_item_id !== null).map((p) => p.outbox_item_id ?? ''),
  );
  let sent = 0;
  for (const round of rounds) {
    const schedule = schedules.get(round.schedule_id);
    if (!schedule?.active || schedule.reminderAfterWorkdays === 0) continue;
    const slot = slotOf(schedule, round.slot, calendar);
    if (!slot) continue;
    const closes = round.closes_at ? new Date(round.closes_at) : undefined;
    const reminder = reminderFor(schedule, slot, closes, calendar);
    if (reminder.kind !== 'reminder' || reminder.at > ctx.now) continue;
    const local = toLocal(ctx.now, schedule.timeZone);
    if (!calendar.isWorkday(local.date)) continue;
    if (schedule.quietHours && inQuietHours(local.time, schedule.quietHours)) continue;
    const prompts = all.filter((p) => p.round_id === round.id);
    const reminded = new Set(prompts.filter((p) => p.kind === 'reminder').map((p) => p.person_id));
    const asked = prompts.filter(
      (p) =>
        p.kind === 'prompt' &&
        p.outbox_item_id !== null &&
        delivered.has(p.outbox_item_id) &&
        p.unreachable_reason === null &&
        !reminded.has(p.person_id),
    );
    if (asked.length === 0) continue;
    const listed = [...new Set(asked.flatMap((p) => JSON.parse(p.activity_ids) as string[]))];
    const answered = await answeredSince(db.kysely, round.id, round.opened_at, listed);
    const deadline = toLocal(new Date(Date.parse(round.deadline_at) - 1), schedule.timeZone).date;
    const toSend: PromptToSend[] = [];
    for (const prompt of asked) {
      const email = emails.get(prompt.person_id) ?? prompt.person_id;
      if (awayOn(ctx.away.get(email) ?? [], local.date, schedule.timeZone)) continue;
      const open = (JSON.parse(prompt.activity_ids) as string[]).filter((id) => !answered.has(id));
      if (open.length === 0) continue;
      toSend.push({
        roundId: round.id,
        kind: 'reminder',
        email,
        personId: prompt.person_id,
        activityIds: open,
        deadline,
      });
    }
    sent += await sendPrompts(db.kysely, deps.deliveries, ctx.prompts, toSend, iso, platformsOf(deps));
  }
  return sent;
}
