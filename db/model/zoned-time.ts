import type { LocalDate } from './local-date.js';

/**
 * Wall-clock time in an IANA zone ⇄ UTC instants, with plain `Intl` (no Temporal, no library).
 * The rules at DST changes are fixed and tested:
 * - a wall time that does not exist (spring forward: 02:30 on 2027-03-28 in Stockholm) runs at
 *   the first minute that exists after the gap (03:00) — the prompt goes out as soon as it can,
 *   never an hour late and never on the previous day;
 * - a wall time that occurs twice (fall back: 02:30 on 2026-10-25) means its FIRST occurrence
 *   (summer time), so a slot maps to exactly one instant and runs once.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and HH:MM of `instant` in `timeZone`. */
export function toLocal(instant: Date, timeZone: string): { date: LocalDate; time: string } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * `instant` as people in `timeZone` read it, with its offset so nobody wonders whether it is UTC:
 * "2026-12-15 09:00:30 +01:00" (summer: "+02:00"). For the command line and operators' output.
 */
export function localTimestamp(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const offset = offsetMinutes(instant.getTime(), timeZone);
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${zone}`;
}

/** Minutes east of UTC in `timeZone` at `ms`. */
function offsetMinutes(ms: number, timeZone: string): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a 24-hour wall time written HH:MM. */
export function isWallTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The UTC instant of wall time `time` (HH:MM) on `date` in `timeZone`; see the module comment
 * for the two DST rules.
 */
export function toUtc(date: LocalDate, time: string, timeZone: string): Date {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`not a wall time: ${time}`);
  const wall = Date.parse(`${date}T00:00:00Z`) + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  // The offsets in force a day either side cover every real zone's transitions (at most one a day).
  const candidates = [
    ...new Set([offsetMinutes(wall - 86_400_000, timeZone), offsetMinutes(wall + 86_400_000, timeZone)]),
  ]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => ms - (wall - offsetMinutes(ms, timeZone) * 60_000) === 0)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // In the gap: the first existing minute after it is where the later offset's clock starts.
  const before = offsetMinutes(wall - 86_400_000, timeZone);
  const after = offsetMinutes(wall + 86_400_000, timeZone);
  const transition = wall - before * 60_000; // an instant just past the change
  let lo = transition - (after - before) * 60_000 * 2;
  let hi = transition;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
    if (offsetMinutes(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
