import type { Catalog } from '../../db/model/catalog-schema.js';

/** Replaces items with the same key and appends new ones, keeping the existing order. */
function mergeById<T>(current: readonly T[], incoming: readonly T[], key: (item: T) => string): T[] {
  const result = [...current];
  const index = new Map(result.map((item, i) => [key(item), i]));
  for (const item of incoming) {
    const at = index.get(key(item));
    if (at === undefined) {
      index.set(key(item), result.length);
      result.push(item);
    } else {
      result[at] = item;
    }
  }
  return result;
}

const byId = <T extends { id: string }>(item: T) => item.id;

/**
 * Merges an imported catalog into the current one. Imports add and update; they never delete,
 * because check-ins and history hang on every entity. A plan marked `current` in the import
 * becomes the only current plan.
 */
export function mergeCatalog(current: Catalog, incoming: Catalog): Catalog {
  const incomingCurrent = incoming.plans.find((p) => p.current)?.id;
  const plans = mergeById(current.plans, incoming.plans, byId).map((plan) => {
    const before = current.plans.find((p) => p.id === plan.id);
    const merged =
      before && before !== plan && incoming.plans.includes(plan)
        ? {
            ...plan,
            statuses: plan.statuses.length > 0 ? plan.statuses : before.statuses,
            effectGoals: plan.effectGoals.length > 0 ? plan.effectGoals : before.effectGoals,
            focusAreas: mergeById(before.focusAreas, plan.focusAreas, byId),
            goals: mergeById(before.goals, plan.goals, byId),
          }
        : plan;
    return incomingCurrent ? { ...merged, current: merged.id === incomingCurrent } : merged;
  });
  const followUp =
    current.followUp && incoming.followUp && current.followUp.id === incoming.followUp.id
      ? {
          ...incoming.followUp,
          focusAreas: mergeById(current.followUp.focusAreas, incoming.followUp.focusAreas, byId).map(
            (area) => {
              const before = current.followUp?.focusAreas.find((f) => f.id === area.id);
              return before && before !== area
                ? { ...area, activityAreas: mergeById(before.activityAreas, area.activityAreas, byId) }
                : area;
            },
          ),
        }
      : (incoming.followUp ?? current.followUp);
  const rus =
    current.rus && incoming.rus && current.rus.id === incoming.rus.id
      ? {
          ...incoming.rus,
          overallGoals: mergeById(current.rus.overallGoals, incoming.rus.overallGoals, byId),
          effectGoals: mergeById(current.rus.effectGoals, incoming.rus.effectGoals, byId),
        }
      : (incoming.rus ?? current.rus);
  return {
    format: incoming.format,
    version: incoming.version ?? current.version,
    description: incoming.description ?? current.description,
    rus,
    interventionLevels: mergeById(current.interventionLevels, incoming.interventionLevels, byId),
    plans,
    followUp,
    activities: mergeById(current.activities, incoming.activities, byId),
    people: mergeById(current.people, incoming.people, (p) => p.email),
    networks: mergeById(current.networks, incoming.networks, byId).map((network) => {
      // A file that does not name a network's channels or digest time keeps what is stored
      // (channels are usually bound in chat, not in the file).
      const before = current.networks.find((n) => n.id === network.id);
      if (!before || before === network) return network;
      return {
        ...network,
        channels: network.channels ?? before.channels,
        digest: network.digest ?? before.digest,
      };
    }),
    schedules: mergeById(current.schedules, incoming.schedules, byId),
  };
}
