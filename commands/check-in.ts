import { z } from 'zod';
import type { Activity } from '../db/model/catalog-schema.js';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import { permits } from '../src/authz/matrix.js';
import { rolesOf } from '../src/authz/roles.js';
import type { Reply } from '../src/chat/reply.js';
import { notOwnerProblem } from '../src/checkins/record-check-in.js';
import { noMatchReply, pickListReply, resolveActivity, splitNamedCheckIn } from './activity-resolver.js';
import {
  checkInFormReply,
  failedReply,
  formInput,
  refusedReply,
  savedReply,
  statusFor,
  text,
} from './check-in-replies.js';

const args = z.object({
  activity: z.string().trim().min(1, { error: 'arg.query.missing' }).meta({ placeholder: 'arg.activity' }),
  status: z.string().optional().meta({ placeholder: 'arg.status', optional: true }),
  note: z.string().default('').meta({ placeholder: 'arg.note', optional: true }),
});

/**
 * `delmal avstamning <aktivitet> [status] [kommentar]` (also `delmal rapportera …`) — an owner's
 * check-in from any chat, at any time; it answers the activity's open round when one is open.
 * Without a status it offers the activity's statuses as buttons and a form for text; with one it
 * records the check-in (owners only; free text with a personal identity number is refused and
 * nothing is stored). A form submitted with the button adds the note, next step and "behöver stöd".
 */
export const checkIn = defineCommand({
  name: 'checkIn',
  words: ['avstamning', 'avstam', 'checkin', 'incheckning', 'rapportera'],
  summary: 'cmd.checkIn.summary',
  examples: ['delmal avstamning cross', 'delmal rapportera cross enligt Vi har haft möte med kommunerna.'],
  args,
  // The name may be several words: the split into name, status and note needs the catalog (run).
  toArgs: (rest) => ({ activity: rest }),
  run: async (ctx, input): Promise<Reply> => {
    const { view } = ctx.catalog;
    const found = findActivity(ctx, input.activity, 'avstamning');
    if (found.kind === 'reply') return found.reply;
    const { activity } = found;
    if (!permits('command.checkIn', rolesOf(view, ctx.asker.email, { activity })))
      return failedReply(ctx, [notOwnerProblem(ctx.asker.email, activity)]);
    const status = found.status ? statusFor(view.vocabularyOf(activity), found.status) : undefined;
    if (!found.status || !status) return checkInFormReply(ctx, activity, 'avstamning');
    const result = await ctx.checkIns.record({
      activityId: activity.id,
      statusCode: status.code,
      ...formInput(ctx, found.note),
    });
    if (!result.ok)
      return refusedReply(ctx, activity, 'avstamning', found.note, status.code, result.problems);
    const comment = result.checkIn.round_id !== null && result.counted === false;
    return savedReply(ctx, activity, result.checkIn, { comment });
  },
});

/**
 * `delmal ändra <aktivitet> [status] [kommentar]` — edits the activity's latest check-in until the
 * next round; every earlier version is kept with its author. Without a status: the form, filled in.
 */
export const editCheckIn = defineCommand({
  name: 'editCheckIn',
  words: ['andra', 'edit'],
  word: 'ändra',
  summary: 'cmd.edit.summary',
  examples: ['delmal ändra cross', 'delmal ändra cross risk Lokalen är inte klar.'],
  args,
  // The name may be several words: the split into name, status and note needs the catalog (run).
  toArgs: (rest) => ({ activity: rest }),
  run: async (ctx, input): Promise<Reply> => {
    const { view } = ctx.catalog;
    const found = findActivity(ctx, input.activity, 'ändra');
    if (found.kind === 'reply') return found.reply;
    const { activity } = found;
    if (!permits('command.editCheckIn', rolesOf(view, ctx.asker.email, { activity })))
      return failedReply(ctx, [notOwnerProblem(ctx.asker.email, activity)]);
    const status = found.status ? statusFor(view.vocabularyOf(activity), found.status) : undefined;
    if (!found.status || !status) {
      const [latest] = await ctx.checkIns.history(activity.id);
      return checkInFormReply(ctx, activity, 'andra', latest);
    }
    // Typed without text (`delmal ändra cross risk`): only the status changes, the text stays.
    const [latest] = ctx.inbound?.form || found.note ? [] : await ctx.checkIns.history(activity.id);
    const text_ = latest
      ? { note: latest.note, nextStep: latest.next_step ?? '', needsSupport: latest.needs_support === 1 }
      : formInput(ctx, found.note);
    const result = await ctx.checkIns.edit({ activityId: activity.id, statusCode: status.code, ...text_ });
    if (!result.ok) return refusedReply(ctx, activity, 'andra', found.note, status.code, result.problems);
    if (result.changed === false) return text(ctx.t('checkin.edit.unchanged'));
    return savedReply(ctx, activity, result.checkIn, { edited: true });
  },
});

type Found =
  | { readonly kind: 'reply'; readonly reply: Reply }
  | {
      readonly kind: 'activity';
      readonly activity: Activity;
      readonly status?: string;
      readonly note: string;
    };

/**
 * The activity a check-in command names (by the shared resolver, preferring the asker's own
 * activities), with the status word and note typed after it; or the pick list / "no match" answer.
 * The pick list's buttons repeat the status and note, so choosing loses nothing that was typed.
 */
function findActivity(ctx: CommandContext, typed: string, verb: 'avstamning' | 'ändra'): Found {
  const { query, status, note } = splitNamedCheckIn(ctx.catalog, typed);
  const email = ctx.asker.email;
  const match = resolveActivity(ctx.catalog, query, (a) => email !== undefined && a.owners.includes(email));
  if (match.kind === 'one')
    return { kind: 'activity', activity: match.activity, ...(status ? { status } : {}), note };
  if (match.kind === 'none') return { kind: 'reply', reply: noMatchReply(ctx, query) };
  const after = [status, note].filter(Boolean).join(' ');
  return {
    kind: 'reply',
    reply: pickListReply(
      ctx,
      query,
      match.activities,
      (a) => `delmal ${verb} ${a.id}${after ? ` ${after}` : ''}`,
    ),
  };
}
