import { hazardIdFor } from '@hazard/domain';
import { aHazard, aMajorHazard, COMPLETED_AT, DEADLINE, EXTENDED_DEADLINE, HAZARD_ID, KEY, OTHER_UNIT_ID, UNIT_ID } from '../../../domain/src/testing/hazard.mother';
import { given } from '../testing/in-memory-read-models';
import { projectHazardEvent } from './hazard.projection';

const OTHER_HAZARD_ID = hazardIdFor({ ...KEY, location: '5号楼 厨房' });
const cycle1 = `${HAZARD_ID}#1`;
const cycle2 = `${HAZARD_ID}#2`;

describe('hazard projection: Given events, Then rows', () => {
  it('HazardFound → a found hazard row and one finding for its unit; no cycle before an assignment', () => {
    const models = given(aHazard({ sector: 'gas', regionCode: '330102', source: 'citizen-report' }).events);
    expect(models.hazards.get(HAZARD_ID)).toMatchObject({
      hazardId: HAZARD_ID, unitId: UNIT_ID, status: 'found', level: 'general', source: 'citizen-report', sector: 'gas', regionCode: '330102',
      occurrence: 1, repeatFindings: 0, deadline: null, deadlineMs: null, responsibleUnitId: null, underSupervision: false, foundPosition: 1, revision: 0,
    });
    expect(models.units.get(UNIT_ID)).toMatchObject({ hazards: 1, findings: 1, foundAgain: 0, repeatHazards: 0, unitName: '某某燃气有限公司' });
    expect(models.cycles.size).toBe(0);
  });

  it('an assignment → the row carries the deadline as an instant and the cycle its supervising department', () => {
    const models = given(aHazard().assigned().events);
    expect(models.hazards.get(HAZARD_ID)).toMatchObject({ status: 'assigned', deadline: DEADLINE, deadlineMs: Date.parse(DEADLINE), supervisingDepartment: 'dept-gas', responsibleUnitId: UNIT_ID });
    expect(models.cycles.get(cycle1)).toEqual({
      hazardId: HAZARD_ID, occurrence: 1, unitId: UNIT_ID, supervisingDepartment: 'dept-gas', responsibleUnitId: UNIT_ID,
      rectified: false, onTime: null, lateMs: 0, verified: false, verificationNotHeld: false,
    });
  });

  it('an extension moves the deadline; the found position and time stay those of the first report', () => {
    const models = given(aHazard().assigned().extensionRequested().extended().events);
    expect(models.hazards.get(HAZARD_ID)).toMatchObject({ deadline: EXTENDED_DEADLINE, deadlineMs: Date.parse(EXTENDED_DEADLINE), foundPosition: 1, revision: 3, position: 4 });
  });

  it('a late rectification → a rectified cycle, not on time, with how late it was', () => {
    const completedAt = '2026-03-17T18:00:00+08:00';
    const models = given(aHazard().assigned().rectified({ completedAt, onTime: false }).events);
    expect(models.cycles.get(cycle1)).toMatchObject({ rectified: true, onTime: false, lateMs: 2 * 86_400_000 });
  });

  it('the latest rectification of a cycle decides on-time: late, failed verification, then on time', () => {
    const models = given(aHazard().assigned().rectified({ completedAt: '2026-03-16T18:00:00+08:00', onTime: false }).failedVerification().rectified({ completedAt: COMPLETED_AT, onTime: true }).events);
    expect(models.cycles.get(cycle1)).toMatchObject({ rectified: true, onTime: true, lateMs: 0 });
    expect(models.hazards.get(HAZARD_ID)).toMatchObject({ status: 'rectified', occurrence: 1 });
  });

  it('verified, then found again → a new cycle on the hazard, a verification that did not hold, one repeat hazard for the unit', () => {
    const models = given(aHazard().assigned().rectified().verified().foundAgain().events);
    expect(models.hazards.get(HAZARD_ID)).toMatchObject({ status: 'reopened', occurrence: 2, repeatFindings: 1, deadline: null, responsibleUnitId: null });
    expect(models.cycles.get(cycle1)).toMatchObject({ verified: true, verificationNotHeld: true });
    expect(models.cycles.has(cycle2)).toBe(false);
    expect(models.units.get(UNIT_ID)).toMatchObject({ hazards: 1, findings: 2, foundAgain: 1, repeatHazards: 1 });
  });

  it('found again twice while open → repeat findings, no new cycle, and the hazard counts once as a repeat hazard', () => {
    const models = given(aHazard().assigned().foundAgain().foundAgain().events);
    expect(models.hazards.get(HAZARD_ID)).toMatchObject({ status: 'assigned', occurrence: 1, repeatFindings: 2 });
    expect(models.cycles.get(cycle1)).toMatchObject({ verificationNotHeld: false });
    expect(models.units.get(UNIT_ID)).toMatchObject({ hazards: 1, findings: 3, foundAgain: 2, repeatHazards: 1 });
  });

  it('reopened by decision after verification → the verified cycle did not hold; the next cycle is charged to its own assignment', () => {
    const models = given(aHazard().assigned().rectified().verified().reopened().assigned({ supervisingDepartment: 'dept-emergency', occurrence: 2 }).events);
    expect(models.cycles.get(cycle1)).toMatchObject({ verified: true, verificationNotHeld: true, supervisingDepartment: 'dept-gas' });
    expect(models.cycles.get(cycle2)).toMatchObject({ verified: false, verificationNotHeld: false, supervisingDepartment: 'dept-emergency' });
    expect(models.hazards.get(HAZARD_ID)).toMatchObject({ status: 'assigned', occurrence: 2 });
  });

  it('a reassignment charges the cycle to the department of the latest assignment', () => {
    const models = given(aHazard().assigned().reassigned({ supervisingDepartment: 'dept-fire' }).events);
    expect(models.cycles.get(cycle1)).toMatchObject({ supervisingDepartment: 'dept-fire' });
  });

  it('supervision, the scheduler\'s overdue mark and reclassification show on the row', () => {
    const supervised = given(aHazard().assigned().overdue().supervised().reclassified().events).hazards.get(HAZARD_ID);
    expect(supervised).toMatchObject({ underSupervision: true, overdueMarked: true, level: 'major' });
    const lifted = given(aMajorHazard().supervised().unsupervised().events).hazards.get(HAZARD_ID);
    expect(lifted).toMatchObject({ underSupervision: false, level: 'major' });
  });

  it('two hazards of one unit add up in the unit row', () => {
    const models = given(aHazard().events, aHazard({ hazardId: OTHER_HAZARD_ID, location: '5号楼 厨房' }).foundAgain({ hazardId: OTHER_HAZARD_ID }).events);
    expect(models.hazards.size).toBe(2);
    expect(models.units.get(UNIT_ID)).toMatchObject({ hazards: 2, findings: 3, foundAgain: 1, repeatHazards: 1 });
  });

  it('every unit ever made responsible may read the hazard, and a unit that reported it by self-check: rows never taken back', () => {
    expect(given(aHazard().events).unitReads.size).toBe(0);
    const reassigned = given(aHazard().assigned().reassigned({ responsibleUnitId: OTHER_UNIT_ID }).assigned().events);
    expect([...reassigned.unitReads]).toEqual([`${UNIT_ID}#${HAZARD_ID}`, `${OTHER_UNIT_ID}#${HAZARD_ID}`]);
    expect([...given(aHazard({ source: 'self-check' }).assigned().events).unitReads]).toEqual([`${UNIT_ID}#${HAZARD_ID}`]);
    const selfCheckLater = given(aHazard().assigned({ responsibleUnitId: OTHER_UNIT_ID }).foundAgain({ source: 'self-check' }).events);
    expect([...selfCheckLater.unitReads]).toEqual([`${OTHER_UNIT_ID}#${HAZARD_ID}`, `${UNIT_ID}#${HAZARD_ID}`]);
  });

  it('a closure review charged to a department is kept with its hazard', () => {
    const events = aMajorHazard().assigned().planned().rectified().closureApplied().closureReviewOverdue().events;
    const before = given(events.slice(0, -1)).hazards.get(HAZARD_ID);
    const changes = projectHazardEvent(before, events[events.length - 1]!, { position: 6, revision: 5, occurredAt: '2026-03-22T00:00:00Z' });
    expect(changes).toContainEqual({ kind: 'department', department: 'dept-gas', hazardId: HAZARD_ID, add: { closureReviewsOverdue: 1 } });
  });

  it('an event before its HazardFound changes nothing (evolve ignores it, so does the projection)', () => {
    const [, assigned] = aHazard().assigned().events;
    expect(projectHazardEvent(undefined, assigned!, { position: 1, revision: 0, occurredAt: '2026-03-01T00:00:00Z' })).toEqual([]);
  });

  it('a row is the domain state folded by evolve, kept for the next event', () => {
    const row = given(aHazard().assigned().events).hazards.get(HAZARD_ID);
    expect(row?.state).toMatchObject({ exists: true, status: 'assigned', assignment: { deadline: DEADLINE } });
  });
});
