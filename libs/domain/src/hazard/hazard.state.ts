import { HazardProfile } from './hazard-profile';
import { Assignment, AuthorityLevel, ClosureAssessor, HazardLevel, HazardSource, HazardStatus, RemediationPlan, SupervisionReason } from './hazard-values';

export interface PendingExtension {
  readonly newDeadline: string;
  readonly reason: string;
  readonly requestedBy: string;
}

export interface Supervision {
  readonly authorityLevel: AuthorityLevel;
  readonly department: string;
  readonly reason: SupervisionReason;
}

export interface LastRectification {
  readonly submittedBy: string;
  readonly responsibleUnitId: string;
  readonly completedAt: string;
}

/** A pending 销号 application: a side fact of a `rectified` major hazard, consumed by the next verification. */
export interface ClosureApplication {
  readonly appliedAt: string;
  readonly appliedBy: string;
  readonly assessedBy: ClosureAssessor;
  readonly assessor: string | null;
  readonly summary: string;
  readonly evidence: readonly string[];
  readonly resumeProduction: boolean;
  readonly reviewDeadline: string;
  /** The system recorded ClosureReviewOverdue for it. */
  readonly reviewOverdue: boolean;
}

export interface ExistingHazard extends HazardProfile {
  readonly exists: true;
  readonly hazardId: string;
  /** The 判定依据 clause of the latest report or grading that gave one; null when none did. */
  readonly basisCode: string | null;
  readonly status: HazardStatus;
  /** The rectification cycle: 1 for the first finding, +1 each time a verified hazard comes back. */
  readonly occurrence: number;
  /** Reports of the same key after the first one, whether the hazard was still open (still there at re-inspection) or had been verified. */
  readonly repeatFindings: number;
  readonly assignment?: Assignment;
  readonly deadline?: string;
  readonly overdue: boolean;
  /** The deadline already recorded as missed, so overdue fires once per deadline. */
  readonly overdueDeadline?: string;
  readonly underSupervision: boolean;
  readonly supervision?: Supervision;
  readonly extensionCount: number;
  readonly pendingExtension?: PendingExtension;
  readonly plan?: RemediationPlan;
  readonly lastRectification?: LastRectification;
  readonly closureApplication?: ClosureApplication;
}

export type HazardState = { readonly exists: false } | ExistingHazard;

export function initialState(): HazardState {
  return { exists: false };
}
