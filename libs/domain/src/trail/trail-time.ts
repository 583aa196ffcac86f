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

/**
 * The part of [from, until] that lies past the deadline in force at each instant. The span is cut where a
 * deadline changes: an extension granted after the old deadline had passed does not erase the days already
 * overdue, it only stops the count until the new deadline.
 */
export function overdueMs(from: number, until: number, steps: readonly DeadlineStep[]): number {
  if (!(until > from)) return 0;
  const cuts = [from, ...steps.map((s) => s.at).filter((t) => t > from && t < until), until].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const deadline = deadlineInForceAt(start, steps);
    if (deadline !== undefined) total += spanMs(Math.max(start, deadline), end);
  }
  return total;
}

/** The latest step in force at `t`; steps are in event order, so the last one at a given instant wins. */
function deadlineInForceAt(t: number, steps: readonly DeadlineStep[]): number | undefined {
  let deadline: number | undefined;
  for (const step of steps) if (step.at <= t && Number.isFinite(step.deadline)) deadline = step.deadline;
  return deadline;
}

/** Half up to 2 decimals; never -0, which would not equal 0 in tests or read well in JSON. */
function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}
