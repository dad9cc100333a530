import { z } from 'zod';
import type { StatusDefinition } from '../db/model/catalog-schema.js';
import { badgeOf } from '../src/catalog/status.js';
import { type CommandContext, defineCommand } from '../src/chat/command.js';
import { formatTime } from '../src/chat/format.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { fold } from '../src/search/text-processing.js';

const args = z.object({
  activity: z.string().trim().min(1, { error: 'arg.query.missing' }).meta({ placeholder: 'arg.activity' }),
  status: z.string().optional().meta({ placeholder: 'arg.status', optional: true }),
  note: z.string().default('').meta({ placeholder: 'arg.note', optional: true }),
});

/**
 * `delmal avstamning <aktivitet> [status] [kommentar]` — an owner's check-in from any chat.
 * Without a status it offers the plan's statuses as buttons; with one it records the check-in
 * (owners only; a note with a personal identity number is refused and nothing is stored).
 */
export const checkIn = defineCommand({
  name: 'checkIn',
  words: ['avstamning', 'avstam', 'checkin', 'incheckning'],
  summary: 'cmd.checkIn.summary',
  examples: ['delmal avstamning cross', 'delmal avstamning cross enligt Vi har haft möte med kommunerna.'],
  args,
  toArgs: (rest) => {
    const [activity = '', status, ...note] = rest.split(/\s+/);
    return { activity, status, note: note.join(' ') };
  },
  run: async (ctx, input): Promise<Reply> => {
    const { view } = ctx.catalog;
    const activity = view.activities.get(input.activity.toLowerCase());
    if (!activity) return text(ctx.t('activity.noMatch', { query: input.activity }));
    const status = input.status ? statusFor(view.vocabulary(), input.status) : undefined;
    if (!input.status || !status) return prompt(ctx, activity.id, activity.name);
    const result = await ctx.checkIns.record({
      activityId: activity.id,
      statusCode: status.code,
      note: input.note,
    });
    if (!result.ok)
      return text(
        ctx.t('checkin.failed', { problems: result.problems.map((p) => ctx.t(p.key, p.params)).join('; ') }),
      );
    const blocks: Block[] = [
      { type: 'heading', text: activity.name },
      {
        type: 'text',
        text: ctx.t('checkin.saved', {
          time: formatTime(result.checkIn.created_at, ctx.asker.locale, ctx.timezone),
          status: badgeOf(status, ctx.asker.locale).label,
        }),
      },
    ];
    if (result.checkIn.note)
      blocks.push({ type: 'context', text: ctx.t('checkin.saved.note', { note: result.checkIn.note }) });
    blocks.push({ type: 'context', text: ctx.t('checkin.saved.hint') });
    return {
      summary: ctx.t('checkin.saved', {
        time: formatTime(result.checkIn.created_at, ctx.asker.locale, ctx.timezone),
        status: badgeOf(status, ctx.asker.locale).label,
      }),
      blocks,
    };
  },
});

/** The status a word means: its code (on_track) or the start of its label (enligt, risk, hinder …). */
function statusFor(vocabulary: readonly StatusDefinition[], word: string): StatusDefinition | undefined {
  const w = fold(word);
  return vocabulary.find((s) => s.code === w || fold(s.label).startsWith(w) || fold(s.labelEn).startsWith(w));
}

function prompt(ctx: CommandContext, id: string, name: string): Reply {
  return {
    summary: ctx.t('checkin.prompt.heading', { activity: name }),
    blocks: [
      { type: 'heading', text: ctx.t('checkin.prompt.heading', { activity: name }) },
      { type: 'text', text: ctx.t('checkin.prompt.text') },
      {
        type: 'actions',
        actions: ctx.catalog.view.vocabulary().map((s) => ({
          kind: 'command' as const,
          label: badgeOf(s, ctx.asker.locale).label,
          command: `delmal avstamning ${id} ${s.code}`,
          // Where the platform can (Teams), the confirmation replaces these buttons.
          refresh: true,
        })),
      },
      { type: 'context', text: ctx.t('checkin.prompt.hint', { id }) },
    ],
  };
}

function text(message: string): Reply {
  return { summary: message, blocks: [{ type: 'text', text: message }] };
}
