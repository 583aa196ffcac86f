import { UNIT_ID, supervisor, supervisor2 } from '../testing/hazard.mother';
import { assigned, failedVerification, found, foundAgain, rectified, reopened, trailOf, unsupervised, supervised, verified } from './testing/trail.mother';

/** Who verified, whether that verification held (屡查屡犯), and how a failed check hands the duty back. */
describe('trail: verification', () => {
  const FOUND = '2026-03-01T08:00:00+08:00';
  const ASSIGNED = '2026-03-01T10:00:00+08:00';
  const DEADLINE = '2026-03-20T18:00:00+08:00';
  const SUBMITTED = '2026-03-05T10:00:00+08:00';
  const FAILED = '2026-03-06T10:00:00+08:00';
  const RESUBMITTED = '2026-03-09T10:00:00+08:00';
  const VERIFIED = '2026-03-10T10:00:00+08:00';
  const NOW = '2026-06-01T08:00:00+08:00';
  const fixed = [found(FOUND), assigned(ASSIGNED, { deadline: DEADLINE }), rectified(SUBMITTED, { completedAt: SUBMITTED, deadline: DEADLINE })];

  describe('given a failed verification, a second rectification and a pass', () => {
    const history = [
      ...fixed,
      failedVerification(FAILED, { notes: '仍有漏点' }),
      rectified(RESUBMITTED, { completedAt: RESUBMITTED, deadline: DEADLINE }),
      verified(VERIFIED, { notes: '合格' }, supervisor2),
    ];
    const [cycle] = trailOf(history, NOW).cycles;

    it('then the failure is listed and the pass is the verification, which held', () => {
      expect(cycle?.failedVerifications).toStrictEqual([{ at: FAILED, by: supervisor.userId, department: 'dept-gas', notes: '仍有漏点' }]);
      expect(cycle?.verification).toStrictEqual({ at: VERIFIED, by: supervisor2.userId, department: 'dept-gas', notes: '合格', held: true });
      expect(cycle).toMatchObject({ endedAt: VERIFIED, rectifiedAt: RESUBMITTED, onTime: true });
      expect(cycle).not.toHaveProperty('recurredAt');
    });

    it('then the same unit answers again from the failure until it resubmits; nobody between', () => {
      expect(cycle?.responsibility.map(({ cause, from, to, days }) => ({ cause, from, to, days }))).toStrictEqual([
        { cause: 'assignment', from: ASSIGNED, to: SUBMITTED, days: 4 },
        { cause: 'verification-failed', from: FAILED, to: RESUBMITTED, days: 3 },
      ]);
      expect(cycle?.responsibility.every((i) => i.responsibleUnitId === UNIT_ID)).toBe(true);
    });

    it('then no overdue days: both completions were before the deadline', () => {
      expect(cycle?.overdueDaysByUnit).toStrictEqual({ [UNIT_ID]: 0 });
    });
  });

  it('given a verification followed only by lifting supervision, then it held and there is one cycle', () => {
    const history = [supervised(ASSIGNED), ...fixed, verified(VERIFIED), unsupervised('2026-03-10T11:00:00+08:00')];
    const trail = trailOf(history, NOW);

    expect(trail.cycles).toHaveLength(1);
    expect(trail.cycles[0]?.verification).toMatchObject({ held: true });
    expect(trail.cycles[0]).not.toHaveProperty('recurredAt');
  });

  it('given a report while the hazard is still open, then it is a repeat finding, not a recurrence', () => {
    const trail = trailOf([...fixed, foundAgain('2026-03-05T12:00:00+08:00', { previousStatus: 'rectified' })], NOW);

    expect(trail.cycles).toHaveLength(1);
    expect(trail.refindings).toMatchObject([{ occurrence: 1, newCycle: false }]);
  });

  describe('given a verification and then a reopening decision (complaint)', () => {
    const REOPENED = '2026-04-01T09:00:00+08:00';
    const trail = trailOf([...fixed, verified(VERIFIED), reopened(REOPENED, { occurrence: 2, reason: '群众投诉' }, supervisor2)], NOW);

    it('then the verification did not hold and the cycle records when it recurred', () => {
      expect(trail.cycles[0]?.verification).toMatchObject({ at: VERIFIED, held: false });
      expect(trail.cycles[0]?.recurredAt).toBe(REOPENED);
    });

    it('then cycle 2 was opened by the reopening, with no one responsible yet and nothing overdue', () => {
      expect(trail.cycles[1]).toMatchObject({ occurrence: 2, cause: 'reopened', startedAt: REOPENED, startedBy: supervisor2.userId });
      expect(trail.cycles[1]).toMatchObject({ responsibility: [], deadlines: [] });
      expect(trail.cycles[1]?.overdueDaysByUnit).toStrictEqual({});
      expect(trail.refindings).toStrictEqual([]);
    });
  });
});
