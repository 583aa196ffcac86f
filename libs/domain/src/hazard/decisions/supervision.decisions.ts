import { ImposeSupervision, LiftSupervision, ReclassifyHazard } from '../hazard.commands';
import { HazardEvent } from '../hazard.events';
import { IllegalTransitionError, RuleViolationError } from '../hazard.errors';
import { ExistingHazard } from '../hazard.state';
import { isOpen, outranks } from '../hazard-values';
import { allowedIn } from './decision-guards';
import { imposition } from './supervision-document.decisions';

/** 挂牌督办 and grading: imposing and lifting supervision, and changing a hazard's level. */
export function impose(command: ImposeSupervision, s: ExistingHazard): HazardEvent[] {
  if (!isOpen(s.status)) throw new IllegalTransitionError('ImposeSupervision', s.status);
  if (s.supervision && !outranks(command.data.authorityLevel, s.supervision.authorityLevel)) {
    throw new IllegalTransitionError('ImposeSupervision', s.status, `already under ${s.supervision.authorityLevel}-level supervision`);
  }
  return [imposition(command)];
}

export function lift({ data, actor }: LiftSupervision, s: ExistingHazard): HazardEvent[] {
  allowedIn('LiftSupervision', s.status, ['verified']);
  if (!s.underSupervision) throw new IllegalTransitionError('LiftSupervision', s.status, 'the hazard is not under supervision');
  return [{ type: 'SupervisionLifted', data: { reason: data.reason, liftedBy: actor.userId } }];
}

export function reclassify({ data, actor, now, rules }: ReclassifyHazard, s: ExistingHazard): HazardEvent[] {
  if (!isOpen(s.status)) throw new IllegalTransitionError('ReclassifyHazard', s.status);
  const basisCode = data.basisCode ?? null;
  if (basisCode !== null) rules?.reference?.checkBasis(basisCode, s.sector, now);
  if (data.level === s.level) {
    throw new RuleViolationError('HAZARD.SAME_LEVEL', `the hazard is already ${s.level}`, { level: s.level });
  }
  return [{ type: 'HazardLevelChanged', data: { from: s.level, to: data.level, reason: data.reason, changedBy: actor.userId, basisCode } }];
}
