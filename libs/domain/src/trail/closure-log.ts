import { ClosureApplied, ClosureReviewOverdue } from '../hazard/hazard.events';

/** One 销号 application in the trail: when it was made, reviewed, and whether the review was late and whose. */
export interface ClosureEntry {
  readonly appliedAt: string;
  readonly appliedBy: string;
  readonly assessedBy: string;
  readonly assessor: string | null;
  readonly resumeProduction: boolean;
  readonly reviewDeadline: string;
  /** The system recorded ClosureReviewOverdue: not reviewed within CLOSURE_REVIEW_DAYS. */
  readonly reviewOverdue: boolean;
  /** The department charged with the late review (the supervising department at detection). */
  readonly chargedTo: string | null;
  readonly outcome: 'passed' | 'failed' | null;
  readonly reviewedAt: string | null;
  readonly reviewedBy: string | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The applications of one cycle, in order; the last one is pending until a verification consumes it. */
export class ClosureLog {
  private readonly list: Mutable<ClosureEntry>[] = [];

  apply(d: Partial<ClosureApplied['data']>, at: string, by: string): void {
    this.list.push({
      appliedAt: d.appliedAt ?? at,
      appliedBy: d.appliedBy ?? by,
      assessedBy: d.assessedBy ?? 'self',
      assessor: d.assessor ?? null,
      resumeProduction: d.resumeProduction ?? false,
      reviewDeadline: d.reviewDeadline ?? at,
      reviewOverdue: false,
      chargedTo: null,
      outcome: null,
      reviewedAt: null,
      reviewedBy: null,
    });
  }

  reviewOverdue(d: Partial<ClosureReviewOverdue['data']>): void {
    const pending = this.pending();
    if (!pending) return;
    pending.reviewOverdue = true;
    pending.chargedTo = d.chargedTo ?? null;
  }

  /** A verification consumes the pending application, passed or failed. */
  reviewed(outcome: 'passed' | 'failed', at: string, by: string): void {
    const pending = this.pending();
    if (!pending) return;
    pending.outcome = outcome;
    pending.reviewedAt = at;
    pending.reviewedBy = by;
  }

  entries(): ClosureEntry[] {
    return this.list.map((e) => ({ ...e }));
  }

  private pending(): Mutable<ClosureEntry> | undefined {
    const last = this.list[this.list.length - 1];
    return last && last.outcome === null ? last : undefined;
  }
}
