import { z } from 'zod';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import type { Reply } from '../src/chat/reply.js';
import { formatLocalDate, parseSwedishDate } from '../src/schedule/swedish-date.js';

const args = z.object({
  date: z.string().trim().min(1, { error: 'arg.date.missing' }).meta({ placeholder: 'arg.date' }),
  note: z.string().default('').meta({ placeholder: 'arg.awayNote', optional: true }),
});

/** Splits `10 augusti semester` into the date words and the note (dates are 1–3 words). */
export function splitDateAndNote(rest: string, today: string): { date: string; note: string } {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  for (const n of [3, 2, 1]) {
    const date = words.slice(0, n).join(' ');
    if (words.length >= n && parseSwedishDate(date, today)) return { date, note: words.slice(n).join(' ') };
  }
  return { date: words[0] ?? '', note: words.slice(1).join(' ') };
}

/**
 * `delmal borta <datum> [anteckning]` — no check-in prompts until that date (inclusive), one
 * combined prompt after. The date may be written 2027-08-10, 10 augusti or 10/8.
 */
export const away = defineCommand({
  name: 'away',
  words: ['borta', 'away', 'franvaro', 'ledig', 'semester'],
  summary: 'cmd.away.summary',
  examples: ['delmal borta 2027-08-10', 'delmal borta 10 augusti semester'],
  args,
  // The date is parsed in run, where "today" is known; here the words are only kept apart.
  toArgs: (rest) => ({ date: rest.trim(), note: '' }),
  run: async (ctx, input): Promise<Reply> => {
    const service = ctx.away;
    if (!service) return text(ctx.t('away.unavailable'));
    const email = ctx.asker.email;
    if (!email) return text(ctx.t('away.noEmail'));
    const today = service.today();
    const { date: words, note } = splitDateAndNote(`${input.date} ${input.note}`, today);
    const until = parseSwedishDate(words, today);
    if (!until) return text(ctx.t('away.badDate', { value: words }));
    const result = await service.markAway(email, until, note);
    const shown = formatLocalDate(until, ctx.asker.locale);
    if (!result.ok) return refusal(ctx, result.reason, email, shown);
    const saved = ctx.t('away.saved', { until: shown });
    return {
      summary: saved,
      blocks: [
        { type: 'text', text: saved },
        ...(result.period.note
          ? [{ type: 'context' as const, text: ctx.t('away.saved.note', { note: result.period.note }) }]
          : []),
        { type: 'context', text: ctx.t('away.saved.hint') },
      ],
    };
  },
});

/** `delmal tillbaka` — back before the date given: prompts as usual again. */
export const back = defineCommand({
  name: 'back',
  words: ['tillbaka', 'back'],
  summary: 'cmd.back.summary',
  examples: ['delmal tillbaka'],
  args: z.object({}),
  toArgs: () => ({}),
  run: async (ctx): Promise<Reply> => {
    if (!ctx.away) return text(ctx.t('away.unavailable'));
    const email = ctx.asker.email;
    if (!email) return text(ctx.t('away.noEmail'));
    return text(ctx.t((await ctx.away.markBack(email)) ? 'back.done' : 'back.notAway'));
  },
});

function refusal(ctx: CommandContext, reason: string, email: string, date: string): Reply {
  if (reason === 'past') return text(ctx.t('away.past', { date }));
  if (reason === 'tooFar') return text(ctx.t('away.tooFar', { date }));
  if (reason === 'personalNumber') return text(ctx.t('away.personalNumber'));
  return text(ctx.t('away.unknownPerson', { email }));
}

function text(message: string): Reply {
  return { summary: message, blocks: [{ type: 'text', text: message }] };
}
