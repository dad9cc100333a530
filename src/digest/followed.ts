import type { Activity, Network } from '../../db/model/catalog-schema.js';
import type { CatalogView } from '../catalog/catalog-view.js';

/** One delmål or insatsområde a network follows, with the activities that serve it. */
export interface FollowedArea {
  readonly kind: 'goal' | 'focusArea';
  readonly id: string;
  readonly number?: number;
  readonly title: string;
  /** One of the follow-up report's common insatsområden. */
  readonly followUp?: boolean;
  readonly activities: readonly Activity[];
}

/**
 * What a network follows: each delmål it names (its linked activities) and each insatsområde
 * (activities linked to it directly, or through one of its delmål). Unknown ids are left out.
 */
export function followedAreas(view: CatalogView, network: Network): readonly FollowedArea[] {
  // Per catalog revision (the view) and network: a digest and its data read ask twice.
  const cached = followedCache.get(view)?.get(network);
  if (cached) return cached;
  const areas: FollowedArea[] = [];
  for (const id of network.goals) {
    const entry = view.goals.get(id);
    if (entry)
      areas.push({
        kind: 'goal',
        id,
        number: entry.goal.number,
        title: entry.goal.title,
        activities: view.activitiesOfGoal(id),
      });
  }
  for (const id of network.focusAreas) {
    const entry = view.focusAreas.get(id);
    if (!entry) continue;
    const goals = new Set(
      [...view.goals.values()].filter((g) => g.goal.focusArea === id).map((g) => g.goal.id),
    );
    const activities = view.catalog.activities.filter(
      (a) => a.focusAreas.includes(id) || a.goals.some((g) => goals.has(g)),
    );
    areas.push({
      kind: 'focusArea',
      id,
      title: entry.area.title,
      ...(entry.plan ? {} : { followUp: true }),
      activities,
    });
  }
  const byNetwork = followedCache.get(view) ?? new WeakMap<Network, readonly FollowedArea[]>();
  byNetwork.set(network, areas);
  followedCache.set(view, byNetwork);
  return areas;
}

const followedCache = new WeakMap<CatalogView, WeakMap<Network, readonly FollowedArea[]>>();

/** Every activity a network follows, once each, in catalog order. */
export function followedActivities(areas: readonly FollowedArea[]): Activity[] {
  const seen = new Map<string, Activity>();
  for (const area of areas) for (const a of area.activities) seen.set(a.id, a);
  return [...seen.values()];
}
