/** The source of "now". Domain code takes a Clock so tests can walk time (DST, holidays, restarts). */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set; tests move it explicitly. */
export function fixedClock(start: Date | string): Clock & { set(to: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
  };
}

/**
 * A clock that runs on from `start` at the wall clock's pace and can be moved forward: the
 * playground's simulated time (`delmal serve --clock`), in which a week of rounds, reminders and
 * digests can be watched in minutes. Local and test environments only.
 */
export interface SimulatedClock extends Clock {
  readonly simulated: true;
  /** Moves time forward to `to` (never back: claimed slots and sent prompts stay in the past). */
  advanceTo(to: Date): Date;
}

/** A {@link SimulatedClock} starting at `start`; `wall` is the real clock it runs on (tests pass a fixed one). */
export function simulatedClock(start: Date, wall: Clock = systemClock): SimulatedClock {
  let offset = start.getTime() - wall.now().getTime();
  const now = () => new Date(wall.now().getTime() + offset);
  return {
    simulated: true,
    now,
    advanceTo: (to) => {
      const current = now();
      if (to.getTime() > current.getTime()) offset += to.getTime() - current.getTime();
      return now();
    },
  };
}

/** Whether `clock` can be moved forward (a {@link SimulatedClock}). */
export function isSimulated(clock: Clock): clock is SimulatedClock {
  return (clock as Partial<SimulatedClock>).simulated === true;
}
