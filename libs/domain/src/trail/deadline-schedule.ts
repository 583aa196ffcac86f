import { DeadlineStep, spanMs } from './trail-time';

/**
 * The deadline in force over time within one cycle, as a step function, built once so that the overdue part of
 * every responsibility span is found in O(log steps) rather than by re-scanning every step for every cut of
 * every span (a cycle with many reassignments has as many spans as deadlines, which made the trail cubic).
 *
 * Rules (those of the trail, unchanged): a step is in force from its `at` on, inclusively; among the steps in
 * force at an instant the one latest in event order wins, even if its `at` is earlier than another's (clocks of
 * a replayed history need not be monotonic); a step whose time or deadline cannot be read never takes force.
 * The overdue part of [from, until] is the measure of the instants t in it with t ≥ the deadline in force at t.
 * All values are whole milliseconds, so sums are exact and equal to those of cutting the span at each step.
 */
export class DeadlineSchedule {
  /** Piece k covers [starts[k], starts[k + 1]) (the last one runs on forever) with deadline deadlines[k]. */
  private readonly starts: number[] = [];
  private readonly deadlines: number[] = [];
  /** before[k]: the overdue measure of the whole pieces 0 … k − 1 (the last, unbounded piece is never whole). */
  private readonly before: number[] = [0];

  constructor(steps: readonly DeadlineStep[]) {
    const readable = steps
      .map((step, order) => ({ ...step, order }))
      .filter((s) => Number.isFinite(s.at) && Number.isFinite(s.deadline))
      .sort((a, b) => a.at - b.at || a.order - b.order);
    let winner: (typeof readable)[number] | undefined;
    for (let i = 0; i < readable.length; i++) {
      const step = readable[i]!;
      if (!winner || step.order > winner.order) winner = step;
      // Steps at the same instant make one piece: the latest of them in event order (so far) is in force.
      if (readable[i + 1]?.at === step.at) continue;
      this.starts.push(step.at);
      this.deadlines.push(winner.deadline);
    }
    for (let k = 0; k + 1 < this.starts.length; k++) {
      this.before.push(this.before[k]! + this.overdueInPiece(k, this.starts[k]!, this.starts[k + 1]!));
    }
  }

  /** The part of [from, until] past the deadline in force at each instant; 0 when empty, reversed or unreadable. */
  overdueMs(from: number, until: number): number {
    if (!(until > from) || this.starts.length === 0) return 0;
    const first = Math.max(this.pieceAt(from), 0); // before the first deadline nothing is overdue
    const last = this.pieceBefore(until);
    if (last < first) return 0;
    if (first === last) return this.overdueInPiece(first, from, until);
    return (
      this.overdueInPiece(first, from, this.starts[first + 1]!) +
      (this.before[last]! - this.before[first + 1]!) +
      this.overdueInPiece(last, this.starts[last]!, until)
    );
  }

  /** The overdue part of [from, until] ∩ piece k. */
  private overdueInPiece(k: number, from: number, until: number): number {
    return spanMs(Math.max(from, this.starts[k]!, this.deadlines[k]!), until);
  }

  /** The last piece starting at or before t; −1 when t precedes them all. */
  private pieceAt(t: number): number {
    return this.lastIndex((start) => start <= t);
  }

  /** The last piece starting before t: the one in which a span ending at t ends. */
  private pieceBefore(t: number): number {
    return this.lastIndex((start) => start < t);
  }

  private lastIndex(holds: (start: number) => boolean): number {
    let low = 0;
    let high = this.starts.length; // invariant: holds for every index < low, for none ≥ high
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (holds(this.starts[middle]!)) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }
}
