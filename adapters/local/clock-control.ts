import { z } from 'zod';
import type { Clock, SimulatedClock } from '../../src/clock.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { BodyError, readJson } from '../../src/server/body.js';
import { type HttpServer, sendJson } from '../../src/server/http-server.js';

/** What moving the playground's simulated time needs from the app. */
export interface ClockControl {
  readonly clock: SimulatedClock;
  /** One tick of the minute jobs (rounds, reminders, digests) at the clock's time. */
  tick(): Promise<void>;
  /** Sends what the tick queued (the outbox, drained). */
  deliver(): Promise<void>;
}

/**
 * How far apart the ticks are when time jumps: every schedule in the catalog is on the hour or
 * the quarter, so a prompt due at 09:00 goes out with the time 09:00, not at the end of the jump.
 */
const STEP_MS = 15 * 60 * 1000;

/** The longest jump at once: a week and a day (a Monday digest seen from the Sunday before). */
const MAX_MINUTES = 8 * 24 * 60;

const advanceSchema = z.strictObject({ minutes: z.int().min(1).max(MAX_MINUTES) });

/**
 * Moves `control.clock` forward by `minutes`, ticking at every quarter hour on the way and at the
 * end, delivering after each tick: what a week of `delmal serve` would have done, in order.
 * Returns the number of ticks.
 */
export async function advanceClock(control: ClockControl, minutes: number): Promise<number> {
  const target = control.clock.now().getTime() + minutes * 60_000;
  let ticks = 0;
  for (;;) {
    const now = control.clock.now().getTime();
    const nextStep = (Math.floor(now / STEP_MS) + 1) * STEP_MS;
    control.clock.advanceTo(new Date(Math.min(nextStep, target)));
    await control.tick();
    await control.deliver();
    ticks += 1;
    if (nextStep >= target) return ticks;
  }
}

/**
 * The playground's clock: `GET /playground/api/clock` says what time it is (simulated or not);
 * with a simulated clock, `POST /playground/api/clock {minutes}` moves it forward. One jump at a
 * time: a second waits for the first.
 */
export function registerClockRoutes(
  server: HttpServer,
  clock: Clock,
  control: ClockControl | undefined,
  t: Translate,
): void {
  let jumping: Promise<unknown> = Promise.resolve();
  server.route('GET', '/playground/api/clock', async (_req, res) => {
    sendJson(res, 200, { simulated: Boolean(control), now: clock.now() });
  });
  if (!control) return;
  server.route('POST', '/playground/api/clock', async (req, res) => {
    let body: unknown;
    try {
      body = await readJson(req, 1024);
    } catch (error) {
      if (error instanceof BodyError)
        return sendJson(res, error.status, { error: t('playground.badRequest') });
      throw error;
    }
    const parsed = advanceSchema.safeParse(body);
    if (!parsed.success) return sendJson(res, 400, { error: t('playground.clock.badJump') });
    const jump = jumping.then(() => advanceClock(control, parsed.data.minutes));
    jumping = jump.catch((error: unknown) => error);
    const ticks = await jump;
    sendJson(res, 200, { simulated: true, now: control.clock.now(), ticks });
  });
}
