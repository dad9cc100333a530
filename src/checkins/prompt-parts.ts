import type { CheckInPromptMessage, PromptActivity } from './prompt-message.js';

/**
 * At most this many activities in one message. Eight keep a prompt short enough to read on a
 * phone and answer in a minute; an owner with more gets the prompt in parts ("del 1 av 2").
 */
const ACTIVITIES_PER_MESSAGE = 8;

/**
 * How much one message may carry, in weight units (see {@link activityWeight}). Calibrated so
 * that a message within it stays inside every platform's limit with room to spare: Slack's 50
 * blocks and ~12,000 characters, Teams' ~25 KB card. `tests/unit/checkins/prompt-parts.test.ts`
 * renders the heaviest shapes (500-character names, ten 75-character statuses) to prove it.
 */
const MESSAGE_WEIGHT = 7_500;

/**
 * A platform-neutral estimate of what an activity costs in a rendered message: its name and
 * context once, each status twice (the one-tap button and the form's button) with its command,
 * and the form's inputs.
 */
function activityWeight(activity: PromptActivity): number {
  const statuses = activity.statuses.reduce(
    (sum, s) => sum + 2 * Math.max(s.label.length, s.labelEn.length) + 60,
    0,
  );
  return activity.name.length + (activity.context?.length ?? 0) + statuses + 450;
}

/**
 * Splits one owner's prompt into as few messages as the limits allow, never dropping an activity:
 * the parts are contiguous and as even as possible (13 → 7 + 6, not 8 + 5), and each carries
 * `part` so it can say which part it is and where its activities sit among all of them. A prompt
 * that fits one message is returned as it is, without `part`.
 */
export function splitPrompt(message: CheckInPromptMessage): CheckInPromptMessage[] {
  const { activities } = message;
  const total = activities.length;
  let count = Math.max(1, Math.ceil(total / ACTIVITIES_PER_MESSAGE));
  for (;;) {
    const parts = evenParts(activities, count);
    const fits = parts.every((p) => p.length === 1 || weightOf(p) <= MESSAGE_WEIGHT);
    if (fits || count >= total) {
      if (parts.length === 1) return [message];
      let first = 1;
      return parts.map((part, i) => {
        const split: CheckInPromptMessage = {
          ...message,
          activities: part,
          part: { index: i + 1, count: parts.length, first, total },
        };
        first += part.length;
        return split;
      });
    }
    count++;
  }
}

function weightOf(activities: readonly PromptActivity[]): number {
  return activities.reduce((sum, a) => sum + activityWeight(a), 0);
}

/** `items` in `count` contiguous parts whose sizes differ by at most one, the larger first. */
function evenParts<T>(items: readonly T[], count: number): T[][] {
  const parts: T[][] = [];
  const base = Math.floor(items.length / count);
  const extra = items.length % count;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < extra ? 1 : 0);
    if (size > 0) parts.push(items.slice(at, at + size));
    at += size;
  }
  return parts;
}
