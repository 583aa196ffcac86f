import { DecideExtension, MarkOverdue, RequestExtension } from '../hazard.commands';
import { HazardEvent } from '../hazard.events';
import { IllegalTransitionError, RuleViolationError } from '../hazard.errors';
import { ExistingHazard } from '../hazard.state';
import { allowedIn, withAssignment, deadlineInFuture, laterThanCurrent } from './decision-guards';

/** Deadlines: extension requests and their decision, and the system's record of a missed deadline. */
export function requestExtension({ data, actor, now }: RequestExtension, s: ExistingHazard): HazardEvent[] {
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

export function decideExtension({ data, actor, now }: DecideExtension, s: ExistingHazard): HazardEvent[] {
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

export function markOverdue({ now }: MarkOverdue, s: ExistingHazard): HazardEvent[] {
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
