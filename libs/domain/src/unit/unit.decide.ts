import { correctSelfCheckReport, registered, submitSelfCheckReport } from './self-check.decisions';
import { creditCodeProblem } from './credit-code';
import { RegisterUnit, UnitCommand, UpdateUnit } from './unit.commands';
import { CreditCodeInvalidError, UnitConflictError } from './unit.errors';
import { UnitEvent } from './unit.events';
import { changedFields, nextProfile, profileOfState, unitProfileOf } from './unit-profile';
import { UnitState } from './unit.state';

export function decideUnit(command: UnitCommand, state: UnitState): UnitEvent[] {
  switch (command.type) {
    case 'RegisterUnit':
      return registerUnit(command, state);
    case 'UpdateUnit':
      return updateUnit(command, state);
    case 'SubmitSelfCheckReport':
      return submitSelfCheckReport(command, state);
    case 'CorrectSelfCheckReport':
      return correctSelfCheckReport(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown unit command ${String((unhandled as { type: unknown }).type)}`);
    }
  }
}

function registerUnit(command: RegisterUnit, state: UnitState): UnitEvent[] {
  const { creditCode } = command;
  const problem = creditCodeProblem(creditCode);
  if (problem) throw new CreditCodeInvalidError(creditCode, problem);
  if (state.exists) throw new UnitConflictError('UNIT.ALREADY_REGISTERED', `unit ${creditCode} is already registered (since ${state.registeredAt})`, { creditCode });
  return [{ type: 'UnitRegistered', data: { creditCode, ...unitProfileOf(command.data), registeredAt: command.now } }];
}

/** Only what changed is recorded; an update that changes nothing records nothing. */
function updateUnit(command: UpdateUnit, state: UnitState): UnitEvent[] {
  const unit = registered(state, command.creditCode);
  const current = profileOfState(unit);
  const changes = changedFields(current, nextProfile(current, command));
  return Object.keys(changes).length === 0 ? [] : [{ type: 'UnitUpdated', data: changes }];
}
