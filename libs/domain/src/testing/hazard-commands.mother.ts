import { supervisionIdOf } from '../hazard/decisions/supervision-document.decisions';
import {
  Actor,
  NumberSupervisionDocument,
  RecordNoticeServed,
  RecordNoticeSigned,
  ApplyForClosure,
  MarkClosureReviewOverdue,
  AssignRectification,
  DecideExtension,
  hazardIdFor,
  ImposeSupervision,
  LiftSupervision,
  MarkOverdue,
  ReclassifyHazard,
  ReopenHazard,
  ReportHazard,
  RequestExtension,
  SubmitRectification,
  SubmitRemediationPlan,
  VerifyRectification,
} from '..';
import {
  DOCUMENT_NO,
  SERVED_AT,
  SIGNED_AT,
  AFTER_DEADLINE,
  AFTER_REVIEW_DEADLINE,
  APPLIED_AT,
  CLOSURE_ASSESSOR,
  CLOSURE_SUMMARY,
  ASSIGNMENT,
  DECISION_REASON,
  EXTENDED_DEADLINE,
  EXTENSION_REASON,
  HAZARD_ID,
  inspector,
  LIFT_REASON,
  NOW,
  PLAN,
  RECLASSIFY_REASON,
  RECTIFICATION,
  RECTIFIED_AT,
  rectifier,
  REOPEN_REASON,
  REPORT,
  supervisor,
  system,
  VERIFICATION_NOTES,
  VERIFIED_AT,
} from './hazard-fixtures';

/** Who issues a command and when; each builder defaults to the person and moment the happy path uses. */
export interface Issued {
  readonly actor?: Actor;
  readonly now?: string;
  readonly hazardId?: string;
}

function issued(by: Issued, actor: Actor, now: string) {
  return { hazardId: by.hazardId ?? HAZARD_ID, actor: by.actor ?? actor, now: by.now ?? now };
}

export function reportHazard(data: Partial<ReportHazard['data']> = {}, by: Issued = {}): ReportHazard {
  const full = { ...REPORT, ...data };
  return { type: 'ReportHazard', data: full, ...issued({ hazardId: hazardIdFor(full), ...by }, inspector, NOW) };
}

export function assignRectification(data: Partial<AssignRectification['data']> = {}, by: Issued = {}): AssignRectification {
  return { type: 'AssignRectification', data: { ...ASSIGNMENT, ...data }, ...issued(by, supervisor, NOW) };
}

export function submitRemediationPlan(data: Partial<SubmitRemediationPlan['data']> = {}, by: Issued = {}): SubmitRemediationPlan {
  return { type: 'SubmitRemediationPlan', data: { ...PLAN, ...data }, ...issued(by, rectifier, NOW) };
}

export function requestExtension(data: Partial<RequestExtension['data']> = {}, by: Issued = {}): RequestExtension {
  return { type: 'RequestExtension', data: { newDeadline: EXTENDED_DEADLINE, reason: EXTENSION_REASON, ...data }, ...issued(by, rectifier, NOW) };
}

export function decideExtension(data: Partial<DecideExtension['data']> = {}, by: Issued = {}): DecideExtension {
  return { type: 'DecideExtension', data: { approved: true, reason: DECISION_REASON, ...data }, ...issued(by, supervisor, NOW) };
}

export function submitRectification(data: Partial<SubmitRectification['data']> = {}, by: Issued = {}): SubmitRectification {
  return { type: 'SubmitRectification', data: { ...RECTIFICATION, ...data }, ...issued(by, rectifier, RECTIFIED_AT) };
}

export function verifyRectification(data: Partial<VerifyRectification['data']> = {}, by: Issued = {}): VerifyRectification {
  return { type: 'VerifyRectification', data: { passed: true, notes: VERIFICATION_NOTES, ...data }, ...issued(by, supervisor, VERIFIED_AT) };
}

export function reopenHazard(data: Partial<ReopenHazard['data']> = {}, by: Issued = {}): ReopenHazard {
  return { type: 'ReopenHazard', data: { reason: REOPEN_REASON, ...data }, ...issued(by, supervisor, VERIFIED_AT) };
}

/** Issued by the deadline scheduler as the system actor, by default just after the first deadline. */
export function markOverdue(by: Issued = {}): MarkOverdue {
  return { type: 'MarkOverdue', data: {}, ...issued(by, system, AFTER_DEADLINE) };
}

export function imposeSupervision(data: Partial<ImposeSupervision['data']> = {}, by: Issued = {}): ImposeSupervision {
  return { type: 'ImposeSupervision', data: { authorityLevel: 'county', reason: 'major', ...data }, ...issued(by, supervisor, NOW) };
}

export function liftSupervision(data: Partial<LiftSupervision['data']> = {}, by: Issued = {}): LiftSupervision {
  return { type: 'LiftSupervision', data: { reason: LIFT_REASON, ...data }, ...issued(by, supervisor, VERIFIED_AT) };
}

export function applyForClosure(data: Partial<ApplyForClosure['data']> = {}, by: Issued = {}): ApplyForClosure {
  const application = { assessedBy: 'experts', assessor: CLOSURE_ASSESSOR, summary: CLOSURE_SUMMARY, evidence: ['assessment-001.pdf'], resumeProduction: true } as const;
  return { type: 'ApplyForClosure', data: { ...application, ...data }, ...issued(by, rectifier, APPLIED_AT) };
}

/** Issued by the deadline scheduler, by default just after the review deadline. */
export function markClosureReviewOverdue(by: Issued = {}): MarkClosureReviewOverdue {
  return { type: 'MarkClosureReviewOverdue', data: {}, ...issued(by, system, AFTER_REVIEW_DEADLINE) };
}

export function numberSupervisionDocument(data: Partial<NumberSupervisionDocument['data']> = {}, by: Issued = {}): NumberSupervisionDocument {
  const supervisionId = supervisionIdOf({ hazardId: HAZARD_ID, now: NOW, data: { authorityLevel: 'county' } });
  return { type: 'NumberSupervisionDocument', data: { supervisionId, documentNo: DOCUMENT_NO, number: 1, ...data }, ...issued(by, system, NOW) };
}

export function recordNoticeServed(data: Partial<RecordNoticeServed['data']> = {}, by: Issued = {}): RecordNoticeServed {
  return { type: 'RecordNoticeServed', data: { servedBy: '区安委办 王五', servedAt: SERVED_AT, recipient: '安全科 张三', ...data }, ...issued(by, supervisor, SIGNED_AT) };
}

export function recordNoticeSigned(data: Partial<RecordNoticeSigned['data']> = {}, by: Issued = {}): RecordNoticeSigned {
  return { type: 'RecordNoticeSigned', data: { signedBy: '张三', signedAt: SIGNED_AT, ...data }, ...issued(by, rectifier, SIGNED_AT) };
}

export function reclassifyHazard(data: Partial<ReclassifyHazard['data']> = {}, by: Issued = {}): ReclassifyHazard {
  return { type: 'ReclassifyHazard', data: { level: 'major', reason: RECLASSIFY_REASON, ...data }, ...issued(by, supervisor, NOW) };
}
