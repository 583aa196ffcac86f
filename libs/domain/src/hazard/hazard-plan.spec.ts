import { given } from '../testing/decider-spec';
import { aHazard, aMajorHazard, PLAN, remediationPlanSubmitted, submitRemediationPlan } from '../testing/hazard.mother';
import { IllegalTransitionError, RuleViolationError } from './hazard.errors';

describe('SubmitRemediationPlan (治理方案)', () => {
  it('records the six parts of the plan of an assigned major hazard', () => {
    const state = given(aMajorHazard().assigned().events).when(submitRemediationPlan()).then([remediationPlanSubmitted()]);

    expect(state).toMatchObject({ plan: PLAN });
  });

  it('a revised plan replaces the earlier one', () => {
    const state = given(aMajorHazard().assigned().planned().events)
      .when(submitRemediationPlan({ funding: '政府补助50万元' }))
      .then([remediationPlanSubmitted({ funding: '政府补助50万元' })]);

    expect(state).toMatchObject({ plan: { ...PLAN, funding: '政府补助50万元' } });
  });

  it('is accepted again after a failed verification (assignment kept)', () => {
    given(aMajorHazard().assigned().planned().rectified().failedVerification().events)
      .when(submitRemediationPlan())
      .then([remediationPlanSubmitted()]);
  });

  it('is for major hazards only (HAZARD.PLAN_ONLY_FOR_MAJOR)', () => {
    given(aHazard().assigned().events)
      .when(submitRemediationPlan())
      .then(RuleViolationError, { code: 'HAZARD.PLAN_ONLY_FOR_MAJOR' });
  });

  it('follows a reclassification: a hazard graded down to general takes no plan', () => {
    given(aMajorHazard().assigned().reclassified({ from: 'major', to: 'general' }).events)
      .when(submitRemediationPlan())
      .then(RuleViolationError, { code: 'HAZARD.PLAN_ONLY_FOR_MAJOR' });
  });

  it('needs a responsible unit: a reopened cycle without assignment is 409', () => {
    given(aMajorHazard().assigned().rectified().verified().reopened().events)
      .when(submitRemediationPlan())
      .then(IllegalTransitionError, { message: /while the hazard is reopened \(no responsible unit is assigned\)/ });
  });
});
