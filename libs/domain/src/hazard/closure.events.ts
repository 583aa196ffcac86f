import { Event } from './event';
import { ClosureAssessor } from './hazard-values';

/* 销号 (16号令 Art. 18, 23): the unit's application, the system's record of a late review, and what a
   verification records of the application it consumed. */

/** The closure application a verification consumed, as it stood then (schema v2; v1 events: null). */
export interface ClosureReviewed {
  readonly appliedAt: string;
  readonly assessedBy: ClosureAssessor;
  readonly resumeProduction: boolean;
  readonly reviewDeadline: string;
  /** Reviewed after its deadline (still accepted). */
  readonly reviewOverdue: boolean;
}

export type ClosureApplied = Event<
  'ClosureApplied',
  {
    readonly assessedBy: ClosureAssessor;
    readonly assessor: string | null;
    readonly summary: string;
    readonly evidence: readonly string[];
    readonly resumeProduction: boolean;
    readonly appliedBy: string;
    readonly appliedAt: string;
    /** appliedAt + CLOSURE_REVIEW_DAYS, fixed when applied: a later change of the setting does not move it. */
    readonly reviewDeadline: string;
    readonly occurrence: number;
  }
>;

export type ClosureReviewOverdue = Event<
  'ClosureReviewOverdue',
  {
    readonly appliedAt: string;
    readonly reviewDeadline: string;
    readonly detectedAt: string;
    /** The supervising department of the current assignment: whose scorecard counts it. */
    readonly chargedTo: string;
    readonly occurrence: number;
  }
>;
