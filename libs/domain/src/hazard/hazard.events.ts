import { ClosureApplied, ClosureReviewed, ClosureReviewOverdue } from './closure.events';
import { Event } from './event';
import { HazardProfile } from './hazard-profile';
import { SupervisionDocumentNumbered, SupervisionImposed, SupervisionNoticeServed, SupervisionNoticeSigned } from './supervision.events';
import { AuthorityLevel, HazardLevel, HazardSource, HazardStatus, RemediationPlan } from './hazard-values';

export * from './closure.events';
export * from './supervision.events';

/**
 * Events are facts in the past tense. Their `type` strings are stored forever: a new shape is a new
 * schemaVersion with an upcaster, never a rename. Who did it and when is in the envelope's metadata; the
 * data repeats only what the domain itself needs to decide later (e.g. who submitted a rectification).
 */

export type HazardFound = Event<
  'HazardFound',
  HazardProfile & {
    readonly hazardId: string;
    /** Schema v3: the 判定依据 clause (catalogue `bases`), or null. */
    readonly basisCode: string | null;
    /** Schema v4: the tip (举报) this finding answers, or null: the only trace of a tip on the hazard side. */
    readonly tipNo: string | null;
    readonly evidence: readonly string[];
    readonly reportedBy: string;
    readonly reportingDepartment: string;
  }
>;

export type HazardFoundAgain = Event<
  'HazardFoundAgain',
  {
    readonly hazardId: string;
    /** Status before this finding: `verified` starts a new rectification cycle. */
    readonly previousStatus: HazardStatus;
    readonly occurrence: number;
    readonly repeatFindings: number;
    /** Schema v2: the 判定依据 clause given with this report, or null. */
    readonly basisCode: string | null;
    /** Schema v3: the tip this finding answers, or null. */
    readonly tipNo: string | null;
    readonly source: HazardSource;
    readonly description: string;
    readonly discoveredAt: string;
    readonly evidence: readonly string[];
    readonly reportedBy: string;
    readonly reportingDepartment: string;
  }
>;

export type RectificationAssigned = Event<
  'RectificationAssigned',
  {
    readonly responsibleUnitId: string;
    readonly responsiblePerson: string;
    readonly supervisingDepartment: string;
    readonly deadline: string;
    readonly requirements: string;
    readonly assignedAt: string;
    readonly assignedBy: string;
    readonly reassignment: boolean;
    readonly occurrence: number;
  }
>;

export type RemediationPlanSubmitted = Event<'RemediationPlanSubmitted', RemediationPlan & { readonly submittedBy: string }>;

export type DeadlineExtensionRequested = Event<
  'DeadlineExtensionRequested',
  { readonly currentDeadline: string; readonly newDeadline: string; readonly reason: string; readonly requestedBy: string }
>;

export type DeadlineExtended = Event<
  'DeadlineExtended',
  { readonly previousDeadline: string; readonly newDeadline: string; readonly reason: string; readonly approvedBy: string }
>;

export type DeadlineExtensionDenied = Event<
  'DeadlineExtensionDenied',
  { readonly requestedDeadline: string; readonly reason: string; readonly deniedBy: string }
>;

export type HazardRectified = Event<
  'HazardRectified',
  {
    readonly measures: string;
    readonly evidence: readonly string[];
    readonly completedAt: string;
    readonly submittedBy: string;
    readonly responsibleUnitId: string;
    readonly deadline: string;
    readonly onTime: boolean;
    readonly occurrence: number;
  }
>;

interface VerificationData {
  readonly notes: string;
  readonly verifiedBy: string;
  readonly verifierDepartment: string;
  readonly occurrence: number;
  /** Schema v2: the application reviewed, or null (none pending, or recorded before closures existed). */
  readonly closure: ClosureReviewed | null;
  /** Schema v2: the verifier's `authority` claim, or null. */
  readonly verifierAuthority: AuthorityLevel | null;
}

export type HazardVerified = Event<'HazardVerified', VerificationData>;

export type VerificationFailed = Event<'VerificationFailed', VerificationData>;

export type HazardReopened = Event<'HazardReopened', { readonly reason: string; readonly reopenedBy: string; readonly occurrence: number }>;

export type RectificationOverdue = Event<
  'RectificationOverdue',
  { readonly deadline: string; readonly responsibleUnitId: string; readonly detectedAt: string; readonly occurrence: number }
>;

export type SupervisionLifted = Event<'SupervisionLifted', { readonly reason: string; readonly liftedBy: string }>;

export type HazardLevelChanged = Event<
  'HazardLevelChanged',
  {
    readonly from: HazardLevel;
    readonly to: HazardLevel;
    readonly reason: string;
    readonly changedBy: string;
    /** Schema v2: the 判定依据 clause of the new grading, or null. */
    readonly basisCode: string | null;
  }
>;

export type HazardEvent =
  | HazardFound
  | HazardFoundAgain
  | RectificationAssigned
  | RemediationPlanSubmitted
  | DeadlineExtensionRequested
  | DeadlineExtended
  | DeadlineExtensionDenied
  | HazardRectified
  | HazardVerified
  | VerificationFailed
  | HazardReopened
  | RectificationOverdue
  | SupervisionImposed
  | SupervisionLifted
  | HazardLevelChanged
  | ClosureApplied
  | ClosureReviewOverdue
  | SupervisionDocumentNumbered
  | SupervisionNoticeServed
  | SupervisionNoticeSigned;

export type HazardEventType = HazardEvent['type'];

export const HAZARD_EVENT_TYPES: readonly HazardEventType[] = [
  'HazardFound',
  'HazardFoundAgain',
  'RectificationAssigned',
  'RemediationPlanSubmitted',
  'DeadlineExtensionRequested',
  'DeadlineExtended',
  'DeadlineExtensionDenied',
  'HazardRectified',
  'HazardVerified',
  'VerificationFailed',
  'HazardReopened',
  'RectificationOverdue',
  'SupervisionImposed',
  'SupervisionLifted',
  'HazardLevelChanged',
  'ClosureApplied',
  'ClosureReviewOverdue',
  'SupervisionDocumentNumbered',
  'SupervisionNoticeServed',
  'SupervisionNoticeSigned',
];
