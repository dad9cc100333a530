import type { DigestSection } from './digest-message.js';

/**
 * The sections with each update only under the first section that lists it (delmål come before
 * insatsområden), and without the sections left empty: a check-in is reported once.
 */
export function uniqueUpdates(sections: readonly DigestSection[]): DigestSection[] {
  const seen = new Set<string>();
  return sections
    .map((s) => ({
      ...s,
      updates: s.updates.filter((u) => {
        const key = `${u.activityId}/${u.at}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    }))
    .filter((s) => s.updates.length > 0);
}
