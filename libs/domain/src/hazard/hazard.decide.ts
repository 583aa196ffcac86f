import {
  AssignRectification,
  DecideExtension,
  HazardCommand,
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
} from './hazard.commands';
import { HazardEvent } from './hazard.events';
import { profileOf } from './hazard-profile';
import { HazardNotFoundError, IllegalTransitionError, RuleViolationError } from './hazard.errors';
import { ExistingHazard, HazardState } from './hazard.state';
import { HazardStatus, isOpen, outranks } from './hazard-values';

/** The whole decision: which events a command produces in a state, or a DomainError saying why not. */
export function decide(command: HazardCommand, state: HazardState): HazardEvent[] {
  if (command.type === 'ReportHazard') return report(command, state);
  if (!state.exists) throw new HazardNotFoundError(command.hazardId);
  switch (command.type) {
    case 'AssignRectification':
      return assign(command, state);
    case 'SubmitRemediationPlan':
      return submitPlan(command, state);
    case 'RequestExtension':
      return requestExtension(command, state);
    case 'DecideExtension':
      return decideExtension(command, state);
    case 'SubmitRectification':
      return rectify(command, state);
    case 'VerifyRectification':
      return verify(command, state);
    case 'ReopenHazard':
      return reopen(command, state);
    case 'MarkOverdue':
      return markOverdue(command, state);
    case 'ImposeSupervision':
      return impose(command, state);
    case 'LiftSupervision':
      return lift(command, state);
    case 'ReclassifyHazard':
      return reclassify(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

function report({ hazardId, data, actor, now }: ReportHazard, state: HazardState): HazardEvent[] {
  notInFuture('discoveredAt', data.discoveredAt, now);
  if (!state.exists) {
    return [
      {
        type: 'HazardFound',
        data: {
          hazardId,
          ...profileOf(data),
          evidence: [...data.evidence],
          reportedBy: actor.userId,
          reportingDepartment: actor.departmentId,
        },
      },
    ];
  }
  const newCycle = state.status === 'verified';
  return [
    {
      type: 'HazardFoundAgain',
      data: {
        hazardId: state.hazardId,
        previousStatus: state.status,
        occurrence: newCycle ? state.occurrence + 1 : state.occurrence,
        repeatFindings: state.repeatFindings + 1,
        source: data.source,
        description: data.description,
        discoveredAt: data.discoveredAt,
        evidence: [...data.evidence],
        reportedBy: actor.userId,
        reportingDepartment: actor.departmentId,
      },
    },
  ];
}

function assign({ data, actor, now }: AssignRectification, s: ExistingHazard): HazardEvent[] {
  allowedIn('AssignRectification', s.status, ['found', 'reopened', 'assigned']);
  deadlineInFuture('deadline', data.deadline, now);
  return [
    {
      type: 'RectificationAssigned',
      data: { ...data, assignedAt: now, assignedBy: actor.userId, reassignment: s.assignment !== undefined, occurrence: s.occurrence },
    },
  ];
}

function submitPlan({ data, actor }: SubmitRemediationPlan, s: ExistingHazard): HazardEvent[] {
  allowedIn('SubmitRemediationPlan', s.status, ['assigned', 'reopened']);
  withAssignment('SubmitRemediationPlan', s);
  if (s.level !== 'major') {
    throw new RuleViolationError('HAZARD.PLAN_ONLY_FOR_MAJOR', 'a remediation plan (治理方案) is submitted for major hazards only', { level: s.level });
  }
  return [{ type: 'RemediationPlanSubmitted', data: { ...data, submittedBy: actor.userId } }];
}

function requestExtension({ data, actor, now }: RequestExtension, s: ExistingHazard): HazardEvent[] {
  allowedIn('RequestExtension', s.status, ['assigned']);
  const current = withAssignment('RequestExtension', s).deadline;
  laterThanCurrent(data.newDeadline, current);
  deadlineInFuture('newDeadline', data.newDeadline, now);
  return [
    {
      type: 'DeadlineExtensionRequested',
      data: { currentDeadline: current, newDeadline: data.newDeadline, reason: data.reason, requestedBy: actor.userId },
    },
  ];
}

function decideExtension({ data, actor, now }: DecideExtension, s: ExistingHazard): HazardEvent[] {
  allowedIn('DecideExtension', s.status, ['assigned']);
  const pending = s.pendingExtension;
  if (!pending) throw new IllegalTransitionError('DecideExtension', s.status, 'no extension request is pending');
  if (!data.approved) {
    return [{ type: 'DeadlineExtensionDenied', data: { requestedDeadline: pending.newDeadline, reason: data.reason, deniedBy: actor.userId } }];
  }
  deadlineInFuture('newDeadline', pending.newDeadline, now);
  return [
    {
      type: 'DeadlineExtended',
      data: { previousDeadline: withAssignment('DecideExtension', s).deadline, newDeadline: pending.newDeadline, reason: data.reason, approvedBy: actor.userId },
    },
  ];
}

function rectify({ data, actor, now }: SubmitRectification, s: ExistingHazard): HazardEvent[] {
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

function verify({ data, actor }: VerifyRectification, s: ExistingHazard): HazardEvent[] {
  allowedIn('VerifyRectification', s.status, ['rectified']);
  const last = s.lastRectification;
  if (last && (actor.userId === last.submittedBy || (actor.unitId !== undefined && actor.unitId === last.responsibleUnitId))) {
    throw new RuleViolationError(
      'HAZARD.SEPARATION_OF_DUTIES',
      'the verifier must be neither the submitter of the rectification nor the responsible unit',
      { submittedBy: last.submittedBy, responsibleUnitId: last.responsibleUnitId },
    );
  }
  const by = { notes: data.notes, verifiedBy: actor.userId, verifierDepartment: actor.departmentId, occurrence: s.occurrence };
  return [data.passed ? { type: 'HazardVerified', data: by } : { type: 'VerificationFailed', data: by }];
}

function reopen({ data, actor }: ReopenHazard, s: ExistingHazard): HazardEvent[] {
  allowedIn('ReopenHazard', s.status, ['verified']);
  return [{ type: 'HazardReopened', data: { reason: data.reason, reopenedBy: actor.userId, occurrence: s.occurrence + 1 } }];
}

function markOverdue({ now }: MarkOverdue, s: ExistingHazard): HazardEvent[] {
  allowedIn('MarkOverdue', s.status, ['assigned', 'reopened']);
  const assignment = withAssignment('MarkOverdue', s);
  if (Date.parse(now) <= Date.parse(assignment.deadline)) {
    throw new RuleViolationError('HAZARD.DEADLINE_NOT_PASSED', `the deadline ${assignment.deadline} has not passed`);
  }
  if (s.overdueDeadline === assignment.deadline) {
    throw new RuleViolationError('HAZARD.ALREADY_OVERDUE', `the deadline ${assignment.deadline} is already recorded as missed`);
  }
  return [
    {
      type: 'RectificationOverdue',
      data: { deadline: assignment.deadline, responsibleUnitId: assignment.responsibleUnitId, detectedAt: now, occurrence: s.occurrence },
    },
  ];
}

function impose({ data, actor }: ImposeSupervision, s: ExistingHazard): HazardEvent[] {
  if (!isOpen(s.status)) throw new IllegalTransitionError('ImposeSupervision', s.status);
  if (s.supervision && !outranks(data.authorityLevel, s.supervision.authorityLevel)) {
    throw new IllegalTransitionError('ImposeSupervision', s.status, `already under ${s.supervision.authorityLevel}-level supervision`);
  }
  return [
    {
      type: 'SupervisionImposed',
      data: { authorityLevel: data.authorityLevel, department: data.department ?? actor.departmentId, reason: data.reason, imposedBy: actor.userId },
    },
  ];
}

function lift({ data, actor }: LiftSupervision, s: ExistingHazard): HazardEvent[] {
  allowedIn('LiftSupervision', s.status, ['verified']);
  if (!s.underSupervision) throw new IllegalTransitionError('LiftSupervision', s.status, 'the hazard is not under supervision');
  return [{ type: 'SupervisionLifted', data: { reason: data.reason, liftedBy: actor.userId } }];
}

function reclassify({ data, actor }: ReclassifyHazard, s: ExistingHazard): HazardEvent[] {
  if (!isOpen(s.status)) throw new IllegalTransitionError('ReclassifyHazard', s.status);
  if (data.level === s.level) {
    throw new RuleViolationError('HAZARD.SAME_LEVEL', `the hazard is already ${s.level}`, { level: s.level });
  }
  return [{ type: 'HazardLevelChanged', data: { from: s.level, to: data.level, reason: data.reason, changedBy: actor.userId } }];
}

function allowedIn(command: string, status: HazardStatus, allowed: readonly HazardStatus[]): void {
  if (!allowed.includes(status)) throw new IllegalTransitionError(command, status);
}

function withAssignment(command: string, s: ExistingHazard) {
  if (!s.assignment) throw new IllegalTransitionError(command, s.status, 'no responsible unit is assigned');
  return s.assignment;
}

function deadlineInFuture(field: string, deadline: string, now: string): void {
  if (Date.parse(deadline) <= Date.parse(now)) {
    throw new RuleViolationError('HAZARD.DEADLINE_IN_PAST', `${field} ${deadline} is not in the future`, { field, now });
  }
}

function laterThanCurrent(newDeadline: string, current: string): void {
  if (Date.parse(newDeadline) <= Date.parse(current)) {
    throw new RuleViolationError('HAZARD.EXTENSION_NOT_LATER', `newDeadline ${newDeadline} must be later than the current deadline ${current}`, {
      field: 'newDeadline',
      currentDeadline: current,
    });
  }
}

function notInFuture(field: string, time: string, now: string): void {
  if (Date.parse(time) > Date.parse(now)) {
    throw new RuleViolationError('HAZARD.TIME_IN_FUTURE', `${field} ${time} is in the future`, { field, now });
  }
}
