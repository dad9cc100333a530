import type { Context } from '@slack/bolt';

/**
 * The name under which `SlackHttpReceiver` hands an Events API request's "its effect is stored"
 * signal to the listeners (Bolt copies a receiver event's `customProperties` into `context`).
 */
export const EVENT_STORED = 'delmalEventStored';

/**
 * The signal a listener calls once what the event asks for is committed (the receipt and the
 * answer's outbox item): Slack's 200 goes out then, not before, since Slack never sends an
 * acknowledged event again. A no-op where nothing waits for it (Socket Mode).
 */
export function eventStored(context: Context): () => void {
  const signal: unknown = context[EVENT_STORED];
  return typeof signal === 'function' ? (signal as () => void) : () => {};
}
