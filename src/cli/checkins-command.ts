import { unreachablePrompts } from '../../db/check-in-rounds.repository.js';
import type { Db } from '../../db/connection.js';
import { localTimestamp } from '../../db/model/zoned-time.js';
import type { Platform } from '../chat/inbound.js';
import { CheckInEngine, type TickSummary } from '../checkins/round-engine.js';
import type { Config } from '../config/config.js';
import type { Deliverer } from '../delivery/deliveries.js';
import { Outbox } from '../delivery/outbox.js';
import { describeFailure } from '../delivery/unreachable-text.js';
import type { Translate } from '../i18n/i18n.js';
import { createLogger } from '../logger.js';
import { SwedishCalendar } from '../schedule/calendar.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';

/** The CLI only enqueues: `delmal serve` (any replica) delivers, within the platforms' limits. */
const ENQUEUE_ONLY: Deliverer = {
  buckets: () => [],
  deliver: async () => ({ ok: false, kind: 'transient', error: 'the CLI does not deliver' }),
};

/**
 * `delmal checkins run-due [--now <iso>]`: one tick of the check-in engine at `now` (default: the
 * clock) — exactly what `delmal serve` does each minute, and safe beside it: every slot, prompt and
 * reminder is claimed once in the database. Prints what it did and who could not be reached.
 */
export async function checkInsRunDue(ctx: CliContext, options: { readonly now?: string }): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const now = options.now === undefined ? ctx.clock.now() : new Date(options.now);
  if (
    Number.isNaN(now.getTime()) ||
    (options.now !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(options.now))
  ) {
    ctx.err(t('cli.checkins.badNow', { value: options.now ?? '' }));
    throw new CliExit(64);
  }
  await withReadyDatabase(ctx, config, t, async (db) => {
    const summary = await tick(ctx, config, db, now);
    ctx.progress?.('');
    ctx.out(t('cli.checkins.heading', { at: localTimestamp(now, config.timezone) }));
    print(ctx, t, summary);
    const since = new Date(now.getTime() - 14 * 86_400_000).toISOString();
    const unreachable = await unreachablePrompts(db.kysely, since);
    if (unreachable.length > 0) {
      ctx.out(t('cli.checkins.unreachable', { count: unreachable.length }));
      for (const p of unreachable)
        ctx.out(
          t('cli.checkins.unreachableLine', {
            who: p.email ?? p.person_id,
            round: p.round_id,
            reason: describeFailure(p.unreachable_reason === 'gave_up' ? null : p.unreachable_reason, t),
          }),
        );
    }
  });
}

async function tick(ctx: CliContext, config: Config, db: Db, now: Date): Promise<TickSummary> {
  const logger = createLogger('silent');
  const outbox = new Outbox(db, ctx.clock, logger, ENQUEUE_ONLY);
  const engine = new CheckInEngine({
    db,
    deliveries: outbox,
    calendar: new SwedishCalendar(config.locale),
    logger,
    worker: `cli:${process.pid}`,
    timeZone: config.timezone,
    // Owners' stored DMs on the platforms `delmal serve` talks to: it meters and sends them as they are.
    platforms: new Set<Platform>([
      ...(config.slack ? (['slack'] as const) : []),
      ...(config.teams ? (['teams'] as const) : []),
      ...(config.env === 'local' || config.env === 'test' ? (['local'] as const) : []),
    ]),
    ...(ctx.progress ? { progress: ctx.progress } : {}),
  });
  return engine.tick(now);
}

function print(ctx: CliContext, t: Translate, summary: TickSummary): void {
  for (const s of summary.skipped)
    ctx.out(
      t('cli.checkins.skipped', {
        slot: s.slot,
        schedule: s.scheduleId,
        why: t(s.reason === 'summer' ? 'cli.checkins.why.summer' : 'cli.checkins.why.missed'),
      }),
    );
  for (const round of summary.rounds) ctx.out(t('cli.checkins.round', { round }));
  const any = summary.rounds.length + summary.prompts + summary.reminders + summary.catchUps > 0;
  ctx.out(
    any
      ? t('cli.checkins.summary', {
          rounds: summary.rounds.length,
          prompts: summary.prompts,
          reminders: summary.reminders,
          catchUps: summary.catchUps,
        })
      : t('cli.checkins.nothing'),
  );
  if (summary.prompts + summary.reminders + summary.catchUps > 0) ctx.out(t('cli.checkins.outbox'));
}
