import { OTHER_UNIT_ID, rectifier, supervisor, UNIT_ID } from '../testing/hazard.mother';
import { assigned, extended, extensionDenied, extensionRequested, found, reassigned, rectified, trailOf } from './testing/trail.mother';

/** Extensions (延期): who asked, who decided, and what a decision — or the lack of one — did to the deadline. */
describe('trail: extensions', () => {
  const FOUND = '2026-03-01T08:00:00+08:00';
  const ASSIGNED = '2026-03-01T10:00:00+08:00';
  const DEADLINE = '2026-03-10T18:00:00+08:00';
  const REQUESTED = '2026-03-08T09:00:00+08:00';
  const WANTED = '2026-03-20T18:00:00+08:00';
  const DECIDED = '2026-03-09T09:00:00+08:00';
  const NOW = '2026-03-09T12:00:00+08:00';
  const request = { currentDeadline: DEADLINE, newDeadline: WANTED, reason: '设备到货延迟' };
  const open = [found(FOUND), assigned(ASSIGNED, { deadline: DEADLINE }), extensionRequested(REQUESTED, request)];

  it('given a request nobody has decided, then it is pending, without decider, and the deadline stands', () => {
    const [cycle] = trailOf(open, NOW).cycles;

    expect(cycle?.extensions).toStrictEqual([
      { requestedAt: REQUESTED, requestedBy: rectifier.userId, previousDeadline: DEADLINE, newDeadline: WANTED, reason: '设备到货延迟', decision: 'pending' },
    ]);
    expect(cycle?.deadlines).toStrictEqual([{ deadline: DEADLINE, setAt: ASSIGNED, by: 'assignment' }]);
  });

  it('given a denied request, then it names who denied it and why, and no deadline is added', () => {
    const [cycle] = trailOf([...open, extensionDenied(DECIDED, { requestedDeadline: WANTED, reason: '理由不充分' })], NOW).cycles;

    expect(cycle?.extensions).toStrictEqual([
      {
        requestedAt: REQUESTED,
        requestedBy: rectifier.userId,
        previousDeadline: DEADLINE,
        newDeadline: WANTED,
        reason: '设备到货延迟',
        decision: 'denied',
        decidedBy: supervisor.userId,
        decidedAt: DECIDED,
        decisionReason: '理由不充分',
      },
    ]);
    expect(cycle?.deadlines).toHaveLength(1);
  });

  it('given the denied unit then misses its deadline, then it is overdue from the original deadline', () => {
    const history = [...open, extensionDenied(DECIDED, { requestedDeadline: WANTED })];
    // 03-10 18:00 → 03-12 06:00 = 1.5 d
    const [cycle] = trailOf(history, '2026-03-12T06:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 1.5 });
  });

  it('given a request still pending at rectification, then it lapsed: it can never be decided', () => {
    const [cycle] = trailOf([...open, rectified('2026-03-09T10:00:00+08:00', { completedAt: '2026-03-09T08:00:00+08:00' })], NOW).cycles;

    expect(cycle?.extensions).toMatchObject([{ decision: 'lapsed' }]);
    expect(cycle?.extensions[0]).not.toHaveProperty('decidedBy');
  });

  it('given a request still pending at reassignment, then it lapsed, and the new unit has its own deadline', () => {
    const history = [...open, reassigned('2026-03-09T10:00:00+08:00', { responsibleUnitId: OTHER_UNIT_ID, deadline: '2026-03-25T18:00:00+08:00' })];
    const [cycle] = trailOf(history, NOW).cycles;

    expect(cycle?.extensions).toMatchObject([{ decision: 'lapsed' }]);
    expect(cycle?.deadlines.map((d) => d.deadline)).toStrictEqual([DEADLINE, '2026-03-25T18:00:00+08:00']);
  });

  it('given an extension granted after the deadline had passed, then the days already late stay late', () => {
    // Granted 03-11 18:00, a day after the 03-10 18:00 deadline: 1 d overdue; then none until 03-20 18:00.
    const history = [...open, extended('2026-03-11T18:00:00+08:00', { previousDeadline: DEADLINE, newDeadline: WANTED })];
    const [cycle] = trailOf(history, '2026-03-15T00:00:00+08:00').cycles;

    expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 1 });
    expect(cycle?.deadlines).toStrictEqual([
      { deadline: DEADLINE, setAt: ASSIGNED, by: 'assignment' },
      { deadline: WANTED, setAt: '2026-03-11T18:00:00+08:00', by: 'extension' },
    ]);
  });
});
