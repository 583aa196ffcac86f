import { HAZARD_ID, inspector, inspector2, NOTICE_SIGN_DUE, otherRectifier, rectifier, supervisor, supervisor2 } from '../testing/hazard.mother';
import { trailOf } from './testing/trail.mother';
import * as T from './testing/two-cycle-history';

/**
 * Issue 3, "Done when": the trail of a scripted history (testing/two-cycle-history.ts) with two cycles, a
 * reassignment, an extension, an overdue period and a recurrence after verification, every figure checked
 * exactly. The arithmetic is in the comments so a reviewer can redo it by hand.
 */
describe('accountability trail of the scripted two-cycle history', () => {
  const trail = trailOf(T.TWO_CYCLE_HISTORY, T.NOW);
  const [first, second] = trail.cycles;

  it('then it names the hazard and the moment and limit it was computed with', () => {
    expect(trail).toMatchObject({ hazardId: HAZARD_ID, asOf: T.NOW, lateReportHours: 24 });
    expect(trail.cycles).toHaveLength(2);
  });

  it('then the first report is late: 02-27 20:00 → 03-01 08:00 is 36 h > 24 h', () => {
    expect(trail.reporting).toStrictEqual({
      discoveredAt: T.DISCOVERED,
      recordedAt: T.REPORTED,
      delayHours: 36,
      late: true,
      reportedBy: inspector.userId,
      reportingDepartment: 'dept-gas',
    });
  });

  it('then both later reports are listed with their own delay: 1 h (on time) and 48 h (late)', () => {
    expect(trail.refindings).toStrictEqual([
      { occurrence: 2, previousStatus: 'verified', newCycle: true, source: 'citizen-report', discoveredAt: T.REDISCOVERED, recordedAt: T.FOUND_AGAIN, delayHours: 1, late: false, reportedBy: inspector2.userId, reportingDepartment: 'dept-gas' },
      // 04-29 09:00 → 05-01 09:00: still there while assigned, a repeat finding of cycle 2, not a new cycle
      { occurrence: 2, previousStatus: 'assigned', newCycle: false, source: 'inspection', discoveredAt: T.SEEN_STILL_THERE, recordedAt: T.REPORTED_STILL_THERE, delayHours: 48, late: true, reportedBy: inspector.userId, reportingDepartment: 'dept-gas' },
    ]);
  });

  describe('cycle 1', () => {
    it('then it runs from the first report to the passing verification, opened by the reporter', () => {
      expect(first).toMatchObject({ occurrence: 1, cause: 'found', startedAt: T.REPORTED, startedBy: inspector.userId, endedAt: T.VERIFIED });
    });

    it('then responsibility is A, then B until B submits, then B again from the failed verification', () => {
      const duty = { supervisingDepartment: 'dept-gas', assignedBy: supervisor.userId };
      expect(first?.responsibility).toStrictEqual([
        // 03-01 10:00 → 03-18 18:00 = 17 d 8 h = 17.333…
        { responsibleUnitId: T.UNIT_A, responsiblePerson: '张三', ...duty, cause: 'assignment', from: T.ASSIGNED_A, to: T.REASSIGNED_B, days: 17.33 },
        // 03-18 18:00 → 03-27 12:00 (submitted) = 8 d 18 h
        { responsibleUnitId: T.UNIT_B, responsiblePerson: '李四', ...duty, cause: 'reassignment', from: T.REASSIGNED_B, to: T.SUBMITTED_1, days: 8.75 },
        // 03-28 10:00 → 03-30 10:00 (submitted) = 2 d; 03-27 12:00 → 03-28 10:00 was the verifier's time
        { responsibleUnitId: T.UNIT_B, responsiblePerson: '李四', ...duty, cause: 'verification-failed', from: T.VERIFICATION_FAILED, to: T.SUBMITTED_2, days: 2 },
      ]);
    });

    it('then the deadlines are D1 by assignment, D2 by extension, D3 by the reassignment', () => {
      expect(first?.deadlines).toStrictEqual([
        { deadline: T.D1, setAt: T.ASSIGNED_A, by: 'assignment' },
        { deadline: T.D2, setAt: T.EXTENDED, by: 'extension' },
        { deadline: T.D3, setAt: T.REASSIGNED_B, by: 'assignment' },
      ]);
    });

    it('then the extension shows who asked, who approved and why', () => {
      expect(first?.extensions).toStrictEqual([
        {
          requestedAt: T.EXTENSION_REQUESTED,
          requestedBy: rectifier.userId,
          previousDeadline: T.D1,
          newDeadline: T.D2,
          reason: T.REASON_LATE_PARTS,
          decision: 'approved',
          decidedBy: supervisor.userId,
          decidedAt: T.EXTENDED,
          decisionReason: T.REASON_APPROVED,
        },
      ]);
    });

    it('then both rectifications are kept; the last one gives rectifiedAt, submitter and lateness', () => {
      const submission = { submittedBy: otherRectifier.userId, responsibleUnitId: T.UNIT_B, deadline: T.D3, onTime: false };
      expect(first?.rectifications).toStrictEqual([
        { submittedAt: T.SUBMITTED_1, completedAt: T.COMPLETED_1, ...submission },
        { submittedAt: T.SUBMITTED_2, completedAt: T.COMPLETED_2, ...submission },
      ]);
      expect(first).toMatchObject({ rectifiedAt: T.COMPLETED_2, submittedBy: otherRectifier.userId, onTime: false });
    });

    it("then the scheduler's overdue mark is listed against A", () => {
      expect(first?.overdue).toStrictEqual([{ deadline: T.D2, detectedAt: T.OVERDUE_DETECTED, responsibleUnitId: T.UNIT_A }]);
    });

    it('then overdue days are split: A 3, B 1.5 + 1.75 = 3.25', () => {
      // A: nothing under D1 (extended before it passed); D2 03-15 18:00 → reassignment 03-18 18:00 = 3 d.
      // B: D3 03-25 18:00 → completed 03-27 06:00 = 1.5 d; the wait for verification is not counted;
      //    duty back 03-28 10:00 → completed 03-30 04:00 = 1 d 18 h = 1.75 d.
      expect(first?.overdueDaysByUnit).toStrictEqual({ [T.UNIT_A]: 3, [T.UNIT_B]: 3.25 });
    });

    it('then the failed verification and the verification that did not hold are recorded with the verifier', () => {
      const verifier = { by: supervisor2.userId, department: 'dept-gas' };
      expect(first?.failedVerifications).toStrictEqual([{ at: T.VERIFICATION_FAILED, ...verifier, notes: T.NOTES_FAILED }]);
      expect(first?.verification).toStrictEqual({ at: T.VERIFIED, ...verifier, notes: T.NOTES_PASSED, held: false });
      expect(first?.recurredAt).toBe(T.FOUND_AGAIN);
    });
  });

  describe('cycle 2', () => {
    it('then it was opened by the report after verification and is still open', () => {
      expect(second).toMatchObject({ occurrence: 2, cause: 'found-again', startedAt: T.FOUND_AGAIN, startedBy: inspector2.userId });
      expect(second).not.toHaveProperty('endedAt');
      expect(second).not.toHaveProperty('verification');
      expect(second).not.toHaveProperty('rectifiedAt');
      expect(second).not.toHaveProperty('onTime');
      expect(second).not.toHaveProperty('recurredAt');
    });

    it('then A is responsible again, its interval running to now: 04-20 10:00 → 05-02 06:00 = 11 d 20 h', () => {
      expect(second?.responsibility).toStrictEqual([
        { responsibleUnitId: T.UNIT_A, responsiblePerson: '张三', supervisingDepartment: 'dept-gas', assignedBy: supervisor.userId, cause: 'assignment', from: T.ASSIGNED_A_AGAIN, days: 11.83 },
      ]);
      expect(second?.deadlines).toStrictEqual([{ deadline: T.D4, setAt: T.ASSIGNED_A_AGAIN, by: 'assignment' }]);
    });

    it('then A is overdue until now although no overdue mark was recorded yet: 04-30 18:00 → 05-02 06:00 = 1.5 d', () => {
      expect(second?.overdue).toStrictEqual([]);
      expect(second?.overdueDaysByUnit).toStrictEqual({ [T.UNIT_A]: 1.5 });
      expect(second).toMatchObject({ extensions: [], rectifications: [], failedVerifications: [] });
    });
  });

  it('then supervision is imposed (city, overdue) and lifted on verification, the lift naming what it ended', () => {
    expect(trail.supervision).toStrictEqual([
      {
        action: 'imposed', occurrence: 1, level: 'city', reason: 'overdue', department: 'dept-gas', by: supervisor.userId, at: T.SUPERVISED,
        supervisionId: expect.any(String), documentNo: null,
        // Never served nor signed: overdue for signature at the trail's time, past its sign-due.
        notice: { servedBy: null, servedAt: null, recipient: null, signedBy: null, signedAt: null, signDue: NOTICE_SIGN_DUE, signOverdue: true },
      },
      { action: 'lifted', occurrence: 1, level: 'city', reason: T.REASON_LIFTED, department: 'dept-gas', by: supervisor.userId, at: T.LIFTED },
    ]);
  });

  it('then the unknown event type in the history changed nothing', () => {
    const known = T.TWO_CYCLE_HISTORY.filter((f) => f.type !== 'HazardPhotographedByDrone');

    expect(known).toHaveLength(T.TWO_CYCLE_HISTORY.length - 1);
    expect(trailOf(known, T.NOW)).toStrictEqual(trail);
  });

  it('then it is plain JSON: a round trip through JSON gives it back unchanged', () => {
    expect(JSON.parse(JSON.stringify(trail))).toStrictEqual(trail);
  });
});
