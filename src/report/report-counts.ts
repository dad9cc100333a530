import type { StatusDefinition } from '../../db/model/catalog-schema.js';
import type { Locale } from '../i18n/i18n.js';
import type { ReportStatus, StatusCount } from './report-model.js';

/**
 * The order statuses are listed in everywhere in the report (counts, legends, tables): the plan's
 * own vocabulary order, then "no check-in" last, so every chart and sentence reads the same way.
 */
export function statusOrder(
  vocabulary: readonly StatusDefinition[],
  locale: Locale,
  noCheckIn: string,
): string[] {
  return [...vocabulary.map((s) => (locale === 'en' ? s.labelEn : s.label)), noCheckIn];
}

/** Counts statuses by label in `order`; labels outside it (another plan's vocabulary) come after. */
export function countInOrder(statuses: readonly ReportStatus[], order: readonly string[]): StatusCount[] {
  const counts = new Map<string, StatusCount>();
  for (const s of statuses) {
    const seen = counts.get(s.label);
    counts.set(s.label, seen ? { ...seen, count: seen.count + 1 } : { ...s, count: 1 });
  }
  const rank = (label: string) => {
    const i = order.indexOf(label);
    return i === -1 ? order.length : i;
  };
  return [...counts.values()].sort((a, b) => rank(a.label) - rank(b.label));
}
