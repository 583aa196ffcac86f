import { HazardNotFoundError, IllegalTransitionError, RuleViolationError } from '..';
import { given } from './decider-spec';
import { aHazard, assignRectification, hazardFound, rectificationAssigned, reportHazard, reviewer, supervisor, verifyRectification } from './hazard.mother';

/** The helper must fail loudly whenever the decider does something else than the test says. */
describe('given/when/then helper', () => {
  it('then(events) passes on exactly those events and returns the state after them', () => {
    expect(given([]).when(reportHazard()).then([hazardFound()])).toMatchObject({ status: 'found' });
  });

  it('then(events) fails on other events', () => {
    expect(() => given([]).when(reportHazard()).then([hazardFound({ level: 'major' })])).toThrow();
  });

  it('then(events) fails, naming the error, when the command is refused', () => {
    expect(() => given(aHazard().events).when(verifyRectification()).then([rectificationAssigned()])).toThrow(/IllegalTransitionError\(HAZARD.ILLEGAL_TRANSITION/);
  });

  it('then(ErrorClass) returns the error for further checks', () => {
    const error = given(aHazard().events).when(verifyRectification()).then(IllegalTransitionError);

    expect(error.status).toBe('found');
  });

  it('then(ErrorClass) fails when the command succeeds', () => {
    expect(() => given(aHazard().events).when(assignRectification()).then(IllegalTransitionError)).toThrow(/no error/);
  });

  it('then(ErrorClass) fails on another error class, code or message', () => {
    const refused = given(aHazard().events).when(verifyRectification());

    expect(() => refused.then(RuleViolationError)).toThrow(/expected VerifyRectification to throw RuleViolationError/);
    expect(() => refused.then(HazardNotFoundError)).toThrow();
    expect(() => refused.then(IllegalTransitionError, { code: 'HAZARD.NOT_FOUND' })).toThrow();
    expect(() => refused.then(IllegalTransitionError, { message: /while the hazard is assigned/ })).toThrow();
  });

  it('thenDecides checks the event types only', () => {
    given(aHazard().events).when(assignRectification()).thenDecides('RectificationAssigned');
    expect(() => given(aHazard().events).when(assignRectification()).thenDecides('HazardRectified')).toThrow();
  });

  it('thenAuthorized and thenForbidden fail on the other outcome', () => {
    expect(() => given(aHazard().events).when(assignRectification({}, { actor: reviewer })).thenAuthorized()).toThrow();
    expect(() => given(aHazard().events).when(assignRectification({}, { actor: supervisor })).thenForbidden()).toThrow(/to be forbidden/);
  });
});
