/** Value sets of the hazard domain, as stored in events. Never rename a value: old events keep it. */
export const STATUSES = ['found', 'assigned', 'rectified', 'verified', 'reopened'] as const;
export type HazardStatus = (typeof STATUSES)[number];

export const LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof LEVELS)[number];

export const SOURCES = ['inspection', 'self-check', 'citizen-report', 'monitoring', 'media', 'other'] as const;
export type HazardSource = (typeof SOURCES)[number];

export { AUTHORITY_LEVELS, outranks } from '../shared/actor';
export type { AuthorityLevel } from '../shared/actor';

export const SUPERVISION_REASONS = ['major', 'overdue', 'recurrence', 'manual'] as const;
export type SupervisionReason = (typeof SUPERVISION_REASONS)[number];

/** The natural key: a second report of the same key is the same hazard. */
export interface HazardKey {
  readonly unitId: string;
  readonly location: string;
  readonly categoryCode: string;
}

export interface Assignment {
  readonly responsibleUnitId: string;
  readonly responsiblePerson: string;
  readonly supervisingDepartment: string;
  readonly deadline: string;
  readonly requirements: string;
  readonly assignedAt: string;
}

/** 治理方案: the six parts a major hazard's remediation plan must have. */
export interface RemediationPlan {
  readonly goals: string;
  readonly measures: string;
  readonly funding: string;
  readonly organisation: string;
  readonly timeline: string;
  readonly safetyMeasures: string;
  /** 治理资金 in yuan (at most 2 decimals), beside the free-text `funding`; absent in plans recorded before it existed. */
  readonly fundingAmount?: number | null;
}

/** Who assessed the rectification of a major hazard before the unit applied for closure (销号申请). */
export const CLOSURE_ASSESSORS = ['self', 'experts', 'agency'] as const;
export type ClosureAssessor = (typeof CLOSURE_ASSESSORS)[number];

/** How an imposition's 文号 came about: given by the office, drawn by the system, or `none` (recorded before 文号 existed). */
export const NUMBERINGS = ['given', 'system', 'none'] as const;
export type Numbering = (typeof NUMBERINGS)[number];

export function isOpen(status: HazardStatus): boolean {
  return status !== 'verified';
}
