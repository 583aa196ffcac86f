import { ReportedProfile } from './hazard-profile';
import { HazardRules } from './hazard-rules';
import { AuthorityLevel, ClosureAssessor, HazardLevel, RemediationPlan, SupervisionReason } from './hazard-values';
import { Actor } from '../shared/actor';

/**
 * Every command carries who issues it and the time it is decided at (`now`, ISO-8601): the decider has no
 * clock of its own.
 */
interface Command<T extends string, D> {
  readonly type: T;
  /** For ReportHazard: `hazardIdFor(key)`. */
  readonly hazardId: string;
  readonly data: D;
  readonly actor: Actor;
  readonly now: string;
  /** Configured rules and the catalogue, stamped by the edge; absent → DEFAULT_HAZARD_RULES. */
  readonly rules?: HazardRules;
  /** Stamped by the runner; ids the decider derives (supervisionId) come from it. */
  readonly commandId?: string;
}

export type ReportHazard = Command<
  'ReportHazard',
  ReportedProfile & {
    readonly evidence: readonly string[];
    readonly basisCode?: string;
    /** With source citizen-report only: the open tip (举报) this finding answers. */
    readonly tipNo?: string;
    /** Whether that tip is open (accepted, assigned, under review), as the edge read it: the decider reads no stream. */
    readonly tipOpen?: boolean;
  }
>;

export type AssignRectification = Command<
  'AssignRectification',
  {
    readonly responsibleUnitId: string;
    readonly responsiblePerson: string;
    readonly supervisingDepartment: string;
    readonly deadline: string;
    readonly requirements: string;
  }
>;

export type SubmitRemediationPlan = Command<'SubmitRemediationPlan', RemediationPlan>;

export type RequestExtension = Command<'RequestExtension', { readonly newDeadline: string; readonly reason: string }>;

export type DecideExtension = Command<'DecideExtension', { readonly approved: boolean; readonly reason: string }>;

export type SubmitRectification = Command<
  'SubmitRectification',
  { readonly measures: string; readonly evidence: readonly string[]; readonly completedAt: string }
>;

export type VerifyRectification = Command<'VerifyRectification', { readonly passed: boolean; readonly notes: string }>;

export type ReopenHazard = Command<'ReopenHazard', { readonly reason: string }>;

export type MarkOverdue = Command<'MarkOverdue', Record<string, never>>;

export type ImposeSupervision = Command<
  'ImposeSupervision',
  {
    readonly authorityLevel: AuthorityLevel;
    readonly reason: SupervisionReason;
    readonly department?: string;
    /** 文号 of a 督办通知书 issued outside the ledger (one may list several hazards); absent → the system numbers it. */
    readonly documentNo?: string;
    /** 签发人 */
    readonly issuedBy?: string;
    /** 计划完成时间 named in the notice; in the future. */
    readonly plannedCompletion?: string;
    /** 公示: list it on the public page with `summary`, the only text the public sees. */
    readonly publish?: boolean;
    readonly summary?: string;
  }
>;

/** The system records the 文号 it drew from the (prefix, year) sequence for an imposition. */
export type NumberSupervisionDocument = Command<
  'NumberSupervisionDocument',
  { readonly supervisionId: string; readonly documentNo: string; readonly number: number }
>;

/** 送达: the notice was handed to the unit. */
export type RecordNoticeServed = Command<'RecordNoticeServed', { readonly servedBy: string; readonly servedAt: string; readonly recipient: string }>;

/** 签收: the unit signed for the notice. */
export type RecordNoticeSigned = Command<'RecordNoticeSigned', { readonly signedBy: string; readonly signedAt: string }>;

export type LiftSupervision = Command<'LiftSupervision', { readonly reason: string }>;

export type ReclassifyHazard = Command<'ReclassifyHazard', { readonly level: HazardLevel; readonly reason: string; readonly basisCode?: string }>;

/** 销号申请: the assigned unit asks for a rectified major hazard to be closed, with an assessment. */
export type ApplyForClosure = Command<
  'ApplyForClosure',
  {
    readonly assessedBy: ClosureAssessor;
    readonly assessor?: string;
    readonly summary: string;
    readonly evidence: readonly string[];
    /** 恢复生产申请: the unit also asks to resume production; a passing verification grants it. */
    readonly resumeProduction: boolean;
  }
>;

/** The system's record that a closure application was not reviewed within CLOSURE_REVIEW_DAYS. */
export type MarkClosureReviewOverdue = Command<'MarkClosureReviewOverdue', Record<string, never>>;

export type HazardCommand =
  | ReportHazard
  | AssignRectification
  | SubmitRemediationPlan
  | RequestExtension
  | DecideExtension
  | SubmitRectification
  | VerifyRectification
  | ReopenHazard
  | MarkOverdue
  | ImposeSupervision
  | LiftSupervision
  | ReclassifyHazard
  | ApplyForClosure
  | MarkClosureReviewOverdue
  | NumberSupervisionDocument
  | RecordNoticeServed
  | RecordNoticeSigned;

export type HazardCommandType = HazardCommand['type'];
