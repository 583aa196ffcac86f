import type { ExistingHazard, HazardProfile, HazardStatus } from '@hazard/domain';
import type { PublicationChange } from './publication.projection';

/**
 * The rows of the read models, as the pure projection produces them and the SQLite store keeps them. Every
 * field is a function of the events alone — no clock — so an incremental build and a rebuild from position
 * 0 are equal row for row. Time-dependent figures (overdue now, days overdue) are computed when queried.
 */

/**
 * One hazard as it stands: the filter and count columns of the list and the summary. The profile is the
 * domain's (the free-text description stays in the state column).
 */
export interface HazardRow extends Omit<HazardProfile, 'description'> {
  readonly hazardId: string;
  readonly status: HazardStatus;
  readonly occurrence: number;
  readonly repeatFindings: number;
  readonly responsibleUnitId: string | null;
  readonly responsiblePerson: string | null;
  readonly supervisingDepartment: string | null;
  readonly deadline: string | null;
  /** The deadline as an instant: deadlines carry offsets, so they are compared as numbers, never as strings. */
  readonly deadlineMs: number | null;
  /** The deadline scheduler's RectificationOverdue mark (the list's `overdue` is computed from the clock). */
  readonly overdueMarked: boolean;
  readonly underSupervision: boolean;
  /** occurredAt and global position of the HazardFound: the list's order (newest first). */
  readonly foundAt: string;
  readonly foundPosition: number;
  readonly updatedAt: string;
  readonly revision: number;
  readonly position: number;
  /** The domain's own state, folded by `evolve`: the next event is applied to it. */
  readonly state: ExistingHazard;
}

/** One rectification cycle, (hazard, occurrence): on-time rate and the department scorecards. */
export interface CycleRow {
  readonly hazardId: string;
  readonly occurrence: number;
  readonly unitId: string;
  /** Of the cycle's latest assignment: the department the scorecard charges the cycle to. */
  readonly supervisingDepartment: string | null;
  readonly responsibleUnitId: string | null;
  readonly rectified: boolean;
  /** The latest HazardRectified.onTime of the cycle; null until rectified. */
  readonly onTime: boolean | null;
  /** How far the latest rectification's completedAt was past the deadline it had (0 when on time). */
  readonly lateMs: number;
  readonly verified: boolean;
  /** Verified, then found again after the verification or reopened: a verification that did not hold. */
  readonly verificationNotHeld: boolean;
}

export type CyclePatch = Partial<Omit<CycleRow, 'hazardId' | 'occurrence' | 'unitId'>>;

/** One responsible unit's findings (屡查屡犯). */
export interface UnitRow {
  readonly unitId: string;
  readonly unitName: string;
  /** Hazards found at the unit. */
  readonly hazards: number;
  /** Reports: first findings plus every finding again. */
  readonly findings: number;
  /** HazardFoundAgain events: the ranking of repeat units. */
  readonly foundAgain: number;
  /** Hazards of the unit found again at least once. */
  readonly repeatHazards: number;
}

export type UnitCounts = Pick<UnitRow, 'hazards' | 'findings' | 'foundAgain' | 'repeatHazards'>;

/** What one event does to the read models. */
export type ReadModelChange =
  | { readonly kind: 'hazard'; readonly row: HazardRow }
  | { readonly kind: 'cycle'; readonly hazardId: string; readonly occurrence: number; readonly unitId: string; readonly set: CyclePatch }
  | { readonly kind: 'unit'; readonly unitId: string; readonly unitName: string; readonly add: UnitCounts }
  | { readonly kind: 'department'; readonly department: string; readonly hazardId: string; readonly add: DepartmentCounts }
  /** The unit's rectifiers may now read the hazard (rectifierUnitsOf grew): never taken back. */
  | { readonly kind: 'unit-read'; readonly unitId: string; readonly hazardId: string }
  | PublicationChange;

/**
 * A department's figures that belong to no one cycle (销号审查超期 is charged where it was due). Kept per hazard, so
 * a reader's scorecard counts only the hazards it may read.
 */
export interface DepartmentRow {
  readonly department: string;
  readonly closureReviewsOverdue: number;
}

export type DepartmentCounts = Pick<DepartmentRow, 'closureReviewsOverdue'>;

/** Where the event sits in the log. */
export interface EventPlace {
  readonly position: number;
  readonly revision: number;
  readonly occurredAt: string;
}

export const EMPTY_CYCLE: Omit<CycleRow, 'hazardId' | 'occurrence' | 'unitId'> = {
  supervisingDepartment: null,
  responsibleUnitId: null,
  rectified: false,
  onTime: null,
  lateMs: 0,
  verified: false,
  verificationNotHeld: false,
};
