import { given } from '../testing/decider-spec';
import {
  AFTER_DEADLINE,
  AFTER_EXTENDED_DEADLINE,
  aHazard,
  aMajorHazard,
  COMPLETED_AT,
  DEADLINE,
  EXTENDED_DEADLINE,
  hazardRectified,
  rectifier,
  RECTIFIED_AT,
  submitRectification,
  UNIT_ID,
} from '../testing/hazard.mother';
import { IllegalTransitionError, RuleViolationError } from './hazard.errors';

describe('SubmitRectification', () => {
  it('records the fix with who submitted it, for which unit, against which deadline', () => {
    const state = given(aHazard().assigned().events).when(submitRectification()).then([hazardRectified()]);

    expect(state).toMatchObject({
      status: 'rectified',
      lastRectification: { submittedBy: rectifier.userId, responsibleUnitId: UNIT_ID, completedAt: COMPLETED_AT },
    });
  });

  describe('the onTime flag compares completion with the deadline in force', () => {
    it.each([
      ['before the deadline', COMPLETED_AT, true],
      ['exactly at the deadline', DEADLINE, true],
      ['the deadline instant written in UTC', '2026-03-15T10:00:00Z', true],
      ['a minute after the deadline', '2026-03-15T18:01:00+08:00', false],
    ])('completed %s → onTime %s', (_case, completedAt, onTime) => {
      given(aHazard().assigned().events)
        .when(submitRectification({ completedAt }, { now: AFTER_DEADLINE }))
        .then([hazardRectified({ completedAt, onTime })]);
    });

    it('an approved extension moves the bar', () => {
      const completedAt = '2026-03-20T17:00:00+08:00';

      given(aHazard().assigned().extensionRequested().extended().events)
        .when(submitRectification({ completedAt }, { now: AFTER_EXTENDED_DEADLINE }))
        .then([hazardRectified({ completedAt, deadline: EXTENDED_DEADLINE, onTime: true })]);
    });
  });

  it('refuses a completion time in the future (HAZARD.TIME_IN_FUTURE)', () => {
    given(aHazard().assigned().events)
      .when(submitRectification({ completedAt: '2026-03-11T09:00:01+08:00' }, { now: RECTIFIED_AT }))
      .then(RuleViolationError, { code: 'HAZARD.TIME_IN_FUTURE', message: /completedAt/ });
  });

  it('clears the overdue flag: a late fix is still a fix', () => {
    const state = given(aHazard().assigned().overdue().events)
      .when(submitRectification({ completedAt: AFTER_DEADLINE }, { now: AFTER_DEADLINE }))
      .then([hazardRectified({ completedAt: AFTER_DEADLINE, onTime: false })]);

    expect(state).toMatchObject({ status: 'rectified', overdue: false });
  });

  it('drops a pending extension request', () => {
    const state = given(aHazard().assigned().extensionRequested().events).when(submitRectification()).then([hazardRectified()]);

    expect(state).toMatchObject({ pendingExtension: undefined });
  });

  describe('reopened after a failed verification', () => {
    it('is rectified again under the kept assignment, in the same cycle', () => {
      const history = aHazard().assigned().rectified().failedVerification().events;

      const state = given(history)
        .when(submitRectification({ measures: '补装泄漏报警装置' }))
        .then([hazardRectified({ measures: '补装泄漏报警装置', occurrence: 1 })]);

      expect(state).toMatchObject({ status: 'rectified', occurrence: 1, assignment: { responsibleUnitId: UNIT_ID } });
    });
  });

  it('reopened as a new cycle (no assignment): 409 naming the status', () => {
    given(aHazard().assigned().rectified().verified().reopened().events)
      .when(submitRectification())
      .then(IllegalTransitionError, { code: 'HAZARD.ILLEGAL_TRANSITION', message: /while the hazard is reopened \(no responsible unit is assigned\)/ });
  });

  describe('a major hazard needs its remediation plan first (HAZARD.PLAN_REQUIRED)', () => {
    it('without a plan it is refused', () => {
      given(aMajorHazard().assigned().events).when(submitRectification()).then(RuleViolationError, { code: 'HAZARD.PLAN_REQUIRED' });
    });

    it('with a plan it is accepted', () => {
      given(aMajorHazard().assigned().planned().events).when(submitRectification()).then([hazardRectified()]);
    });

    it('the plan of a failed attempt still counts in the same cycle', () => {
      given(aMajorHazard().assigned().planned().rectified().failedVerification().events)
        .when(submitRectification())
        .then([hazardRectified()]);
    });

    it('a hazard graded up to major after assignment needs one too', () => {
      given(aHazard().assigned().reclassified({ from: 'general', to: 'major' }).events)
        .when(submitRectification())
        .then(RuleViolationError, { code: 'HAZARD.PLAN_REQUIRED' });
    });

    it('a new cycle needs a new plan', () => {
      const history = aMajorHazard().assigned().planned().rectified().verified().reopened().assigned().events;

      given(history).when(submitRectification()).then(RuleViolationError, { code: 'HAZARD.PLAN_REQUIRED' });
    });
  });
});
