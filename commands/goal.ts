import { z } from 'zod';
import { defineCommand } from '../src/asking/command.js';
import { rollUp } from '../src/catalog/status.js';
import { type Block, paginate, type Reply } from '../src/chat/reply.js';
import { OUT_OF_RANGE_NUMBER, parseGoalReference } from '../src/chat/words.js';
import { activityItem, statusOf } from './activity-items.js';
import { capitalise, goalOverview } from './list-goals.js';

/** Activities per page: a delmål with 80 activities pages instead of hitting platform limits. */
export const ACTIVITIES_PER_PAGE = 10;
const SUMMARY_LENGTH = 280;

const args = z.object({
  number: z.number().int().meta({ placeholder: 'arg.number' }),
  page: z.number().int().min(1).default(1).meta({ placeholder: 'arg.page', optional: true }),
  fullText: z.boolean().default(false),
});

/** `delmal <n>` — one delmål: title, insatsområde, summary with the full text a tap away, its activities. */
export const goal = defineCommand({
  name: 'goal',
  words: [],
  summary: 'cmd.goal.summary',
  readOnly: true,
  examples: ['delmal 5', 'delmal 5 sida 2', 'delmal 5 text'],
  args,
  toArgs: (rest) => {
    const ref = parseGoalReference(rest);
    // "-1", "0", "1000": no such delmål, and the answer lists the ones there are.
    if (!ref && OUT_OF_RANGE_NUMBER.test(rest.trim()))
      return { number: Number(rest.trim().replace('−', '-')) };
    if (!ref) return { number: Number.NaN };
    const page = /(?:sida|page|s)\s*(\d+)/.exec(ref.rest)?.[1];
    return {
      number: ref.number,
      page: page ? Number(page) : undefined,
      fullText: /\b(text|hela|full)\b/.test(ref.rest),
    };
  },
  run: (ctx, { number, page, fullText }): Reply => {
    const { view } = ctx.catalog;
    const plan = view.currentPlan;
    const entry = view.goalByNumber(number);
    if (!plan || !entry) {
      const numbers = view.currentGoals().map((g) => g.number);
      return goalOverview(
        ctx,
        ctx.t('goal.unknown', {
          value: String(number),
          plan: plan?.name ?? '',
          first: numbers[0] ?? 1,
          last: numbers.at(-1) ?? 1,
        }),
      );
    }
    const { goal: g, focusArea } = entry;
    const title = ctx.t('goal.title', { term: capitalise(plan.goalTerm), number: g.number, title: g.title });
    if (fullText)
      return {
        summary: title,
        blocks: [
          { type: 'heading', text: title },
          ...g.text.split(/\n{2,}/).map((p): Block => ({ type: 'text', text: p })),
          {
            type: 'context',
            text: ctx.t('goal.source', { plan: plan.name, section: g.source?.section ?? '' }),
          },
          {
            type: 'actions',
            actions: [
              {
                kind: 'command',
                label: ctx.t('goal.back', { number: g.number }),
                command: `delmal ${g.number}`,
              },
            ],
          },
        ],
      };

    const activities = view.activitiesOfGoal(g.id);
    const statuses = activities.map((a) => statusOf(ctx, a));
    const shown = paginate(activities, page, ACTIVITIES_PER_PAGE);
    const [firstParagraph = '', ...otherParagraphs] = g.text.split(/\n{2,}/);
    const cut =
      firstParagraph.length > SUMMARY_LENGTH
        ? firstParagraph.slice(0, SUMMARY_LENGTH).replace(/\s+\S*$/, '')
        : '';
    const summary = cut ? `${cut} …` : firstParagraph;
    // "Visa hela texten" continues where the summary stops instead of repeating it.
    const continuation = [
      ...(cut ? [`… ${firstParagraph.slice(cut.length).trim()}`] : []),
      ...otherParagraphs,
    ].join('\n\n');
    const rolled = rollUp(statuses, ctx.t);
    const blocks: Block[] = [
      { type: 'heading', text: title },
      {
        type: 'fields',
        fields: [
          { label: ctx.t('goal.focusArea'), value: focusArea?.title ?? '–' },
          { label: ctx.t('goal.plan'), value: `${plan.name} ${plan.periodStart}–${plan.periodEnd ?? ''}` },
          { label: ctx.t('goal.status'), value: rolled.label },
        ],
      },
      { type: 'text', text: summary },
      ...(continuation
        ? [
            {
              type: 'more' as const,
              label: ctx.t('goal.fullText'),
              text: continuation,
              command: `delmal ${g.number} text`,
            },
          ]
        : []),
    ];
    if (activities.length === 0)
      blocks.push({ type: 'context', text: ctx.t('goal.noActivities', { number: g.number }) });
    else
      blocks.push({
        type: 'list',
        heading: ctx.t('goal.activities', { count: activities.length }),
        items: shown.items.map((a) => activityItem(ctx, a)),
      });
    const numbers = view.currentGoals().map((x) => x.number);
    const previous = numbers.filter((n) => n < g.number).at(-1);
    const next = numbers.find((n) => n > g.number);
    blocks.push({
      type: 'actions',
      actions: [
        ...(previous !== undefined
          ? [
              {
                kind: 'command' as const,
                label: ctx.t('goal.previous', { number: previous }),
                command: `delmal ${previous}`,
              },
            ]
          : []),
        { kind: 'command', label: ctx.t('goal.all'), command: 'delmal' },
        ...(next !== undefined
          ? [
              {
                kind: 'command' as const,
                label: ctx.t('goal.next', { number: next }),
                command: `delmal ${next}`,
              },
            ]
          : []),
      ],
    });
    return {
      summary: title,
      blocks,
      pagination:
        shown.pages > 1
          ? {
              page: shown.page,
              pages: shown.pages,
              label: ctx.t('page.label', { page: shown.page, pages: shown.pages }),
              previous:
                shown.page > 1
                  ? {
                      kind: 'command',
                      label: ctx.t('page.previous'),
                      command: `delmal ${g.number} sida ${shown.page - 1}`,
                    }
                  : undefined,
              next:
                shown.page < shown.pages
                  ? {
                      kind: 'command',
                      label: ctx.t('page.next'),
                      command: `delmal ${g.number} sida ${shown.page + 1}`,
                    }
                  : undefined,
            }
          : undefined,
    };
  },
});
