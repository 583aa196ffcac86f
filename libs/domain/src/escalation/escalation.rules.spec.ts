import { evolve, HazardEvent } from '..';
import { fold } from '../testing/decider-spec';
import {
  aHazard,
  aMajorHazard,
  HAZARD_ID,
  HazardHistory,
  hazardFound,
  hazardFoundAgain,
  hazardLevelChanged,
  hazardReopened,
  hazardVerified,
  rectificationOverdue,
} from '../testing/hazard.mother';
import { Escalation, EscalationPolicy, escalationsFor } from './escalation.rules';

/** given(history).whenRecorded(event).then(escalations): the rules see the state on either side of the event. */
function given(history: HazardHistory | readonly HazardEvent[] = [], policy: EscalationPolicy = { superviseMajor: true }) {
  const before = fold(history instanceof HazardHistory ? history.events : history);
  return {
    whenRecorded: (event: HazardEvent) => ({
      then: (expected: readonly Escalation[]) => expect(escalationsFor({ event, before, after: evolve(before, event) }, policy)).toEqual(expected),
    }),
  };
}

const imposes = (rule: Escalation['rule'], authorityLevel: 'county' | 'city', reason: 'major' | 'overdue' | 'recurrence'): Escalation => ({
  rule,
  command: { type: 'ImposeSupervision', hazardId: HAZARD_ID, data: { authorityLevel, reason } },
});
const lifts: Escalation = { rule: 'lift-on-verification', command: { type: 'LiftSupervision', hazardId: HAZARD_ID, data: { reason: 'verified' } } };

/** A general hazard through `cycles` verified cycles: the next finding starts cycle `cycles + 1`. */
function verifiedCycles(cycles: number, start: HazardHistory = aHazard()): HazardHistory {
  let history = start.assigned().rectified().verified();
  for (let cycle = 2; cycle <= cycles; cycle++) history = history.foundAgain().assigned().rectified().verified();
  return history;
}

describe('escalation rules', () => {
  describe('supervise-major: a major hazard is put under county-level supervision', () => {
    it('when it is found', () => {
      given().whenRecorded(hazardFound({ level: 'major' })).then([imposes('supervise-major', 'county', 'major')]);
    });

    it('when it is graded major later', () => {
      given(aHazard().assigned()).whenRecorded(hazardLevelChanged({ from: 'general', to: 'major' })).then([imposes('supervise-major', 'county', 'major')]);
    });

    it('not for a general hazard, nor when graded down', () => {
      given().whenRecorded(hazardFound({ level: 'general' })).then([]);
      given(aMajorHazard()).whenRecorded(hazardLevelChanged({ from: 'major', to: 'general' })).then([]);
    });

    it('not with SUPERVISE_MAJOR=false', () => {
      given([], { superviseMajor: false }).whenRecorded(hazardFound({ level: 'major' })).then([]);
      given(aHazard(), { superviseMajor: false }).whenRecorded(hazardLevelChanged()).then([]);
    });

    it('not when it is already under supervision at that level or above', () => {
      given(aHazard().supervised({ authorityLevel: 'city', reason: 'manual' })).whenRecorded(hazardLevelChanged()).then([]);
    });
  });

  describe('supervise-overdue-major: a major hazard that goes overdue goes under city-level supervision', () => {
    it('escalating the county-level supervision it got when found', () => {
      given(aMajorHazard().supervised({ authorityLevel: 'county' }).assigned())
        .whenRecorded(rectificationOverdue())
        .then([imposes('supervise-overdue-major', 'city', 'overdue')]);
    });

    it('also when it was never supervised (SUPERVISE_MAJOR=false)', () => {
      given(aMajorHazard().assigned(), { superviseMajor: false }).whenRecorded(rectificationOverdue()).then([imposes('supervise-overdue-major', 'city', 'overdue')]);
    });

    it('not for a general hazard', () => {
      given(aHazard().assigned()).whenRecorded(rectificationOverdue()).then([]);
    });

    it('not when already under city- or province-level supervision', () => {
      given(aMajorHazard().supervised({ authorityLevel: 'city' }).assigned()).whenRecorded(rectificationOverdue()).then([]);
      given(aMajorHazard().supervised({ authorityLevel: 'province' }).assigned()).whenRecorded(rectificationOverdue()).then([]);
    });
  });

  describe('supervise-recurrence: the third cycle puts a hazard under county-level supervision', () => {
    it('when a verified hazard is found for the third time (occurrence 3)', () => {
      given(verifiedCycles(2))
        .whenRecorded(hazardFoundAgain({ previousStatus: 'verified', occurrence: 3, repeatFindings: 2 }))
        .then([imposes('supervise-recurrence', 'county', 'recurrence')]);
    });

    it('and again for every later cycle', () => {
      given(verifiedCycles(3))
        .whenRecorded(hazardFoundAgain({ previousStatus: 'verified', occurrence: 4, repeatFindings: 3 }))
        .then([imposes('supervise-recurrence', 'county', 'recurrence')]);
    });

    it('when the third cycle starts by a decision to reopen', () => {
      given(verifiedCycles(2)).whenRecorded(hazardReopened({ occurrence: 3 })).then([imposes('supervise-recurrence', 'county', 'recurrence')]);
    });

    it('not for the second cycle', () => {
      given(verifiedCycles(1)).whenRecorded(hazardFoundAgain({ previousStatus: 'verified', occurrence: 2 })).then([]);
    });

    it('not for a repeat finding of a hazard still open in its third cycle', () => {
      const open = verifiedCycles(2).foundAgain().assigned();
      given(open).whenRecorded(hazardFoundAgain({ previousStatus: 'assigned', occurrence: 3, repeatFindings: 3 })).then([]);
    });
  });

  describe('lift-on-verification: verification ends the supervision', () => {
    it('of a supervised hazard', () => {
      given(aMajorHazard().supervised().assigned().planned().rectified()).whenRecorded(hazardVerified()).then([lifts]);
    });

    it('not of one that is not supervised', () => {
      given(aHazard().assigned().rectified()).whenRecorded(hazardVerified()).then([]);
    });
  });

  it('other events escalate nothing', () => {
    given(aMajorHazard().supervised()).whenRecorded(hazardFoundAgain({ previousStatus: 'found' })).then([]);
  });
});
