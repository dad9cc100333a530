import type { ActivityStatus } from './status.js';
import type { StatusBadge } from './status-badge.js';

/** How many activities have one status. */
export interface StatusCount extends StatusBadge {
  readonly code: string | undefined;
  readonly count: number;
}

/**
 * Counts statuses by label, active ones first and the worst of those first, so a reader's eye
 * lands on risks before the quiet majority.
 */
export function countStatuses(statuses: readonly ActivityStatus[]): StatusCount[] {
  const counts = new Map<string, { count: StatusCount; severity: number; active: boolean }>();
  for (const s of statuses) {
    const seen = counts.get(s.badge.label);
    if (seen) seen.count = { ...seen.count, count: seen.count.count + 1 };
    else
      counts.set(s.badge.label, {
        count: { code: s.code, label: s.badge.label, tone: s.badge.tone, count: 1 },
        severity: s.severity,
        active: s.active,
      });
  }
  return [...counts.values()]
    .sort((a, b) => Number(b.active) - Number(a.active) || b.severity - a.severity)
    .map((entry) => entry.count);
}
