/**
 * Time arithmetic of the trail. Times are ISO strings with offsets, so they are compared as instants
 * (Date.parse), never as strings: '2026-03-01T00:30:00+08:00' is before '2026-02-28T17:00:00Z'.
 * Nothing here throws: an unreadable time yields NaN and every span touching it counts as 0.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function instant(iso: string): number {
  return Date.parse(iso);
}

/** Hours to 2 decimals, half up (36-second resolution); null when either time cannot be read. */
export function hoursBetween(from: string, to: string): number | null {
  const ms = instant(to) - instant(from);
  return Number.isFinite(ms) ? round2(ms / HOUR_MS) : null;
}

/** Whole milliseconds to days, 2 decimals, half up. */
export function msToDays(ms: number): number {
  return round2(ms / DAY_MS);
}

export function hoursToMs(hours: number): number {
  return hours * HOUR_MS;
}

/** Length of [from, to] in ms; 0 when it is empty, reversed or unreadable. */
export function spanMs(from: number, to: number): number {
  const ms = to - from;
  return ms > 0 ? ms : 0;
}

/** A deadline coming into force at `at` (an assignment or a granted extension). */
export interface DeadlineStep {
  readonly at: number;
  readonly deadline: number;
}

/** Half up to 2 decimals; never -0, which would not equal 0 in tests or read well in JSON. */
function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}
