import { z } from 'zod';
import { type CommandContext, defineCommand } from '../src/asking/command.js';
import { rollUp } from '../src/catalog/status.js';
import type { Block, Reply } from '../src/chat/reply.js';
import { statusOf } from './activity-items.js';

/** `delmal` — every delmål of the current plan, grouped by insatsområde, each with its roll-up. */
export const listGoals = defineCommand({
  name: 'list',
  words: ['lista', 'list', 'alla', 'all'],
  summary: 'cmd.list.summary',
  readOnly: true,
  examples: ['delmal'],
  args: z.object({}),
  toArgs: () => ({}),
  run: (ctx) => goalOverview(ctx),
});

/** The overview, also used when someone asks for a goal number that does not exist. */
export function goalOverview(ctx: CommandContext, intro?: string): Reply {
  const { view } = ctx.catalog;
  const plan = view.currentPlan;
  if (!plan)
    return { summary: ctx.t('goals.noPlan'), blocks: [{ type: 'text', text: ctx.t('goals.noPlan') }] };
  const blocks: Block[] = [
    { type: 'heading', text: `${plan.name} ${plan.periodStart}–${plan.periodEnd ?? ''}` },
  ];
  if (intro) blocks.push({ type: 'text', text: intro });
  for (const area of plan.focusAreas) {
    const goals = view.currentGoals().filter((g) => g.focusArea === area.id);
    if (goals.length === 0) continue;
    blocks.push({
      type: 'list',
      heading: area.title,
      items: goals.map((goal) => {
        const activities = view.activitiesOfGoal(goal.id);
        const statuses = activities.map((a) => statusOf(ctx, a));
        return {
          title: ctx.t('goal.title', {
            term: capitalise(plan.goalTerm),
            number: goal.number,
            title: goal.title,
          }),
          status: rollUp(statuses, ctx.t),
          detail: ctx.t('goals.itemDetail', { count: activities.length }),
          action: {
            kind: 'command',
            label: ctx.t('goals.open', { number: goal.number }),
            command: `delmal ${goal.number}`,
          },
        };
      }),
    });
  }
  blocks.push({ type: 'context', text: ctx.t('goals.hint') });
  return { summary: ctx.t('goals.summary', { count: plan.goals.length, plan: plan.name }), blocks };
}

export function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('sv') + word.slice(1);
}
