import { awayPeriodsBetween } from '../../db/away.repository.js';
import { readCatalog } from '../../db/catalog-read.repository.js';
import { addDays, isLocalDate, type LocalDate } from '../../db/model/local-date.js';
import { toLocal, toUtc } from '../../db/model/zoned-time.js';
import type { Locale, Translate } from '../i18n/i18n.js';
import type { DayOff } from '../schedule/calendar.js';
import { SwedishCalendar } from '../schedule/calendar.js';
import { type PreviewEntry, previewSchedules } from '../schedule/preview.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';

export interface PreviewOptions {
  readonly from?: string;
  readonly weeks: string;
}

/**
 * `delmal schedule preview [--from <date>] [--weeks 8]`: the rounds the schedules will run —
 * who is asked about what, who is away, reminders — and the days skipped, with why. Reads only.
 */
export async function schedulePreview(ctx: CliContext, options: PreviewOptions): Promise<void> {
  const { config, t } = configFor(ctx, false);
  const weeks = Number(options.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) {
    ctx.err(t('cli.schedule.badWeeks', { value: options.weeks }));
    throw new CliExit(64);
  }
  const from = options.from ?? toLocal(ctx.clock.now(), config.timezone).date;
  if (!isLocalDate(from)) {
    ctx.err(t('cli.schedule.badDate', { value: from }));
    throw new CliExit(64);
  }
  const until = addDays(from, weeks * 7);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const [catalog, away] = await Promise.all([
      readCatalog(db.kysely),
      awayPeriodsBetween(db.kysely, addDays(from, -1), until),
    ]);
    const calendar = new SwedishCalendar(config.locale);
    const start = toUtc(from, '00:00', config.timezone);
    const end = toUtc(until, '00:00', config.timezone);
    const entries = previewSchedules(catalog, start, end, calendar, away);
    ctx.out(t('cli.schedule.heading', { from, to: addDays(until, -1) }));
    if (!catalog.schedules.some((s) => s.active)) {
      ctx.out(t('cli.schedule.none'));
      return;
    }
    for (const entry of entries) for (const line of describe(t, config.locale, entry)) ctx.out(line);
    const rounds = entries.filter((e) => e.kind === 'round');
    ctx.out(
      t('cli.schedule.summary', {
        rounds: rounds.length,
        prompts: rounds.reduce((n, r) => n + r.owners.filter((o) => !o.awayUntil).length, 0),
        skipped: entries.length - rounds.length,
      }),
    );
  });
}

/** `tis 2027-01-12`: the ISO date people can sort, with a weekday they can read. */
function day(date: LocalDate, locale: Locale): string {
  const weekday = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
  return `${weekday.replace(/\.$/, '')} ${date}`;
}

function why(t: Translate, off: DayOff | undefined): string {
  if (!off) return '';
  if (off.kind === 'weekend') return t('cli.schedule.why.weekend');
  return t(off.kind === 'bridge' ? 'cli.schedule.why.bridge' : 'cli.schedule.why.holiday', {
    name: off.name ?? '',
  });
}

function describe(t: Translate, locale: Locale, entry: PreviewEntry): string[] {
  const { schedule, slot } = entry;
  if (entry.kind === 'skipped') {
    const pause = schedule.summerPause;
    return [
      t('cli.schedule.skipped', {
        date: day(slot.slot, locale),
        schedule: schedule.id,
        why: t('cli.schedule.why.summer', pause ? { from: pause.fromWeek, to: pause.toWeek } : {}),
      }),
    ];
  }
  const asked = entry.owners.filter((o) => !o.awayUntil);
  const lines = [
    t('cli.schedule.round', {
      date: day(slot.date, locale),
      time: slot.time,
      zone: slot.timeZone,
      schedule: schedule.id,
      owners: asked.length,
    }),
  ];
  if (slot.movedBecause)
    lines.push(t('cli.schedule.moved', { slot: day(slot.slot, locale), why: why(t, slot.movedBecause) }));
  for (const owner of entry.owners) {
    const params = { owner: owner.name, email: owner.email, activities: owner.activities.join(', ') };
    lines.push(
      owner.awayUntil
        ? t('cli.schedule.away', { ...params, until: owner.awayUntil })
        : t('cli.schedule.prompt', params),
    );
  }
  if (entry.unowned.length > 0)
    lines.push(t('cli.schedule.noOwner', { activities: entry.unowned.join(', ') }));
  const reminder = entry.reminder;
  if (reminder.kind === 'reminder')
    lines.push(t('cli.schedule.reminder', { date: day(reminder.date, locale), time: reminder.time }));
  else if (reminder.reason !== 'disabled') lines.push(t(`cli.schedule.noReminder.${reminder.reason}`));
  return lines;
}
