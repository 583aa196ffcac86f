import { ForbiddenError } from '../hazard/hazard.errors';
import { readScopeOf } from '../hazard/read-scope';
import { Actor, Role } from '../shared/actor';
import { nextProfile } from './unit-profile';
import { UnitCommand, UpdateUnit } from './unit.commands';
import { UnitState } from './unit.state';

/**
 * Who may issue which unit command (DESIGN.md "Enterprise registry and self-reporting"): the registry is kept by
 * an admin (安委办) or a supervisor in its regions whose department supervises the unit; a period's report is
 * the unit's own rectifier's. Checked before `decide`, on the state the command would apply to.
 */
const WHO_MAY: Record<UnitCommand['type'], readonly Role[]> = {
  RegisterUnit: ['admin', 'supervisor'],
  UpdateUnit: ['admin', 'supervisor'],
  SubmitSelfCheckReport: ['rectifier'],
  CorrectSelfCheckReport: ['rectifier'],
};

export function authorizeUnit(command: UnitCommand, state: UnitState): void {
  const { actor } = command;
  const roles = WHO_MAY[command.type].filter((role) => actor.roles.includes(role));
  if (roles.length === 0) throw new ForbiddenError(`${command.type} needs one of the roles ${WHO_MAY[command.type].join(', ')}`);
  if (roles.includes('admin')) return;
  switch (command.type) {
    case 'RegisterUnit':
      return requireSupervising(actor, command.data);
    case 'UpdateUnit':
      return requireSupervisingUpdate(actor, command, state);
    case 'SubmitSelfCheckReport':
    case 'CorrectSelfCheckReport':
      if (actor.unitId !== command.creditCode) throw new ForbiddenError(`${command.type}: you speak for unit ${actor.unitId ?? '(none)'}, not ${command.creditCode}`);
      return;
    default: {
      const unhandled: never = command;
      void unhandled;
    }
  }
}

/** A supervisor must supervise the unit before and after the update: it cannot move one out of its own reach. */
function requireSupervisingUpdate(actor: Actor, command: UpdateUnit, state: UnitState): void {
  if (!state.exists) return; // an unregistered unit: decide() answers 404
  requireSupervising(actor, state);
  requireSupervising(actor, nextProfile(state, command));
}

function requireSupervising(actor: Actor, unit: { readonly regionCode: string; readonly supervisingDepartments: readonly string[] }): void {
  if (!coversRegion(actor.regions ?? [], unit.regionCode)) throw new ForbiddenError(`region ${unit.regionCode} is outside your regions`);
  if (!unit.supervisingDepartments.includes(actor.departmentId)) {
    throw new ForbiddenError(`your department ${actor.departmentId} is not among the unit's supervisingDepartments (${unit.supervisingDepartments.join(', ')})`);
  }
}

/**
 * Who may read a unit (API.md "Read scope"): reviewer and admin all; inspector, supervisor and tip-officer the
 * units in their regions; a rectifier its own unit. Out of scope a read is 404, as for hazards.
 */
export function canReadUnit(actor: Actor, unit: { readonly creditCode: string; readonly regionCode: string }): boolean {
  const scope = readScopeOf(actor);
  if (scope.all) return true;
  if (scope.area && coversRegion(scope.area.regions, unit.regionCode)) return true;
  return scope.unitId !== undefined && scope.unitId === unit.creditCode;
}

/** The region prefixes a reader's unit lists and self-reporting figures cover: null for all; undefined when it may not list (a rectifier: 403). */
export function unitListRegions(actor: Actor): readonly string[] | null | undefined {
  const scope = readScopeOf(actor);
  if (scope.all) return null;
  if (!scope.area) return undefined;
  return scope.area.regions.includes('*') ? null : scope.area.regions;
}

function coversRegion(regions: readonly string[], regionCode: string): boolean {
  return regions.some((prefix) => prefix === '*' || regionCode.startsWith(prefix));
}
