import type { Activity } from '../db/model/catalog-schema.js';
import type { CommandContext } from '../src/asking/command.js';
import type { CatalogView } from '../src/catalog/catalog-view.js';
import { parseGoalReference } from '../src/chat/words.js';
import { fold } from '../src/search/text-processing.js';

/** What a question is about, found in the catalog: one activity, a delmål, an insatsområde, or search hits. */
export type Subject =
  | { readonly kind: 'activity'; readonly title: string; readonly activities: readonly Activity[] }
  | { readonly kind: 'goal'; readonly title: string; readonly activities: readonly Activity[] }
  | { readonly kind: 'focusArea'; readonly title: string; readonly activities: readonly Activity[] }
  | { readonly kind: 'search'; readonly title: string; readonly activities: readonly Activity[] };

const bare = (name: string) =>
  fold(name.replace(/\([^)]*\)/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/** The activity a name or id stands for: "CROSS", "cross", "BISAM", "dans för hälsa". */
function activityNamed(view: CatalogView, text: string): Activity | undefined {
  const wanted = fold(text).trim();
  const all = [...view.activities.values()];
  return (
    view.activities.get(wanted) ??
    all.find((a) => fold(a.name) === wanted) ??
    all.find((a) => bare(a.name) === wanted) ??
    all.find((a) => [...a.name.matchAll(/\(([^)]*)\)/g)].some((m) => fold(m[1] ?? '') === wanted))
  );
}

function activitiesOfFocusArea(view: CatalogView, id: string): Activity[] {
  const goals = new Set(
    [...view.goals.values()].filter((g) => g.goal.focusArea === id).map((g) => g.goal.id),
  );
  return [...view.activities.values()].filter(
    (a) => a.focusAreas.includes(id) || a.goals.some((g) => goals.has(g)),
  );
}

/**
 * Finds what a question is about: a delmål ("delmål 7"), an activity by name, an insatsområde by its
 * title, and otherwise the activities search finds for the words (at most `limit`).
 */
export function findSubject(ctx: CommandContext, text: string, limit = 5): Subject | undefined {
  const { view, search } = ctx.catalog;
  const ref = parseGoalReference(text);
  const goal = ref && ref.rest === '' ? view.goalByNumber(ref.number) : undefined;
  if (goal)
    return {
      kind: 'goal',
      title: `${goal.plan.goalTerm} ${goal.goal.number}: ${goal.goal.title}`,
      activities: view.activitiesOfGoal(goal.goal.id),
    };
  const activity = activityNamed(view, text);
  if (activity) return { kind: 'activity', title: activity.name, activities: [activity] };
  const wanted = bare(text);
  const area = [...view.focusAreas.values()].find(
    (f) => (f.plan === undefined || f.plan.current) && bare(f.area.title) === wanted,
  );
  if (area)
    return {
      kind: 'focusArea',
      title: area.area.title,
      activities: activitiesOfFocusArea(view, area.area.id),
    };
  const ids: string[] = [];
  for (const hit of search.search(text, { kinds: ['activity', 'note'], limit: limit * 2 }))
    if (!ids.includes(hit.refId)) ids.push(hit.refId);
  const activities = ids
    .slice(0, limit)
    .map((id) => view.activities.get(id))
    .filter((a): a is Activity => a !== undefined);
  return activities.length > 0 ? { kind: 'search', title: text, activities } : undefined;
}
