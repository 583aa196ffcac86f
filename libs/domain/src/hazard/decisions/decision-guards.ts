import { IllegalTransitionError, RuleViolationError } from '../hazard.errors';
import { ExistingHazard } from '../hazard.state';
import { HazardStatus } from '../hazard-values';

/** The checks several decisions share; each throws the DomainError that names the rule. */
export function allowedIn(command: string, status: HazardStatus, allowed: readonly HazardStatus[]): void {
  if (!allowed.includes(status)) throw new IllegalTransitionError(command, status);
}

export function withAssignment(command: string, s: ExistingHazard) {
  if (!s.assignment) throw new IllegalTransitionError(command, s.status, 'no responsible unit is assigned');
  return s.assignment;
}

export function deadlineInFuture(field: string, deadline: string, now: string): void {
  if (Date.parse(deadline) <= Date.parse(now)) {
    throw new RuleViolationError('HAZARD.DEADLINE_IN_PAST', `${field} ${deadline} is not in the future`, { field, now });
  }
}

export function laterThanCurrent(newDeadline: string, current: string): void {
  if (Date.parse(newDeadline) <= Date.parse(current)) {
    throw new RuleViolationError('HAZARD.EXTENSION_NOT_LATER', `newDeadline ${newDeadline} must be later than the current deadline ${current}`, {
      field: 'newDeadline',
      currentDeadline: current,
    });
  }
}

export function notInFuture(field: string, time: string, now: string): void {
  if (Date.parse(time) > Date.parse(now)) {
    throw new RuleViolationError('HAZARD.TIME_IN_FUTURE', `${field} ${time} is in the future`, { field, now });
  }
}
