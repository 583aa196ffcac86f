import { ImposeSupervision, LiftSupervision } from '../hazard/hazard.commands';
import { HazardEvent } from '../hazard/hazard.events';
import { HazardState } from '../hazard/hazard.state';
import { AuthorityLevel, outranks, SupervisionReason } from '../hazard/hazard-values';

/**
 * The escalation rules (挂牌督办 by the system), all in one place:
 *
 * | rule                       | when this is recorded                                          | the system then          |
 * |----------------------------|----------------------------------------------------------------|--------------------------|
 * | `supervise-major`          | HazardFound of a major hazard, or HazardLevelChanged to major   | county-level, `major`    |
 * |                            | (only while the policy's `superviseMajor` is on)                |                          |
 * | `supervise-overdue-major`  | RectificationOverdue of a major hazard                          | city-level, `overdue`    |
 * | `supervise-recurrence`     | a new cycle with occurrence ≥ 3 starts (HazardFoundAgain of a   | county-level, `recurrence` |
 * |                            | verified hazard, or HazardReopened)                             |                          |
 * | `lift-on-verification`     | HazardVerified of a hazard under supervision                    | LiftSupervision          |
 *
 * Why these choices:
 * - Reclassification to major counts like finding a major hazard: a 重大事故隐患 is supervised because of what
 *   it is, not because of when it was graded.
 * - `major` and `recurrence` start at county level so `overdue` (city) is a real escalation of them; an
 *   imposition that would not raise the current level is not proposed at all (the decider refuses it anyway).
 * - Recurrence counts cycles (occurrence), however the new cycle started: the 3rd cycle is the 2nd time a
 *   verified fix did not hold. A repeat finding of a still-open hazard is not a new cycle.
 *
 * Pure: the caller passes the hazard's state just before and just after the event, and stamps the actor
 * (SYSTEM_ACTOR) and `now` on the commands it sends. The decider still has the last word: a rule is
 * evaluated on the state at the event, the command is decided on the state when it arrives.
 */
export interface EscalationPolicy {
  /** SUPERVISE_MAJOR: put every major hazard under supervision when it is found or graded major. */
  readonly superviseMajor: boolean;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = { superviseMajor: true };

export type EscalationRuleName = 'supervise-major' | 'supervise-overdue-major' | 'supervise-recurrence' | 'lift-on-verification';

/** The recorded event that may call for escalation, with the hazard's state on either side of it. */
export interface EscalationTrigger {
  readonly event: HazardEvent;
  readonly before: HazardState;
  readonly after: HazardState;
}

type SystemCommand<C> = Omit<C, 'actor' | 'now'>;

/** A command the system owes because of one recorded event; the rule name makes it unique per event. */
export interface Escalation {
  readonly rule: EscalationRuleName;
  readonly command: SystemCommand<ImposeSupervision> | SystemCommand<LiftSupervision>;
}

/** Reason recorded on a SupervisionLifted the system issues. */
export const LIFTED_ON_VERIFICATION = 'verified';

type Rule = (trigger: EscalationTrigger, policy: EscalationPolicy) => Escalation | undefined;

const superviseMajor: Rule = ({ event, after }, policy) => {
  const gradedMajor = (event.type === 'HazardFound' && event.data.level === 'major') || (event.type === 'HazardLevelChanged' && event.data.to === 'major');
  return policy.superviseMajor && gradedMajor ? impose('supervise-major', after, 'county', 'major') : undefined;
};

const superviseOverdueMajor: Rule = ({ event, after }) =>
  event.type === 'RectificationOverdue' && after.exists && after.level === 'major' ? impose('supervise-overdue-major', after, 'city', 'overdue') : undefined;

const superviseRecurrence: Rule = ({ event, after }) => {
  const newCycle = (event.type === 'HazardFoundAgain' && event.data.previousStatus === 'verified') || event.type === 'HazardReopened';
  return newCycle && after.exists && after.occurrence >= 3 ? impose('supervise-recurrence', after, 'county', 'recurrence') : undefined;
};

const liftOnVerification: Rule = ({ event, before, after }) =>
  event.type === 'HazardVerified' && before.exists && before.underSupervision && after.exists
    ? { rule: 'lift-on-verification', command: { type: 'LiftSupervision', hazardId: after.hazardId, data: { reason: LIFTED_ON_VERIFICATION } } }
    : undefined;

const RULES: readonly Rule[] = [superviseMajor, superviseOverdueMajor, superviseRecurrence, liftOnVerification];

/** Every command the system owes because `trigger.event` was recorded: usually none, at most one per rule. */
export function escalationsFor(trigger: EscalationTrigger, policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY): Escalation[] {
  return RULES.map((rule) => rule(trigger, policy)).filter((e): e is Escalation => e !== undefined);
}

function impose(rule: EscalationRuleName, after: HazardState, authorityLevel: AuthorityLevel, reason: SupervisionReason): Escalation | undefined {
  if (!after.exists) return undefined;
  const current = after.supervision?.authorityLevel;
  if (current !== undefined && !outranks(authorityLevel, current)) return undefined;
  return { rule, command: { type: 'ImposeSupervision', hazardId: after.hazardId, data: { authorityLevel, reason } } };
}
