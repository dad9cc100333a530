/**
 * Fitting a rendered reply into a platform's size budget. Renderers turn each neutral block into
 * one or more `Part`s (a Slack block, an Adaptive Card element …) with a cost; `fitParts` keeps as
 * many as fit, always keeps the parts a user needs to move on (buttons, paging), and puts a
 * "… and N more" notice where content had to be left out, so nothing disappears silently.
 */

/** What a part costs against the budget: `units` (e.g. Slack blocks) and `size` (characters or bytes). */
interface Cost {
  readonly units: number;
  readonly size: number;
}

export interface Part<T> {
  /** The rendered output of this part, in order. */
  readonly output: readonly T[];
  readonly cost: Cost;
  /**
   * Kept whenever it fits, even after content had to stop: action buttons and paging are how the
   * user gets to what was left out, so they are never sacrificed for more list items.
   */
  readonly essential?: boolean;
  /** How many things the user loses when this part is left out (list items, texts); 0 for decoration. */
  readonly counts: number;
  /** Only show this part when the next one fits too, e.g. a list heading without any item. */
  readonly keepWithNext?: boolean;
}

export interface Budget {
  readonly units: number;
  readonly size: number;
}

/** Sums the cost of `parts`. */
function totalCost<T>(parts: readonly Part<T>[]): Cost {
  return parts.reduce((sum, part) => add(sum, part.cost), { units: 0, size: 0 });
}

function add(a: Cost, b: Cost): Cost {
  return { units: a.units + b.units, size: a.size + b.size };
}

function within(cost: Cost, budget: Budget): boolean {
  return cost.units <= budget.units && cost.size <= budget.size;
}

/**
 * Returns the output of the parts that fit into `budget` (which must already exclude any fixed
 * overhead). When something is left out, `notice(count)` is inserted where the first content was
 * dropped; its cost is reserved up front so that the notice itself always fits.
 */
export function fitParts<T>(
  parts: readonly Part<T>[],
  budget: Budget,
  notice: (count: number) => Part<T>,
): T[] {
  if (within(totalCost(parts), budget)) return parts.flatMap((part) => part.output);

  const maxCount = parts.reduce((sum, part) => sum + part.counts, 0);
  // Reserve room for every essential part still to come and for the notice, so content never crowds them out.
  let reserved = add(notice(maxCount).cost, totalCost(parts.filter((part) => part.essential)));
  let used: Cost = { units: 0, size: 0 };
  const kept: T[][] = [];
  let noticeAt: number | undefined;
  let dropped = 0;
  let stopped = false;

  parts.forEach((part, index) => {
    if (part.essential) {
      reserved = subtract(reserved, part.cost);
      if (within(add(used, add(part.cost, reserved)), budget)) {
        kept.push([...part.output]);
        used = add(used, part.cost);
      } else {
        dropped += part.counts;
        noticeAt ??= kept.length;
      }
      return;
    }
    const next = parts[index + 1];
    const needed = part.keepWithNext && next && !next.essential ? add(part.cost, next.cost) : part.cost;
    if (!stopped && within(add(used, add(needed, reserved)), budget)) {
      kept.push([...part.output]);
      used = add(used, part.cost);
      return;
    }
    // Once content stops, later content stops too: showing item 40 after dropping item 12 would mislead.
    stopped = true;
    dropped += part.counts;
    noticeAt ??= kept.length;
  });

  if (dropped > 0) kept.splice(noticeAt ?? kept.length, 0, [...notice(dropped).output]);
  return kept.flat();
}

function subtract(a: Cost, b: Cost): Cost {
  return { units: a.units - b.units, size: a.size - b.size };
}
