import { z } from 'zod';
import type { Activity } from '../db/model/catalog-schema.js';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import { rollUp } from '../src/catalog/status.js';
import { countStatuses } from '../src/catalog/status-counts.js';
import type { Block, ListItem, Reply } from '../src/chat/reply.js';
import { parseGoalReference } from '../src/chat/words.js';
import { fold } from '../src/search/text-processing.js';
import { activityItem, statusOf } from './activity-items.js';
import { capitalise } from './list-goals.js';

/** Activities listed under "needs attention" before the reply points to the full list. */
const ATTENTION_LIMIT = 10;

/** A group of activities that rolls up: one delmål or one insatsområde. */
interface Group {
  readonly title: string;
  readonly activities: readonly Activity[];
  readonly open?: string;
}

/**
 * `delmal status [delmål|insatsområde]` — roll-ups: a delmål or insatsområde is as weak as its
 * weakest active activity, shown with how many activities have each status. Without an argument,
 * every delmål of the current plan and every common insatsområde of the follow-up.
 */
export const status = defineCommand({
  name: 'status',
  words: ['status', 'lage', 'laget', 'rollup'],
  summary: 'cmd.status.summary',
  readOnly: true,
  examples: ['delmal status', 'delmal status 5', 'delmal status psykisk halsa'],
  args: z.object({
    target: z.string().trim().default('').meta({ placeholder: 'arg.statusTarget', optional: true }),
  }),
  toArgs: (rest) => ({ target: rest }),
  run: (ctx, { target }): Reply => {
    if (target === '') return overview(ctx);
    const goal = parseGoalReference(target);
    if (goal && goal.rest === '') {
      const entry = ctx.catalog.view.goalByNumber(goal.number);
      if (entry) return groupReply(ctx, goalGroup(ctx, entry.goal.id), 'goal');
    }
    const matches = focusAreaGroups(ctx).filter((g) => matchesFocusArea(g, target));
    const [only] = matches;
    if (matches.length === 1 && only) return groupReply(ctx, only.group, 'focusArea');
    if (matches.length > 1)
      return {
        summary: ctx.t('status.pick', { value: target }),
        blocks: [
          { type: 'text', text: ctx.t('status.pick', { value: target }) },
          { type: 'list', items: matches.map((m) => groupItem(ctx, m.group)) },
        ],
      };
    const unknown = overview(ctx);
    return {
      summary: ctx.t('status.notFound', { value: target }),
      blocks: [{ type: 'text', text: ctx.t('status.notFound', { value: target }) }, ...unknown.blocks],
    };
  },
});

function goalGroup(ctx: CommandContext, goalId: string): Group {
  const { view } = ctx.catalog;
  const entry = view.goals.get(goalId);
  const term = capitalise(entry?.plan.goalTerm ?? 'delmål');
  return {
    title: ctx.t('goal.title', { term, number: entry?.goal.number ?? 0, title: entry?.goal.title ?? '' }),
    activities: view.activitiesOfGoal(goalId),
    open: `delmal status ${entry?.goal.number ?? ''}`,
  };
}

/** The current plan's insatsområden (through their delmål) and the follow-up's common ones. */
function focusAreaGroups(ctx: CommandContext): { id: string; group: Group }[] {
  const { view } = ctx.catalog;
  const planAreas = (view.currentPlan?.focusAreas ?? []).map((area) => ({
    id: area.id,
    group: {
      title: area.title,
      activities: unique(
        view
          .currentGoals()
          .filter((g) => g.focusArea === area.id)
          .flatMap((g) => view.activitiesOfGoal(g.id)),
      ),
      open: `delmal status ${area.id}`,
    },
  }));
  const common = (view.catalog.followUp?.focusAreas ?? []).map((area) => ({
    id: area.id,
    group: {
      title: area.title,
      activities: view.catalog.activities.filter((a) => a.focusAreas.includes(area.id)),
      open: `delmal status ${area.id}`,
    },
  }));
  return [...planAreas, ...common];
}

function matchesFocusArea(candidate: { id: string; group: Group }, target: string): boolean {
  const wanted = fold(target).replace(/^insatsomrade\s+/, '');
  if (candidate.id === target.toLowerCase()) return true;
  return wanted.length >= 3 && fold(candidate.group.title).includes(wanted);
}

const unique = (activities: readonly Activity[]) => [...new Map(activities.map((a) => [a.id, a])).values()];

function countsLine(ctx: CommandContext, activities: readonly Activity[]): string {
  const counts = countStatuses(activities.map((a) => statusOf(ctx, a)));
  if (counts.length === 0) return ctx.t('status.noActivitiesLinked');
  return counts.map((c) => `${c.count} ${c.label}`).join(' · ');
}

function groupItem(ctx: CommandContext, group: Group): ListItem {
  return {
    title: group.title,
    status: rollUp(
      group.activities.map((a) => statusOf(ctx, a)),
      ctx.t,
    ),
    detail: countsLine(ctx, group.activities),
    ...(group.open ? { action: { kind: 'command', label: ctx.t('status.open'), command: group.open } } : {}),
  };
}

function overview(ctx: CommandContext): Reply {
  const { view } = ctx.catalog;
  const plan = view.currentPlan;
  if (!plan)
    return { summary: ctx.t('goals.noPlan'), blocks: [{ type: 'text', text: ctx.t('goals.noPlan') }] };
  const goals = view.currentGoals();
  const blocks: Block[] = [{ type: 'heading', text: ctx.t('status.overview.heading', { plan: plan.name }) }];
  for (const area of plan.focusAreas) {
    const own = goals.filter((g) => g.focusArea === area.id);
    if (own.length > 0)
      blocks.push({
        type: 'list',
        heading: area.title,
        items: own.map((g) => groupItem(ctx, goalGroup(ctx, g.id))),
      });
  }
  const common = (view.catalog.followUp?.focusAreas ?? []).map((area) => ({
    title: `${area.number}. ${area.title}`,
    activities: view.catalog.activities.filter((a) => a.focusAreas.includes(area.id)),
    open: `delmal status ${area.id}`,
  }));
  if (common.length > 0)
    blocks.push({
      type: 'list',
      heading: ctx.t('status.commonFocusAreas'),
      items: common.map((g) => groupItem(ctx, g)),
    });
  blocks.push({ type: 'context', text: ctx.t('status.hint') });
  return { summary: ctx.t('status.overview.summary', { count: goals.length, plan: plan.name }), blocks };
}

function groupReply(ctx: CommandContext, group: Group, kind: 'goal' | 'focusArea'): Reply {
  const statuses = group.activities.map((a) => statusOf(ctx, a));
  const rolled = rollUp(statuses, ctx.t);
  const heading =
    kind === 'goal'
      ? ctx.t('status.goal.heading', { goal: group.title })
      : ctx.t('status.focusArea.heading', { title: group.title });
  const attention = group.activities
    .map((a, i) => ({ a, s: statuses[i] }))
    .filter(({ s }) => s?.active && s.severity > 0)
    .sort((x, y) => (y.s?.severity ?? 0) - (x.s?.severity ?? 0));
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    {
      type: 'fields',
      fields: [
        { label: ctx.t('status.rollUp'), value: rolled.label },
        { label: ctx.t('status.counts'), value: countsLine(ctx, group.activities) },
      ],
    },
    attention.length === 0
      ? { type: 'text', text: ctx.t('status.noneNeedsAttention') }
      : {
          type: 'list',
          heading: ctx.t('status.needsAttention'),
          items: attention.slice(0, ATTENTION_LIMIT).map(({ a }) => activityItem(ctx, a)),
        },
    { type: 'context', text: ctx.t('status.hint') },
    { type: 'actions', actions: [{ kind: 'command', label: ctx.t('status.all'), command: 'delmal status' }] },
  ];
  return { summary: `${heading}: ${rolled.label}`, blocks };
}
