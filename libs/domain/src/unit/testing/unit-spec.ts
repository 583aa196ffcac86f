import { ErrorClass, ErrorExpectation } from '../../testing/decider-spec';
import { ForbiddenError } from '../../hazard/hazard.errors';
import { unitAggregate } from '../unit.aggregate';
import { UnitCommand } from '../unit.commands';
import { UnitEvent } from '../unit.events';
import { UnitState } from '../unit.state';

const { decider, authorize } = unitAggregate;

export function foldUnit(events: readonly UnitEvent[]): UnitState {
  return events.reduce(decider.evolve, decider.initialState());
}

/**
 * Given/When/Then for the unit decider (STYLE.md habit 9), like the hazard's: the history is folded, the
 * command authorized and decided on the result. Synchronous: do not `await` it.
 */
export function givenUnit(history: readonly UnitEvent[] = []) {
  const state = foldUnit(history);
  return {
    state,
    when(command: UnitCommand) {
      return {
        /** Exactly these events; returns the state after them. */
        then(expected: readonly UnitEvent[]): UnitState {
          expect(decider.decide(command, state)).toEqual(expected);
          return foldUnit([...history, ...expected]);
        },
        /** Refused by `decide` with this class (and code / message); returns the error. */
        thenRefused<E extends Error>(errorClass: ErrorClass<E>, expectation: ErrorExpectation = {}): E {
          const error = thrownBy(() => decider.decide(command, state));
          expect(error).toBeInstanceOf(errorClass);
          if (expectation.code !== undefined) expect(error).toHaveProperty('code', expectation.code);
          if (expectation.message !== undefined) expect((error as Error).message).toMatch(expectation.message);
          return error as E;
        },
        thenAuthorized: () => expect(() => authorize(command, state)).not.toThrow(),
        thenForbidden(message?: string | RegExp): void {
          const error = thrownBy(() => authorize(command, state));
          expect(error).toBeInstanceOf(ForbiddenError);
          if (message !== undefined) expect((error as Error).message).toMatch(message);
        },
      };
    },
  };
}

function thrownBy(run: () => unknown): unknown {
  try {
    return { returned: run() };
  } catch (error) {
    return error;
  }
}
