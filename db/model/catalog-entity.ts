/** The kinds of entity a catalog holds, as named in diffs and dry-run output. */
export type EntityKind =
  | 'rus'
  | 'overallGoal'
  | 'effectGoal'
  | 'interventionLevel'
  | 'plan'
  | 'focusArea'
  | 'goal'
  | 'followUp'
  | 'activityArea'
  | 'activity'
  | 'person'
  | 'network'
  | 'schedule';

/** One key per catalog entity, unique across kinds: how diffs and imports name what changed. */
export const entityKey = (kind: EntityKind, id: string) => `${kind}:${id}`;
