import { AssignRectification, ReopenHazard, SubmitRectification, SubmitRemediationPlan, VerifyRectification } from '../hazard.commands';
import { HazardEvent } from '../hazard.events';
import { RuleViolationError } from '../hazard.errors';
import { ExistingHazard } from '../hazard.state';
import { DEFAULT_HAZARD_RULES } from '../hazard-rules';
import { closureReviewed } from './closure.decisions';
import { allowedIn, withAssignment, deadlineInFuture, notInFuture } from './decision-guards';

/** The rectification cycle: assignment, 治理方案, the unit's fix, its verification, and reopening a verified hazard. */
export function assign({ data, actor, now }: AssignRectification, s: ExistingHazard): HazardEvent[] {
  allowedIn('AssignRectification', s.status, ['found', 'reopened', 'assigned']);
  deadlineInFuture('deadline', data.deadline, now);
  return [
    {
      type: 'RectificationAssigned',
      data: { ...data, assignedAt: now, assignedBy: actor.userId, reassignment: s.assignment !== undefined, occurrence: s.occurrence },
    },
  ];
}

export function submitPlan({ data, actor }: SubmitRemediationPlan, s: ExistingHazard): HazardEvent[] {
  allowedIn('SubmitRemediationPlan', s.status, ['assigned', 'reopened']);
  withAssignment('SubmitRemediationPlan', s);
  if (s.level !== 'major') {
    throw new RuleViolationError('HAZARD.PLAN_ONLY_FOR_MAJOR', 'a remediation plan (治理方案) is submitted for major hazards only', { level: s.level });
  }
  return [{ type: 'RemediationPlanSubmitted', data: { ...data, submittedBy: actor.userId } }];
}

export function rectify({ data, actor, now }: SubmitRectification, s: ExistingHazard): HazardEvent[] {
  allowedIn('SubmitRectification', s.status, ['assigned', 'reopened']);
  const assignment = withAssignment('SubmitRectification', s);
  notInFuture('completedAt', data.completedAt, now);
  if (s.level === 'major' && !s.plan) {
    throw new RuleViolationError('HAZARD.PLAN_REQUIRED', 'a major hazard needs a remediation plan (治理方案) before its rectification');
  }
  return [
    {
      type: 'HazardRectified',
      data: {
        measures: data.measures,
        evidence: [...data.evidence],
        completedAt: data.completedAt,
        submittedBy: actor.userId,
        responsibleUnitId: assignment.responsibleUnitId,
        deadline: assignment.deadline,
        onTime: Date.parse(data.completedAt) <= Date.parse(assignment.deadline),
        occurrence: s.occurrence,
      },
    },
  ];
}

export function verify({ data, actor, now, rules }: VerifyRectification, s: ExistingHazard): HazardEvent[] {
  allowedIn('VerifyRectification', s.status, ['rectified']);
  const closureRequired = (rules ?? DEFAULT_HAZARD_RULES).closureRequired;
  if (data.passed && closureRequired && s.level === 'major' && !s.closureApplication) {
    throw new RuleViolationError('HAZARD.CLOSURE_REQUIRED', 'a major hazard is closed (销号) only on the unit\'s closure application with its assessment');
  }
  const last = s.lastRectification;
  if (last && (actor.userId === last.submittedBy || (actor.unitId !== undefined && actor.unitId === last.responsibleUnitId))) {
    throw new RuleViolationError(
      'HAZARD.SEPARATION_OF_DUTIES',
      'the verifier must be neither the submitter of the rectification nor the responsible unit',
      { submittedBy: last.submittedBy, responsibleUnitId: last.responsibleUnitId },
    );
  }
  const by = {
    notes: data.notes,
    verifiedBy: actor.userId,
    verifierDepartment: actor.departmentId,
    occurrence: s.occurrence,
    closure: closureReviewed(s.closureApplication, now),
    verifierAuthority: actor.authority ?? null,
  };
  return [data.passed ? { type: 'HazardVerified', data: by } : { type: 'VerificationFailed', data: by }];
}

export function reopen({ data, actor }: ReopenHazard, s: ExistingHazard): HazardEvent[] {
  allowedIn('ReopenHazard', s.status, ['verified']);
  return [{ type: 'HazardReopened', data: { reason: data.reason, reopenedBy: actor.userId, occurrence: s.occurrence + 1 } }];
}
