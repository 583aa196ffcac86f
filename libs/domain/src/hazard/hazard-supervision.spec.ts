import { given } from '../testing/decider-spec';
import {
  aHazard,
  aHazardIn,
  imposeSupervision,
  liftSupervision,
  supervisionImposed,
  supervisionLifted,
} from '../testing/hazard.mother';
import { IllegalTransitionError } from './hazard.errors';
import { HazardStatus } from './hazard-values';

describe('ImposeSupervision (挂牌督办)', () => {
  const openStatuses: HazardStatus[] = ['found', 'assigned', 'rectified', 'reopened'];

  it.each(openStatuses)('puts a hazard that is %s under (city-level) supervision, in the name of the actor’s department by default', (status) => {
    const state = given(aHazardIn(status).events)
      .when(imposeSupervision({ authorityLevel: 'city', reason: 'overdue' }))
      .then([supervisionImposed({ authorityLevel: 'city', reason: 'overdue' })]);

    expect(state).toMatchObject({ status, underSupervision: true, supervision: { authorityLevel: 'city', department: 'dept-gas', reason: 'overdue' } });
  });

  it('names another department when given', () => {
    given(aHazard().events)
      .when(imposeSupervision({ department: 'dept-safety-committee' }))
      .then([supervisionImposed({ department: 'dept-safety-committee' })]);
  });

  it('is upgraded by a higher authority', () => {
    const state = given(aHazard().supervised({ authorityLevel: 'county' }).events)
      .when(imposeSupervision({ authorityLevel: 'province', reason: 'recurrence' }))
      .then([supervisionImposed({ authorityLevel: 'province', reason: 'recurrence' })]);

    expect(state).toMatchObject({ supervision: { authorityLevel: 'province', reason: 'recurrence' } });
  });

  describe('is not imposed twice at the same or a lower level: 409', () => {
    it.each([
      ['the same level', 'city', 'city'],
      ['a lower level', 'province', 'county'],
    ] as const)('%s', (_case, current, requested) => {
      given(aHazard().assigned().supervised({ authorityLevel: current }).events)
        .when(imposeSupervision({ authorityLevel: requested }))
        .then(IllegalTransitionError, { message: new RegExp(`while the hazard is assigned \\(already under ${current}-level supervision\\)`) });
    });
  });

  it('is not imposed on a verified hazard: 409 naming the status', () => {
    given(aHazard().assigned().rectified().verified().events)
      .when(imposeSupervision())
      .then(IllegalTransitionError, { message: /while the hazard is verified/ });
  });

  it('may be imposed again on a hazard that came back after it was lifted', () => {
    const history = aHazard().supervised().assigned().rectified().verified().unsupervised().foundAgain().events;

    given(history).when(imposeSupervision({ reason: 'recurrence' })).then([supervisionImposed({ reason: 'recurrence' })]);
  });
});

describe('LiftSupervision', () => {
  it('lifts the supervision of a verified hazard', () => {
    const state = given(aHazardIn('verified').events).when(liftSupervision()).then([supervisionLifted()]);

    expect(state).toMatchObject({ status: 'verified', underSupervision: false, supervision: undefined });
  });

  it('is refused on a verified hazard that is not under supervision: 409', () => {
    given(aHazard().assigned().rectified().verified().events)
      .when(liftSupervision())
      .then(IllegalTransitionError, { message: /while the hazard is verified \(the hazard is not under supervision\)/ });
  });

  it('is refused twice', () => {
    given(aHazardIn('verified').unsupervised().events).when(liftSupervision()).then(IllegalTransitionError);
  });

  it.each(['found', 'assigned', 'rectified', 'reopened'] as const)('is refused while %s: only verification ends it', (status) => {
    given(aHazardIn(status).events)
      .when(liftSupervision())
      .then(IllegalTransitionError, { message: `while the hazard is ${status}` });
  });
});
