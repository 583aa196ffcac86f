import { HazardCommand } from './hazard.commands';
import { AuthorityInsufficientError, ForbiddenError } from './hazard.errors';
import { DEFAULT_HAZARD_RULES } from './hazard-rules';
import { ExistingHazard, HazardState } from './hazard.state';
import { Actor, authorityReaches, Role } from '../shared/actor';

/**
 * Who may issue which command (API.md "Identity"): inspectors report; supervisors act only within their
 * sectors and regions (管行业必须管安全); rectifiers act only for hazards assigned to their unit (and report
 * their own unit's self-check findings, 自查); reviewers
 * write nothing; admins (安委办) may do any supervisor action anywhere. Checked before `decide`, on the
 * state the command would apply to.
 */
const WHO_MAY: Record<HazardCommand['type'], readonly Role[]> = {
  ReportHazard: ['inspector', 'supervisor', 'admin', 'rectifier'],
  AssignRectification: ['supervisor', 'admin'],
  SubmitRemediationPlan: ['rectifier'],
  RequestExtension: ['rectifier'],
  DecideExtension: ['supervisor', 'admin'],
  SubmitRectification: ['rectifier'],
  VerifyRectification: ['supervisor', 'admin'],
  ReopenHazard: ['supervisor', 'admin'],
  MarkOverdue: ['admin'],
  ImposeSupervision: ['supervisor', 'admin'],
  LiftSupervision: ['supervisor', 'admin'],
  ReclassifyHazard: ['supervisor', 'admin'],
  ApplyForClosure: ['rectifier'],
  MarkClosureReviewOverdue: ['admin'],
  NumberSupervisionDocument: ['admin'],
  RecordNoticeServed: ['supervisor', 'admin'],
  RecordNoticeSigned: ['supervisor', 'admin', 'rectifier'],
};

/** The roles that may issue a command type; used by the edge to refuse early and by docs. */
export function rolesAllowedTo(type: HazardCommand['type']): readonly Role[] {
  return WHO_MAY[type];
}

export function authorize(command: HazardCommand, state: HazardState): void {
  const { actor } = command;
  const roles = WHO_MAY[command.type].filter((r) => actor.roles.includes(r));
  if (roles.length === 0) {
    throw new ForbiddenError(`${command.type} needs one of the roles ${WHO_MAY[command.type].join(', ')}`);
  }
  if (roles.includes('admin')) return;
  const scope = command.type === 'ReportHazard' ? { sector: command.data.sector, regionCode: command.data.regionCode } : state.exists ? state : undefined;
  if (scope === undefined) return; // unknown hazard: decide() answers 404
  if (command.type === 'ReportHazard' && roles.includes('rectifier')) {
    // 自查: a unit reports what it found itself, for itself only, registered or not.
    if (actor.unitId !== undefined && actor.unitId === command.data.unitId && command.data.source === 'self-check') return;
    if (roles.length === 1) throw new ForbiddenError(`ReportHazard: a rectifier reports only its own unit's findings (unitId ${actor.unitId ?? '(none)'}) with source self-check`);
  } else if (roles.includes('rectifier')) {
    const unit = state.exists ? state.assignment?.responsibleUnitId : undefined;
    if (!actor.unitId || actor.unitId !== unit) {
      throw new ForbiddenError(`${command.type}: the hazard is not assigned to your unit${actor.unitId ? ` ${actor.unitId}` : ''}`);
    }
    return;
  }
  if (!coversSector(actor, scope.sector)) throw new ForbiddenError(`sector ${scope.sector} is outside your department's sectors`);
  if (!coversRegion(actor, scope.regionCode)) throw new ForbiddenError(`region ${scope.regionCode} is outside your regions`);
  if (state.exists) requireClosingAuthority(command, state);
}

/**
 * 销号 by the level that imposed the 挂牌督办 (16号令 Art. 23): passing a supervised major hazard needs an
 * `authority` at least the supervision's level. Admins (安委办) are let through before this.
 */
function requireClosingAuthority(command: HazardCommand, state: ExistingHazard): void {
  if (command.type !== 'VerifyRectification' || !command.data.passed) return;
  const rules = command.rules ?? DEFAULT_HAZARD_RULES;
  if (!rules.closureRequired || state.level !== 'major' || !state.supervision) return;
  const required = state.supervision.authorityLevel;
  if (!authorityReaches(command.actor, required)) throw new AuthorityInsufficientError(required, command.actor.authority ?? null);
}

function coversSector(actor: Actor, sector: string): boolean {
  const sectors = actor.sectors ?? [];
  return sectors.includes('*') || sectors.includes(sector);
}

function coversRegion(actor: Actor, regionCode: string): boolean {
  const regions = actor.regions ?? [];
  return regions.some((prefix) => prefix === '*' || regionCode.startsWith(prefix));
}
