import { z } from 'zod';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import { rollUp } from '../src/catalog/status.js';
import { formatDateTime } from '../src/chat/format.js';
import type { Block, ListItem, Reply } from '../src/chat/reply.js';
import { detectIntent } from '../src/intents/detect-intent.js';
import { activityItem, statusOf } from './activity-items.js';
import { changesAnswer, groupAnswer, levelAnswer, statusAnswer } from './intent-lists.js';
import { findSubject } from './intent-subjects.js';
import { search } from './search.js';

/**
 * Questions with an intent — "vem äger CROSS?", "hur går det för delmål 7?", "vilka är pausade?",
 * "vad har ändrats sedan 1 november?", "hälsofrämjande aktiviteter", "vad finns för unga?" —
 * answered from the catalog and the latest check-ins, never by keyword alone. Every answer's
 * heading says what was understood. A question it cannot place falls back to search.
 * Chosen by the dispatcher (no command word of its own).
 */
export const intent = defineCommand({
  name: 'intent',
  words: [],
  summary: 'cmd.intent.summary',
  readOnly: true,
  examples: ['vem äger CROSS?', 'hur går det för delmål 7?', 'vilka aktiviteter är pausade?'],
  args: z.object({
    text: z.string().trim().min(1, { error: 'arg.query.missing' }).meta({ placeholder: 'arg.query' }),
  }),
  toArgs: (rest) => ({ text: rest }),
  run: async (ctx, { text }): Promise<Reply> => {
    const asked = detectIntent(text);
    const answer =
      asked?.kind === 'owner'
        ? ownerAnswer(ctx, asked.subject)
        : asked?.kind === 'progress'
          ? await progressAnswer(ctx, asked.subject)
          : asked?.kind === 'status'
            ? statusAnswer(ctx, text)
            : asked?.kind === 'changes'
              ? changesAnswer(ctx, asked.since)
              : asked?.kind === 'level'
                ? levelAnswer(ctx, asked.keywords)
                : asked?.kind === 'group'
                  ? groupAnswer(ctx, asked.group)
                  : undefined;
    return answer ?? search.run(ctx, { query: text });
  },
});

/** Who owns or runs it: the activities with their owners (names, latest status and check-in). */
function ownerAnswer(ctx: CommandContext, subject: string): Reply | undefined {
  const found = findSubject(ctx, subject, 3);
  if (!found) return undefined;
  const heading =
    found.kind === 'search'
      ? ctx.t('intent.owner.searchHeading', { subject: found.title })
      : ctx.t('intent.owner.heading', { subject: found.title });
  const items = found.activities.map((a) => activityItem(ctx, a));
  return {
    summary: heading,
    blocks: [
      { type: 'heading', text: heading },
      { type: 'list', items },
    ],
  };
}

const NOTE_LENGTH = 160;

/** How it is going: the roll-up, then each activity worst first with its latest check-in and note. */
async function progressAnswer(ctx: CommandContext, subject: string): Promise<Reply | undefined> {
  const found = findSubject(ctx, subject, 5);
  if (!found) return undefined;
  const heading = ctx.t('intent.progress.heading', { subject: found.title });
  const rows = found.activities.map((a) => ({
    activity: a,
    status: statusOf(ctx, a),
    latest: ctx.checkIns.latest.get(a.id),
  }));
  rows.sort(
    (a, b) => b.status.severity - a.status.severity || (b.latest?.at ?? '').localeCompare(a.latest?.at ?? ''),
  );
  const items: ListItem[] = [];
  for (const row of rows) {
    const item = activityItem(ctx, row.activity);
    const last = row.latest ? (await ctx.checkIns.history(row.activity.id))[0] : undefined;
    const note = last?.note.trim();
    items.push(
      last && note
        ? {
            ...item,
            detail: ctx.t('intent.progress.note', {
              author: last.author_name,
              date: formatDateTime(last.created_at, ctx.asker.locale, ctx.timezone),
              note: note.length > NOTE_LENGTH ? `${note.slice(0, NOTE_LENGTH - 1)}…` : note,
            }),
          }
        : item,
    );
  }
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    {
      type: 'fields',
      fields: [
        {
          label: ctx.t('intent.progress.rollUp'),
          value: rollUp(
            rows.map((r) => r.status),
            ctx.t,
          ).label,
        },
        {
          label: ctx.t('intent.progress.checkedIn'),
          value: `${rows.filter((r) => r.latest).length} / ${rows.length}`,
        },
      ],
    },
    items.length > 0 ? { type: 'list', items } : { type: 'text', text: ctx.t('intent.none') },
  ];
  return { summary: heading, blocks };
}
