import { given } from '../testing/decider-spec';
import {
  AFTER_DEADLINE,
  AFTER_EXTENDED_DEADLINE,
  aHazard,
  DEADLINE,
  EXTENDED_DEADLINE,
  markOverdue,
  NOW,
  rectificationOverdue,
} from '../testing/hazard.mother';
import { IllegalTransitionError, RuleViolationError } from './hazard.errors';

describe('MarkOverdue (deadline scheduler)', () => {
  const assigned = aHazard().assigned();

  it('records a passed deadline of an assigned hazard', () => {
    const state = given(assigned.events).when(markOverdue({ now: AFTER_DEADLINE })).then([rectificationOverdue()]);

    expect(state).toMatchObject({ status: 'assigned', overdue: true, overdueDeadline: DEADLINE });
  });

  describe('not before the deadline (HAZARD.DEADLINE_NOT_PASSED)', () => {
    it.each([
      ['long before', NOW],
      ['exactly at the deadline', DEADLINE],
      ['at the deadline written in UTC', '2026-03-15T10:00:00Z'],
    ])('%s', (_case, now) => {
      given(assigned.events).when(markOverdue({ now })).then(RuleViolationError, { code: 'HAZARD.DEADLINE_NOT_PASSED' });
    });
  });

  it('fires once per deadline (HAZARD.ALREADY_OVERDUE the second time)', () => {
    given(assigned.overdue().events)
      .when(markOverdue({ now: AFTER_EXTENDED_DEADLINE }))
      .then(RuleViolationError, { code: 'HAZARD.ALREADY_OVERDUE' });
  });

  describe('never after rectification', () => {
    it('a rectified hazard is not overdue, even past its deadline: 409 naming the status', () => {
      given(assigned.rectified().events)
        .when(markOverdue({ now: AFTER_DEADLINE }))
        .then(IllegalTransitionError, { message: /while the hazard is rectified/ });
    });

    it('nor a verified one', () => {
      given(assigned.rectified().verified().events)
        .when(markOverdue({ now: AFTER_DEADLINE }))
        .then(IllegalTransitionError, { message: /while the hazard is verified/ });
    });
  });

  describe('an extension moves the deadline', () => {
    const extended = assigned.overdue().extensionRequested().extended();

    it('the new deadline is not overdue before it passes', () => {
      given(extended.events)
        .when(markOverdue({ now: '2026-03-20T09:00:00+08:00' }))
        .then(RuleViolationError, { code: 'HAZARD.DEADLINE_NOT_PASSED' });
    });

    it('and fires again, once, when the new deadline passes', () => {
      const state = given(extended.events)
        .when(markOverdue({ now: AFTER_EXTENDED_DEADLINE }))
        .then([rectificationOverdue({ deadline: EXTENDED_DEADLINE, detectedAt: AFTER_EXTENDED_DEADLINE })]);

      expect(state).toMatchObject({ overdue: true, overdueDeadline: EXTENDED_DEADLINE });
      given(extended.overdue({ deadline: EXTENDED_DEADLINE }).events)
        .when(markOverdue({ now: AFTER_EXTENDED_DEADLINE }))
        .then(RuleViolationError, { code: 'HAZARD.ALREADY_OVERDUE' });
    });

    it('a denied extension leaves the missed deadline missed', () => {
      given(assigned.overdue().extensionRequested().extensionDenied().events)
        .when(markOverdue({ now: AFTER_EXTENDED_DEADLINE }))
        .then(RuleViolationError, { code: 'HAZARD.ALREADY_OVERDUE' });
    });
  });

  it('a reassignment brings a new deadline that can be missed in turn', () => {
    const history = assigned.overdue().reassigned({ deadline: EXTENDED_DEADLINE, assignedAt: AFTER_DEADLINE }).events;

    given(history)
      .when(markOverdue({ now: AFTER_EXTENDED_DEADLINE }))
      .then([rectificationOverdue({ deadline: EXTENDED_DEADLINE, detectedAt: AFTER_EXTENDED_DEADLINE })]);
  });

  describe('reopened', () => {
    it('after a failed verification the kept deadline still counts', () => {
      given(assigned.rectified().failedVerification().events)
        .when(markOverdue({ now: AFTER_DEADLINE }))
        .then([rectificationOverdue()]);
    });

    it('but a deadline already recorded as missed is not recorded twice', () => {
      given(assigned.overdue().rectified().failedVerification().events)
        .when(markOverdue({ now: AFTER_EXTENDED_DEADLINE }))
        .then(RuleViolationError, { code: 'HAZARD.ALREADY_OVERDUE' });
    });

    it('as a new cycle without assignment has no deadline to miss: 409', () => {
      given(assigned.rectified().verified().reopened().events)
        .when(markOverdue({ now: AFTER_DEADLINE }))
        .then(IllegalTransitionError, { message: /while the hazard is reopened \(no responsible unit is assigned\)/ });
    });
  });
});
