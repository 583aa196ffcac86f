import { OTHER_UNIT_ID, UNIT_ID } from '../testing/hazard.mother';
import { assigned, found, overdue, reassigned, rectified, trailOf, verified } from './testing/trail.mother';

/** Overdue days (逾期天数): charged to whoever held the duty past the deadline in force, until it completed. */
describe('trail: overdue days', () => {
  const FOUND = '2026-03-01T08:00:00+08:00';
  const ASSIGNED = '2026-03-01T10:00:00+08:00';
  const DEADLINE = '2026-03-10T18:00:00+08:00';
  const assignedA = [found(FOUND), assigned(ASSIGNED, { deadline: DEADLINE })];

  it('given a deadline passed with no rectification, then overdue runs until now: 03-10 18:00 → 03-13 06:00 = 2.5 d', () => {
    const history = [...assignedA, overdue('2026-03-11T09:00:00+08:00', { deadline: DEADLINE })];
    const [cycle] = trailOf(history, '2026-03-13T06:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 2.5 });
    expect(cycle?.overdue).toStrictEqual([{ deadline: DEADLINE, detectedAt: '2026-03-11T09:00:00+08:00', responsibleUnitId: UNIT_ID }]);
    expect(cycle?.responsibility[0]).not.toHaveProperty('to');
    // 03-01 10:00 → 03-13 06:00 = 11 d 20 h = 11.833…
    expect(cycle?.responsibility[0]?.days).toBe(11.83);
  });

  it('given the same history asked about later, then the running figure grows with now (to 2 decimals)', () => {
    // 03-10 18:00 → 03-13 07:00 = 2 d 13 h = 2.5416… → 2.54
    const [cycle] = trailOf(assignedA, '2026-03-12T23:00:00Z').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 2.54 });
  });

  it('given now before the deadline, then the unit is listed with 0 days', () => {
    const [cycle] = trailOf(assignedA, '2026-03-05T00:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 0 });
  });

  it('given a rectification completed on time but submitted after the deadline, then 0 days and onTime', () => {
    // Completion is what counts (as decide records onTime); the submission only ends the duty.
    const history = [...assignedA, rectified('2026-03-11T09:00:00+08:00', { completedAt: '2026-03-10T17:00:00+08:00', deadline: DEADLINE, onTime: true })];
    const [cycle] = trailOf(history, '2026-04-01T00:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 0 });
    expect(cycle).toMatchObject({ rectifiedAt: '2026-03-10T17:00:00+08:00', onTime: true });
    expect(cycle?.responsibility[0]?.to).toBe('2026-03-11T09:00:00+08:00');
  });

  it('given a late rectification awaiting verification, then the count stopped at completion, not at now', () => {
    // 03-10 18:00 → completed 03-12 18:00 = 2 d, although now is weeks later and nobody has verified.
    const history = [...assignedA, rectified('2026-03-13T09:00:00+08:00', { completedAt: '2026-03-12T18:00:00+08:00', deadline: DEADLINE, onTime: false })];
    const [cycle] = trailOf(history, '2026-04-01T00:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 2 });
    expect(cycle?.onTime).toBe(false);
  });

  it('given a reassignment of an overdue hazard, then each unit is charged only for its own late days', () => {
    // A: 03-10 18:00 → reassigned 03-11 06:00 = 0.5 d. B: new deadline 03-15 18:00 → now 03-16 00:00 = 0.25 d.
    const history = [...assignedA, reassigned('2026-03-11T06:00:00+08:00', { responsibleUnitId: OTHER_UNIT_ID, deadline: '2026-03-15T18:00:00+08:00' })];
    const [cycle] = trailOf(history, '2026-03-16T00:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 0.5, [OTHER_UNIT_ID]: 0.25 });
  });

  it('given a hazard never assigned, then nobody is charged', () => {
    const [cycle] = trailOf([found(FOUND)], '2026-04-01T00:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({});
    expect(cycle?.responsibility).toStrictEqual([]);
  });

  it('given a verification without a rectification (a fact the rules refuse today), then duty and count end there', () => {
    // 03-10 18:00 → 03-11 18:00 = 1 d
    const history = [...assignedA, verified('2026-03-11T18:00:00+08:00')];
    const [cycle] = trailOf(history, '2026-04-01T00:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 1 });
    expect(cycle?.responsibility[0]?.to).toBe('2026-03-11T18:00:00+08:00');
  });
});
