import { given } from '../testing/decider-spec';
import { aHazard, aHazardIn, aMajorHazard, hazardLevelChanged, reclassifyHazard, supervisor2 } from '../testing/hazard.mother';
import { IllegalTransitionError, RuleViolationError } from './hazard.errors';

describe('ReclassifyHazard (grading)', () => {
  it('grades a general hazard up to major, recording from, to, reason and who', () => {
    const state = given(aHazard().events)
      .when(reclassifyHazard({ level: 'major', reason: '涉及人员密集场所' }, { actor: supervisor2 }))
      .then([hazardLevelChanged({ from: 'general', to: 'major', reason: '涉及人员密集场所', changedBy: supervisor2.userId })]);

    expect(state).toMatchObject({ level: 'major', status: 'found' });
  });

  it('grades a major hazard down to general', () => {
    const state = given(aMajorHazard().assigned().events)
      .when(reclassifyHazard({ level: 'general' }))
      .then([hazardLevelChanged({ from: 'major', to: 'general' })]);

    expect(state).toMatchObject({ level: 'general', status: 'assigned' });
  });

  it.each(['found', 'assigned', 'rectified', 'reopened'] as const)('is allowed while the hazard is open (%s)', (status) => {
    given(aHazardIn(status).events)
      .when(reclassifyHazard({ level: 'general' }))
      .then([hazardLevelChanged({ from: 'major', to: 'general' })]);
  });

  it('refuses the level the hazard already has (HAZARD.SAME_LEVEL)', () => {
    given(aMajorHazard().events)
      .when(reclassifyHazard({ level: 'major' }))
      .then(RuleViolationError, { code: 'HAZARD.SAME_LEVEL', message: /already major/ });
  });

  it('follows earlier reclassifications', () => {
    given(aHazard().reclassified({ from: 'general', to: 'major' }).events)
      .when(reclassifyHazard({ level: 'major' }))
      .then(RuleViolationError, { code: 'HAZARD.SAME_LEVEL' });
  });

  it('is closed once the hazard is verified: 409 naming the status', () => {
    given(aHazard().assigned().rectified().verified().events)
      .when(reclassifyHazard({ level: 'major' }))
      .then(IllegalTransitionError, { message: /while the hazard is verified/ });
  });
});
