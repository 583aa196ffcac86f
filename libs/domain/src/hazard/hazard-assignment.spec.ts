import { given } from '../testing/decider-spec';
import {
  AFTER_DEADLINE,
  aHazard,
  assignRectification,
  DEADLINE,
  EXTENDED_DEADLINE,
  NOW,
  OTHER_UNIT_ID,
  rectificationAssigned,
  supervisor2,
  UNIT_ID,
} from '../testing/hazard.mother';
import { RuleViolationError } from './hazard.errors';

describe('AssignRectification', () => {
  it('hands a found hazard to a responsible unit with a deadline', () => {
    const state = given(aHazard().events).when(assignRectification()).then([rectificationAssigned()]);

    expect(state).toMatchObject({
      status: 'assigned',
      deadline: DEADLINE,
      overdue: false,
      assignment: { responsibleUnitId: UNIT_ID, responsiblePerson: '张三', deadline: DEADLINE, assignedAt: NOW },
    });
  });

  describe('a deadline in the past is rejected (HAZARD.DEADLINE_IN_PAST)', () => {
    it.each([
      ['before now', '2026-02-01T00:00:00+08:00'],
      ['exactly now', NOW],
      ['the same instant in another offset', '2026-03-01T00:00:00Z'],
    ])('%s', (_case, deadline) => {
      given(aHazard().events)
        .when(assignRectification({ deadline }, { now: NOW }))
        .then(RuleViolationError, { code: 'HAZARD.DEADLINE_IN_PAST', message: /deadline/ });
    });

    it('compares instants, not strings: a minute later in UTC is the future', () => {
      given(aHazard().events)
        .when(assignRectification({ deadline: '2026-03-01T00:01:00Z' }, { now: NOW }))
        .then([rectificationAssigned({ deadline: '2026-03-01T00:01:00Z' })]);
    });
  });

  describe('reassignment', () => {
    it('replaces the responsible unit and deadline of an assigned hazard', () => {
      const reassign = assignRectification({ responsibleUnitId: OTHER_UNIT_ID, deadline: EXTENDED_DEADLINE }, { actor: supervisor2 });

      const state = given(aHazard().assigned().events)
        .when(reassign)
        .then([
          rectificationAssigned({ responsibleUnitId: OTHER_UNIT_ID, deadline: EXTENDED_DEADLINE, assignedBy: supervisor2.userId, reassignment: true }),
        ]);

      expect(state).toMatchObject({ status: 'assigned', deadline: EXTENDED_DEADLINE, assignment: { responsibleUnitId: OTHER_UNIT_ID } });
    });

    it('drops a pending extension request and the overdue flag of the old assignment', () => {
      const history = aHazard().assigned().overdue().extensionRequested().events;

      const state = given(history)
        .when(assignRectification({ deadline: EXTENDED_DEADLINE }, { now: AFTER_DEADLINE }))
        .then([rectificationAssigned({ deadline: EXTENDED_DEADLINE, assignedAt: AFTER_DEADLINE, reassignment: true })]);

      expect(state).toMatchObject({ overdue: false, pendingExtension: undefined });
    });

    it('keeps the cycle after a failed verification (the assignment was kept, so it is a reassignment)', () => {
      const history = aHazard().assigned().rectified().failedVerification().events;

      given(history)
        .when(assignRectification({ responsibleUnitId: OTHER_UNIT_ID }))
        .then([rectificationAssigned({ responsibleUnitId: OTHER_UNIT_ID, reassignment: true, occurrence: 1 })]);
    });
  });

  it('assigns a reopened hazard afresh in its new cycle', () => {
    const history = aHazard().assigned().rectified().verified().reopened().events;

    const state = given(history)
      .when(assignRectification({ deadline: EXTENDED_DEADLINE }, { now: AFTER_DEADLINE }))
      .then([rectificationAssigned({ deadline: EXTENDED_DEADLINE, assignedAt: AFTER_DEADLINE, reassignment: false, occurrence: 2 })]);

    expect(state).toMatchObject({ status: 'assigned', occurrence: 2 });
  });
});
