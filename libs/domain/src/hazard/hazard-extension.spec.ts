import { given } from '../testing/decider-spec';
import {
  AFTER_DEADLINE,
  AFTER_EXTENDED_DEADLINE,
  aHazard,
  DEADLINE,
  decideExtension,
  deadlineExtended,
  deadlineExtensionDenied,
  deadlineExtensionRequested,
  EXTENDED_DEADLINE,
  requestExtension,
} from '../testing/hazard.mother';
import { IllegalTransitionError, RuleViolationError } from './hazard.errors';

describe('RequestExtension', () => {
  it('asks to move the deadline of an assigned hazard later', () => {
    const state = given(aHazard().assigned().events).when(requestExtension()).then([deadlineExtensionRequested()]);

    expect(state).toMatchObject({ deadline: DEADLINE, pendingExtension: { newDeadline: EXTENDED_DEADLINE } });
  });

  describe('the new deadline must be later than the current one (HAZARD.EXTENSION_NOT_LATER)', () => {
    it.each([
      ['the same deadline', DEADLINE],
      ['the same instant in UTC', '2026-03-15T10:00:00Z'],
      ['an earlier deadline', '2026-03-10T18:00:00+08:00'],
    ])('%s', (_case, newDeadline) => {
      given(aHazard().assigned().events)
        .when(requestExtension({ newDeadline }))
        .then(RuleViolationError, { code: 'HAZARD.EXTENSION_NOT_LATER', message: DEADLINE });
    });

    it('is measured against the deadline as already extended', () => {
      given(aHazard().assigned().extended().events)
        .when(requestExtension({ newDeadline: '2026-03-20T18:00:00+08:00' }))
        .then(RuleViolationError, { code: 'HAZARD.EXTENSION_NOT_LATER', message: EXTENDED_DEADLINE });
    });
  });

  it('refuses a new deadline that is later than the current one but already past (HAZARD.DEADLINE_IN_PAST)', () => {
    given(aHazard().assigned().events)
      .when(requestExtension({ newDeadline: '2026-03-16T08:00:00+08:00' }, { now: AFTER_DEADLINE }))
      .then(RuleViolationError, { code: 'HAZARD.DEADLINE_IN_PAST' });
  });

  it('may be asked for after the deadline has passed, if the new one is still ahead', () => {
    given(aHazard().assigned().overdue().events)
      .when(requestExtension({}, { now: AFTER_DEADLINE }))
      .then([deadlineExtensionRequested()]);
  });
});

describe('DecideExtension', () => {
  const requested = aHazard().assigned().extensionRequested();

  it('approved: moves the deadline to the requested one and counts the extension', () => {
    const state = given(requested.events).when(decideExtension({ approved: true })).then([deadlineExtended()]);

    expect(state).toMatchObject({
      deadline: EXTENDED_DEADLINE,
      assignment: { deadline: EXTENDED_DEADLINE },
      extensionCount: 1,
      pendingExtension: undefined,
    });
  });

  it('approved on an overdue hazard: the new deadline is not missed yet', () => {
    const history = aHazard().assigned().overdue().extensionRequested().events;

    const state = given(history).when(decideExtension({}, { now: AFTER_DEADLINE })).then([deadlineExtended()]);

    expect(state).toMatchObject({ overdue: false, deadline: EXTENDED_DEADLINE });
  });

  it('denied: keeps the deadline and closes the request', () => {
    const state = given(requested.events)
      .when(decideExtension({ approved: false, reason: '理由不充分' }))
      .then([deadlineExtensionDenied({ reason: '理由不充分' })]);

    expect(state).toMatchObject({ deadline: DEADLINE, extensionCount: 0, pendingExtension: undefined });
  });

  it('counts every extension granted', () => {
    const secondDeadline = '2026-04-30T18:00:00+08:00';
    const history = requested.extended().extensionRequested({ currentDeadline: EXTENDED_DEADLINE, newDeadline: secondDeadline }).events;

    const state = given(history)
      .when(decideExtension())
      .then([deadlineExtended({ previousDeadline: EXTENDED_DEADLINE, newDeadline: secondDeadline })]);

    expect(state).toMatchObject({ extensionCount: 2, deadline: secondDeadline });
  });

  describe('with no request pending: 409 (IllegalTransitionError naming the status)', () => {
    it.each([
      ['never requested', aHazard().assigned().events],
      ['already approved', requested.extended().events],
      ['already denied', requested.extensionDenied().events],
      ['dropped by a reassignment', requested.reassigned().events],
    ])('%s', (_case, history) => {
      given(history)
        .when(decideExtension())
        .then(IllegalTransitionError, { code: 'HAZARD.ILLEGAL_TRANSITION', message: /while the hazard is assigned \(no extension request is pending\)/ });
    });
  });

  it('cannot approve a requested deadline that has passed in the meantime (HAZARD.DEADLINE_IN_PAST)', () => {
    given(requested.events)
      .when(decideExtension({ approved: true }, { now: AFTER_EXTENDED_DEADLINE }))
      .then(RuleViolationError, { code: 'HAZARD.DEADLINE_IN_PAST', message: EXTENDED_DEADLINE });
  });

  it('can still deny a request whose date has passed', () => {
    given(requested.events)
      .when(decideExtension({ approved: false }, { now: AFTER_EXTENDED_DEADLINE }))
      .then([deadlineExtensionDenied()]);
  });
});
