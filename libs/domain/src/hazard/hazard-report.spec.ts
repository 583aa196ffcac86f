import { given } from '../testing/decider-spec';
import {
  aHazard,
  aHazardIn,
  DEADLINE,
  HAZARD_ID,
  hazardFound,
  hazardFoundAgain,
  inspector2,
  NOW,
  reportHazard,
  submitRectification,
  UNIT_ID,
} from '../testing/hazard.mother';
import { IllegalTransitionError, RuleViolationError } from './hazard.errors';
import { HazardStatus } from './hazard-values';

describe('ReportHazard', () => {
  describe('on an absent stream', () => {
    it('records HazardFound with the reporter and the id derived from the natural key', () => {
      const state = given([]).when(reportHazard()).then([hazardFound()]);

      expect(state).toMatchObject({ exists: true, hazardId: HAZARD_ID, status: 'found', occurrence: 1, repeatFindings: 0, level: 'general' });
    });

    it('keeps the grid cell when one is given', () => {
      given([]).when(reportHazard({ gridId: 'GRID-07' })).then([hazardFound({ gridId: 'GRID-07' })]);
    });

    it('refuses a discovery time in the future (HAZARD.TIME_IN_FUTURE)', () => {
      given([])
        .when(reportHazard({ discoveredAt: '2026-03-05T00:00:00+08:00' }, { now: NOW }))
        .then(RuleViolationError, { code: 'HAZARD.TIME_IN_FUTURE', message: /discoveredAt/ });
    });
  });

  describe('found again while still open (屡查屡犯)', () => {
    const openStatuses: HazardStatus[] = ['found', 'assigned', 'rectified', 'reopened'];

    it.each(openStatuses)('on a %s hazard: same hazard, status unchanged, repeatFindings + 1', (status) => {
      const again = reportHazard({ source: 'citizen-report', description: '仍有异味' }, { actor: inspector2 });

      const state = given(aHazardIn(status).events)
        .when(again)
        .then([
          hazardFoundAgain({
            previousStatus: status,
            occurrence: 1,
            repeatFindings: 1,
            source: 'citizen-report',
            description: '仍有异味',
            reportedBy: inspector2.userId,
          }),
        ]);

      expect(state).toMatchObject({ hazardId: HAZARD_ID, status, occurrence: 1, repeatFindings: 1 });
    });

    it('keeps counting repeat findings', () => {
      const state = given(aHazard().assigned().foundAgain().events)
        .when(reportHazard())
        .then([hazardFoundAgain({ previousStatus: 'assigned', repeatFindings: 2 })]);

      expect(state).toMatchObject({ status: 'assigned', repeatFindings: 2 });
    });

    it('keeps the assignment and deadline of the open cycle', () => {
      const state = given(aHazard().assigned().events).when(reportHazard()).then([hazardFoundAgain({ previousStatus: 'assigned' })]);

      expect(state).toMatchObject({ assignment: { responsibleUnitId: UNIT_ID }, deadline: DEADLINE });
    });

    it('lands on the same hazard when the location is written differently', () => {
      const command = reportHazard({ location: '  3号楼\u3000地下室   调压箱 ' });

      expect(command.hazardId).toBe(HAZARD_ID);
      given(aHazard().events).when(command).then([hazardFoundAgain({ previousStatus: 'found' })]);
    });
  });

  describe('found again after verification', () => {
    it('reopens the hazard as a new cycle: occurrence + 1, assignment and deadline cleared', () => {
      const state = given(aHazard().assigned().rectified().verified().events)
        .when(reportHazard())
        .then([hazardFoundAgain({ previousStatus: 'verified', occurrence: 2, repeatFindings: 1 })]);

      expect(state).toMatchObject({ hazardId: HAZARD_ID, status: 'reopened', occurrence: 2 });
      if (!state.exists) throw new Error('hazard vanished');
      expect(state.assignment).toBeUndefined();
      expect(state.deadline).toBeUndefined();
      expect(state.lastRectification).toBeUndefined();
    });

    it('clears the plan of the old cycle, so a major hazard needs a new one', () => {
      const state = given(aHazard({ level: 'major' }).assigned().planned().rectified().verified().events)
        .when(reportHazard())
        .then([hazardFoundAgain({ previousStatus: 'verified', occurrence: 2 })]);

      expect(state).toMatchObject({ status: 'reopened', level: 'major' });
      expect(state.exists && state.plan).toBeUndefined();
    });

    it('cannot be rectified before it is assigned again', () => {
      const history = aHazard().assigned().rectified().verified().foundAgain().events;

      given(history)
        .when(submitRectification())
        .then(IllegalTransitionError, { message: /while the hazard is reopened/ });
    });
  });
});
