import { DeadlineStep, spanMs } from '../trail-time';

/**
 * The trail's first overdue count, kept as the oracle DeadlineSchedule is checked against: plainly correct
 * and quadratic. The span is cut where a deadline changes: an extension granted after the old deadline had
 * passed does not erase the days already overdue, it only stops the count until the new deadline.
 */
export function overdueByCuts(from: number, until: number, steps: readonly DeadlineStep[]): number {
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
