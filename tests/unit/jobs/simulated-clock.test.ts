import { describe, expect, it } from 'vitest';
import { advanceClock, type ClockControl } from '../../../adapters/local/clock-control.js';
import { fixedClock, isSimulated, simulatedClock, systemClock } from '../../../src/clock.js';

describe('the simulated clock (delmal serve --clock)', () => {
  it('starts where it is told, runs on with the wall clock and moves only forward', () => {
    const wall = fixedClock('2026-12-06T12:00:00Z');
    const clock = simulatedClock(new Date('2026-12-15T08:55:00+01:00'), wall);
    expect(clock.now().toISOString()).toBe('2026-12-15T07:55:00.000Z');
    wall.set('2026-12-06T12:01:30Z');
    expect(clock.now().toISOString()).toBe('2026-12-15T07:56:30.000Z');
    clock.advanceTo(new Date('2026-12-17T08:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-12-17T08:00:00.000Z');
    // Back in time would reopen claimed slots: refused, the clock stays.
    clock.advanceTo(new Date('2026-12-15T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-12-17T08:00:00.000Z');
    expect([isSimulated(clock), isSimulated(systemClock), isSimulated(wall)]).toEqual([true, false, false]);
  });

  it('a jump ticks at every quarter hour on the way and at its end, delivering after each tick', async () => {
    const clock = simulatedClock(new Date('2026-12-15T08:55:00+01:00'), fixedClock('2026-12-06T12:00:00Z'));
    const seen: string[] = [];
    const control: ClockControl = {
      clock,
      tick: async () => {
        seen.push(`tick ${clock.now().toISOString().slice(11, 16)}`);
      },
      deliver: async () => {
        seen.push('deliver');
      },
    };
    expect(await advanceClock(control, 40)).toBe(4);
    expect(seen).toEqual([
      'tick 08:00',
      'deliver',
      'tick 08:15',
      'deliver',
      'tick 08:30',
      'deliver',
      'tick 08:35',
      'deliver',
    ]);
  });
});
