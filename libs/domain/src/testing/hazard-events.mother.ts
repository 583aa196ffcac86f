import { supervisionIdOf } from '../hazard/decisions/supervision-document.decisions';
import {
  ClosureApplied,
  SupervisionDocumentNumbered,
  SupervisionNoticeServed,
  SupervisionNoticeSigned,
  ClosureReviewOverdue,
  DeadlineExtended,
  DeadlineExtensionDenied,
  DeadlineExtensionRequested,
  HazardFound,
  HazardFoundAgain,
  HazardLevelChanged,
  HazardRectified,
  HazardReopened,
  HazardVerified,
  RectificationAssigned,
  RectificationOverdue,
  RemediationPlanSubmitted,
  SupervisionImposed,
  SupervisionLifted,
  VerificationFailed,
} from '..';
import {
  DOCUMENT_NO,
  NOTICE_SIGN_DUE,
  SERVED_AT,
  SIGNED_AT,
  AFTER_DEADLINE,
  AFTER_REVIEW_DEADLINE,
  APPLIED_AT,
  CLOSURE_ASSESSOR,
  CLOSURE_SUMMARY,
  REVIEW_DEADLINE,
  ASSIGNMENT,
  DEADLINE,
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
  rectifier,
  REOPEN_REASON,
  REPORT,
  supervisor,
  UNIT_ID,
  VERIFICATION_NOTES,
} from './hazard-fixtures';

/**
 * Each event as `decide` writes it for the matching default command of hazard-commands.mother.ts, so
 * `given([...]).when(cmd()).then([event()])` reads as the happy path; override only what a test is about.
 */
export function hazardFound(data: Partial<HazardFound['data']> = {}): HazardFound {
  return {
    type: 'HazardFound',
    data: { hazardId: HAZARD_ID, ...REPORT, gridId: REPORT.gridId ?? null, basisCode: null, tipNo: null, evidence: [...REPORT.evidence], reportedBy: inspector.userId, reportingDepartment: inspector.departmentId, ...data },
  };
}

export function hazardFoundAgain(data: Partial<HazardFoundAgain['data']> = {}): HazardFoundAgain {
  const { source, description, discoveredAt, evidence } = REPORT;
  return {
    type: 'HazardFoundAgain',
    data: {
      hazardId: HAZARD_ID,
      previousStatus: 'found',
      occurrence: 1,
      repeatFindings: 1,
      basisCode: null,
      tipNo: null,
      source,
      description,
      discoveredAt,
      evidence: [...evidence],
      reportedBy: inspector.userId,
      reportingDepartment: inspector.departmentId,
      ...data,
    },
  };
}

export function rectificationAssigned(data: Partial<RectificationAssigned['data']> = {}): RectificationAssigned {
  return {
    type: 'RectificationAssigned',
    data: { ...ASSIGNMENT, assignedAt: NOW, assignedBy: supervisor.userId, reassignment: false, occurrence: 1, ...data },
  };
}

export function remediationPlanSubmitted(data: Partial<RemediationPlanSubmitted['data']> = {}): RemediationPlanSubmitted {
  return { type: 'RemediationPlanSubmitted', data: { ...PLAN, submittedBy: rectifier.userId, ...data } };
}

export function deadlineExtensionRequested(data: Partial<DeadlineExtensionRequested['data']> = {}): DeadlineExtensionRequested {
  return {
    type: 'DeadlineExtensionRequested',
    data: { currentDeadline: DEADLINE, newDeadline: EXTENDED_DEADLINE, reason: EXTENSION_REASON, requestedBy: rectifier.userId, ...data },
  };
}

export function deadlineExtended(data: Partial<DeadlineExtended['data']> = {}): DeadlineExtended {
  return {
    type: 'DeadlineExtended',
    data: { previousDeadline: DEADLINE, newDeadline: EXTENDED_DEADLINE, reason: DECISION_REASON, approvedBy: supervisor.userId, ...data },
  };
}

export function deadlineExtensionDenied(data: Partial<DeadlineExtensionDenied['data']> = {}): DeadlineExtensionDenied {
  return {
    type: 'DeadlineExtensionDenied',
    data: { requestedDeadline: EXTENDED_DEADLINE, reason: DECISION_REASON, deniedBy: supervisor.userId, ...data },
  };
}

export function hazardRectified(data: Partial<HazardRectified['data']> = {}): HazardRectified {
  return {
    type: 'HazardRectified',
    data: {
      ...RECTIFICATION,
      evidence: [...RECTIFICATION.evidence],
      submittedBy: rectifier.userId,
      responsibleUnitId: UNIT_ID,
      deadline: DEADLINE,
      onTime: true,
      occurrence: 1,
      ...data,
    },
  };
}

export function hazardVerified(data: Partial<HazardVerified['data']> = {}): HazardVerified {
  return {
    type: 'HazardVerified',
    data: { notes: VERIFICATION_NOTES, verifiedBy: supervisor.userId, verifierDepartment: supervisor.departmentId, occurrence: 1, closure: null, verifierAuthority: supervisor.authority ?? null, ...data },
  };
}

export function verificationFailed(data: Partial<VerificationFailed['data']> = {}): VerificationFailed {
  return {
    type: 'VerificationFailed',
    data: { notes: VERIFICATION_NOTES, verifiedBy: supervisor.userId, verifierDepartment: supervisor.departmentId, occurrence: 1, closure: null, verifierAuthority: supervisor.authority ?? null, ...data },
  };
}

export function closureApplied(data: Partial<ClosureApplied['data']> = {}): ClosureApplied {
  return {
    type: 'ClosureApplied',
    data: {
      assessedBy: 'experts', assessor: CLOSURE_ASSESSOR, summary: CLOSURE_SUMMARY, evidence: ['assessment-001.pdf'], resumeProduction: true,
      appliedBy: rectifier.userId, appliedAt: APPLIED_AT, reviewDeadline: REVIEW_DEADLINE, occurrence: 1, ...data,
    },
  };
}

export function closureReviewOverdue(data: Partial<ClosureReviewOverdue['data']> = {}): ClosureReviewOverdue {
  return {
    type: 'ClosureReviewOverdue',
    data: { appliedAt: APPLIED_AT, reviewDeadline: REVIEW_DEADLINE, detectedAt: AFTER_REVIEW_DEADLINE, chargedTo: ASSIGNMENT.supervisingDepartment, occurrence: 1, ...data },
  };
}

export function hazardReopened(data: Partial<HazardReopened['data']> = {}): HazardReopened {
  return { type: 'HazardReopened', data: { reason: REOPEN_REASON, reopenedBy: supervisor.userId, occurrence: 2, ...data } };
}

export function rectificationOverdue(data: Partial<RectificationOverdue['data']> = {}): RectificationOverdue {
  return {
    type: 'RectificationOverdue',
    data: { deadline: DEADLINE, responsibleUnitId: UNIT_ID, detectedAt: AFTER_DEADLINE, occurrence: 1, ...data },
  };
}

export function supervisionImposed(data: Partial<SupervisionImposed['data']> = {}): SupervisionImposed {
  return {
    type: 'SupervisionImposed',
    data: {
      authorityLevel: 'county', department: supervisor.departmentId, reason: 'major', imposedBy: supervisor.userId,
      supervisionId: supervisionIdOf({ hazardId: HAZARD_ID, now: NOW, data: { authorityLevel: data.authorityLevel ?? 'county' } }),
      imposedAt: NOW, noticeSignDue: NOTICE_SIGN_DUE, numbering: 'system', documentNo: null, issuedBy: null, plannedCompletion: null, publish: false, summary: null,
      ...data,
    },
  };
}

export function supervisionDocumentNumbered(data: Partial<SupervisionDocumentNumbered['data']> = {}): SupervisionDocumentNumbered {
  const supervisionId = supervisionIdOf({ hazardId: HAZARD_ID, now: NOW, data: { authorityLevel: 'county' } });
  return { type: 'SupervisionDocumentNumbered', data: { supervisionId, documentNo: DOCUMENT_NO, number: 1, ...data } };
}

export function supervisionNoticeServed(data: Partial<SupervisionNoticeServed['data']> = {}): SupervisionNoticeServed {
  const supervisionId = supervisionIdOf({ hazardId: HAZARD_ID, now: NOW, data: { authorityLevel: 'county' } });
  return { type: 'SupervisionNoticeServed', data: { supervisionId, servedBy: '区安委办 王五', servedAt: SERVED_AT, recipient: '安全科 张三', recordedBy: supervisor.userId, ...data } };
}

export function supervisionNoticeSigned(data: Partial<SupervisionNoticeSigned['data']> = {}): SupervisionNoticeSigned {
  const supervisionId = supervisionIdOf({ hazardId: HAZARD_ID, now: NOW, data: { authorityLevel: 'county' } });
  return { type: 'SupervisionNoticeSigned', data: { supervisionId, signedBy: '张三', signedAt: SIGNED_AT, recordedBy: rectifier.userId, ...data } };
}

export function supervisionLifted(data: Partial<SupervisionLifted['data']> = {}): SupervisionLifted {
  return { type: 'SupervisionLifted', data: { reason: LIFT_REASON, liftedBy: supervisor.userId, ...data } };
}

export function hazardLevelChanged(data: Partial<HazardLevelChanged['data']> = {}): HazardLevelChanged {
  return { type: 'HazardLevelChanged', data: { from: 'general', to: 'major', reason: RECLASSIFY_REASON, changedBy: supervisor.userId, basisCode: null, ...data } };
}
