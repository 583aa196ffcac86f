import { given } from '../testing/decider-spec';
import {
  admin,
  aHazard,
  anActor,
  hazardReopened,
  hazardVerified,
  rectifier,
  reopenHazard,
  supervisor,
  supervisor2,
  UNIT_ID,
  verificationFailed,
  verifyRectification,
} from '../testing/hazard.mother';
import { RuleViolationError } from './hazard.errors';

describe('VerifyRectification', () => {
  const rectified = aHazard().assigned().rectified();

  it('passed: the hazard is verified', () => {
    const state = given(rectified.events).when(verifyRectification({ passed: true })).then([hazardVerified()]);

    expect(state).toMatchObject({ status: 'verified', occurrence: 1, overdue: false });
  });

  it('failed: back to reopened in the same cycle, the assignment kept', () => {
    const state = given(rectified.events)
      .when(verifyRectification({ passed: false, notes: '报警装置未安装' }))
      .then([verificationFailed({ notes: '报警装置未安装' })]);

    expect(state).toMatchObject({ status: 'reopened', occurrence: 1, assignment: { responsibleUnitId: UNIT_ID } });
  });

  it('records the verifier and their department', () => {
    given(rectified.events)
      .when(verifyRectification({}, { actor: admin }))
      .then([hazardVerified({ verifiedBy: admin.userId, verifierDepartment: admin.departmentId, verifierAuthority: null })]);
  });

  describe('separation of duties (HAZARD.SEPARATION_OF_DUTIES)', () => {
    it('the submitter of the rectification may not verify it', () => {
      const submitterAsSupervisor = anActor({ userId: rectifier.userId });

      given(rectified.events)
        .when(verifyRectification({}, { actor: submitterAsSupervisor }))
        .then(RuleViolationError, { code: 'HAZARD.SEPARATION_OF_DUTIES' });
    });

    it('nobody speaking for the responsible unit may verify it', () => {
      const supervisorOfUnit = anActor({ userId: 'sup-unit', unitId: UNIT_ID });

      given(rectified.events)
        .when(verifyRectification({}, { actor: supervisorOfUnit }))
        .then(RuleViolationError, { code: 'HAZARD.SEPARATION_OF_DUTIES' });
    });

    it('a failing verdict is refused just the same', () => {
      given(rectified.events)
        .when(verifyRectification({ passed: false }, { actor: anActor({ unitId: UNIT_ID }) }))
        .then(RuleViolationError, { code: 'HAZARD.SEPARATION_OF_DUTIES' });
    });

    it('is judged against the latest rectification, not an earlier one', () => {
      const history = rectified.failedVerification().rectified({ submittedBy: supervisor2.userId }).events;

      given(history).when(verifyRectification({}, { actor: supervisor })).then([hazardVerified()]);
      given(history)
        .when(verifyRectification({}, { actor: supervisor2 }))
        .then(RuleViolationError, { code: 'HAZARD.SEPARATION_OF_DUTIES' });
    });

    it('the assigning supervisor is neither, and may verify', () => {
      given(rectified.events).when(verifyRectification({}, { actor: supervisor })).then([hazardVerified()]);
    });
  });
});

describe('ReopenHazard', () => {
  it('reopens a verified hazard as a new cycle: occurrence + 1, assignment cleared', () => {
    const state = given(aHazard().assigned().rectified().verified().events)
      .when(reopenHazard({ reason: '群众投诉仍有异味' }))
      .then([hazardReopened({ reason: '群众投诉仍有异味', occurrence: 2 })]);

    expect(state).toMatchObject({ status: 'reopened', occurrence: 2, overdue: false });
    expect(state.exists && state.assignment).toBeUndefined();
  });

  it('counts cycles across reopenings', () => {
    const history = aHazard().assigned().rectified().verified().reopened().assigned().rectified().verified().events;

    const state = given(history).when(reopenHazard()).then([hazardReopened({ occurrence: 3 })]);

    expect(state).toMatchObject({ occurrence: 3 });
  });
});
