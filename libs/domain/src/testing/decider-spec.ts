import { authorize, decide, evolve, ForbiddenError, HazardCommand, HazardEvent, HazardEventType, HazardState, initialState } from '..';

/** Any error class, abstract ones (DomainError) included, so `then` can assert by class. */
export type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

export interface ErrorExpectation {
  /** The stable `code` of a DomainError, e.g. 'HAZARD.DEADLINE_IN_PAST'. */
  readonly code?: string;
  readonly message?: string | RegExp;
}

export interface Then {
  /** Asserts the command decides exactly these events; returns the state after them, for state checks. */
  then(expected: readonly HazardEvent[]): HazardState;
  /** Asserts the command is refused with this error class (and code / message); returns the error. */
  then<E extends Error>(expected: ErrorClass<E>, expectation?: ErrorExpectation): E;
  /** Asserts only the types of the decided events, in order (for tables over many states); returns the events. */
  thenDecides(...types: HazardEventType[]): HazardEvent[];
  /** Asserts the access policy lets the command's actor through. */
  thenAuthorized(): void;
  /** Asserts the access policy refuses the command's actor (403). */
  thenForbidden(message?: string | RegExp): ForbiddenError;
}

/**
 * Given/When/Then for the hazard decider (STYLE.md habit 9): the history is folded with `evolve`, the command
 * is decided on the result. Synchronous on purpose: do not `await` it (it has a `then` method).
 *
 *   given(aHazard().assigned().events).when(markOverdue()).then([rectificationOverdue()]);
 *   given(aHazard().events).when(verifyRectification()).then(IllegalTransitionError, { message: /found/ });
 */
export function given(history: readonly HazardEvent[] = []): { readonly state: HazardState; when(command: HazardCommand): Then } {
  const state = fold(history);
  return {
    state,
    when(command: HazardCommand): Then {
      return {
        then: ((expected: readonly HazardEvent[] | ErrorClass, expectation?: ErrorExpectation) =>
          Array.isArray(expected)
            ? expectEvents(history, state, command, expected)
            : expectError(state, command, expected as ErrorClass, expectation)) as Then['then'],
        thenDecides: (...types: HazardEventType[]) => {
          const actual = decideOrExplain(command, state, types);
          expect(actual.map((e) => e.type)).toEqual(types);
          return actual;
        },
        thenAuthorized: () => expect(() => authorize(command, state)).not.toThrow(),
        thenForbidden: (message?: string | RegExp) => {
          const error = outcomeOf(() => authorize(command, state));
          if (!(error instanceof ForbiddenError)) throw new Error(`expected ${command.type} by ${command.actor.userId} to be forbidden, got ${explain(error)}`);
          if (message !== undefined) expect(error.message).toMatch(message);
          return error;
        },
      };
    },
  };
}

export function fold(events: readonly HazardEvent[]): HazardState {
  return events.reduce(evolve, initialState());
}

function expectEvents(history: readonly HazardEvent[], state: HazardState, command: HazardCommand, expected: readonly HazardEvent[]): HazardState {
  const actual = decideOrExplain(command, state, expected.map((e) => e.type));
  expect(actual).toEqual(expected);
  return fold([...history, ...actual]);
}

function decideOrExplain(command: HazardCommand, state: HazardState, expected: readonly HazardEventType[]): HazardEvent[] {
  try {
    return decide(command, state);
  } catch (error) {
    throw new Error(`expected ${command.type} to decide [${expected.join(', ')}], but it threw ${explain(error)}`);
  }
}

function expectError<E extends Error>(state: HazardState, command: HazardCommand, errorClass: ErrorClass<E>, expectation: ErrorExpectation = {}): E {
  const error = outcomeOf(() => decide(command, state));
  if (!(error instanceof errorClass)) throw new Error(`expected ${command.type} to throw ${errorClass.name}, got ${explain(error)}`);
  if (expectation.code !== undefined) expect(error).toHaveProperty('code', expectation.code);
  if (expectation.message !== undefined) expect(error.message).toMatch(expectation.message);
  return error;
}

/** The thrown error, or the returned value wrapped so the caller can report it. */
function outcomeOf(run: () => unknown): unknown {
  try {
    return { returned: run() };
  } catch (error) {
    return error;
  }
}

function explain(outcome: unknown): string {
  if (outcome instanceof Error) return `${outcome.constructor.name}(${'code' in outcome ? `${String(outcome.code)}: ` : ''}${outcome.message})`;
  return `no error: ${JSON.stringify(outcome)}`;
}
