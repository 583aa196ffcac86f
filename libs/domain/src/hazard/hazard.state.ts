import { HazardProfile } from './hazard-profile';
import { Assignment, AuthorityLevel, ClosureAssessor, Numbering, HazardLevel, HazardSource, HazardStatus, RemediationPlan, SupervisionReason } from './hazard-values';

export interface PendingExtension {
  readonly newDeadline: string;
  readonly reason: string;
  readonly requestedBy: string;
}

/** 送达 and 签收 of the current 督办通知书; `signOverdue` is computed when read (see supervisionAsRead). */
export interface SupervisionNotice {
  readonly servedBy?: string;
  readonly servedAt?: string;
  readonly recipient?: string;
  readonly signedBy?: string;
  readonly signedAt?: string;
  readonly signDue: string | null;
}

export interface Supervision {
  readonly authorityLevel: AuthorityLevel;
  readonly department: string;
  readonly reason: SupervisionReason;
  /** null for impositions recorded before 督办通知书 were (v1). */
  readonly supervisionId: string | null;
  readonly documentNo: string | null;
  readonly numbering: Numbering;
  readonly issuedBy: string | null;
  readonly plannedCompletion: string | null;
  readonly publish: boolean;
  readonly summary: string | null;
  readonly imposedAt: string | null;
  readonly notice: SupervisionNotice;
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
  /** Every unit ever made responsible (any cycle): a rectifier of one of them may read the hazard. */
  readonly assignedUnitIds: readonly string[];
  /** The tips (举报) its findings answered: a tip's verification may name this hazard only if it is here. */
  readonly tipNos: readonly string[];
  /** The unit itself reported it (a `self-check` finding, first or later): its rectifier may read it. */
  readonly selfReported: boolean;
  /** Every system-numbered imposition's 文号 (null while pending), by supervisionId: numbering acts on any of them. */
  readonly documentNumbers: Readonly<Record<string, string | null>>;
}

export type HazardState = { readonly exists: false } | ExistingHazard;

export function initialState(): HazardState {
  return { exists: false };
}
