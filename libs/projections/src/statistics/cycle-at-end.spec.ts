import {
  deadlineExtended,
  hazardFound,
  hazardLevelChanged,
  hazardRectified,
  hazardReopened,
  hazardVerified,
  rectificationAssigned,
  verificationFailed,
} from '../../../domain/src/testing/hazard.mother';
import { AsOf, CycleAtEnd, cycleAt, levelAt } from './cycle-at-end';
import { hazardNamed, RecordedLog } from './testing/recorded-log';

const A = hazardNamed('A');
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T10:00:00+08:00`;
const at = (d: number): AsOf => ({ endMs: Date.parse(day(d)), position: Infinity });

/** A's cycle `occurrence` as seen at the end of day `d` of March (10:00). */
function cycleOn(log: RecordedLog, d: number, occurrence = 1): CycleAtEnd | undefined {
  const [facts] = log.facts();
  const cycle = facts!.cycles.find((c) => c.occurrence === occurrence)!;
  return cycleAt(facts!, cycle, at(d));
}

function assignedOn(d: number, deadline: number): RecordedLog {
  return new RecordedLog()
    .record(A, hazardFound({ hazardId: A, discoveredAt: day(1) }), day(1))
    .record(A, rectificationAssigned({ deadline: day(deadline) }), day(d));
}

describe('a cycle at end', () => {
  it('overdue: assigned with the deadline then passed; the deadline in force at end, an extension after end does not count', () => {
    const log = assignedOn(2, 5).record(A, deadlineExtended({ newDeadline: day(20) }), day(8));

    expect(cycleOn(log, 5)).toMatchObject({ openAtEnd: true, overdueAtEnd: false }); // deadline 03-05 is not before end 03-05
    expect(cycleOn(log, 6)).toMatchObject({ openAtEnd: true, overdueAtEnd: true });
    expect(cycleOn(log, 9)).toMatchObject({ openAtEnd: true, overdueAtEnd: false });
  });

  it('overdue: rectified is not; reopened by a failed verification keeps its assignment and is', () => {
    const log = assignedOn(2, 5).record(A, hazardRectified({ onTime: true }), day(4)).record(A, verificationFailed(), day(7));

    expect(cycleOn(log, 6)).toMatchObject({ openAtEnd: true, overdueAtEnd: false });
    expect(cycleOn(log, 8)).toMatchObject({ openAtEnd: true, overdueAtEnd: true });
  });

  it('a cycle opened by reopening has no assignment: not overdue until assigned again', () => {
    const log = assignedOn(2, 5)
      .record(A, hazardRectified(), day(3))
      .record(A, hazardVerified(), day(4))
      .record(A, hazardReopened({ occurrence: 2 }), day(6))
      .record(A, rectificationAssigned({ deadline: day(10), occurrence: 2 }), day(8));

    expect(cycleOn(log, 7, 2)).toMatchObject({ foundMs: Date.parse(day(6)), source: 'other', openAtEnd: true, overdueAtEnd: false });
    expect(cycleOn(log, 11, 2)).toMatchObject({ overdueAtEnd: true });
    expect(cycleOn(log, 11, 1)).toMatchObject({ openAtEnd: false, verifiedMs: Date.parse(day(4)), acceptedOnTime: true });
  });

  it('the accepted rectification is the last one before the verification', () => {
    const log = assignedOn(2, 5)
      .record(A, hazardRectified({ onTime: true }), day(3))
      .record(A, verificationFailed(), day(4))
      .record(A, hazardRectified({ onTime: false }), day(6))
      .record(A, hazardVerified(), day(7));

    expect(cycleOn(log, 8)).toMatchObject({ verifiedMs: Date.parse(day(7)), acceptedOnTime: false, openAtEnd: false });
    expect(cycleOn(log, 7)).toMatchObject({ openAtEnd: true }); // verified at 03-07 10:00 = end: not before it
  });

  it('the level is the hazard’s, changed before end, and carried into a later cycle', () => {
    const log = assignedOn(2, 5)
      .record(A, hazardLevelChanged({ from: 'general', to: 'major' }), day(3))
      .record(A, hazardVerified(), day(4))
      .record(A, hazardReopened({ occurrence: 2 }), day(6))
      .record(A, hazardLevelChanged({ from: 'major', to: 'general' }), day(9));
    const [facts] = log.facts();

    expect(levelAt(facts!, at(3))).toBe('general');
    expect(cycleOn(log, 8, 2)).toMatchObject({ level: 'major' });
    expect(cycleOn(log, 8, 1)).toMatchObject({ level: 'major' });
    expect(cycleOn(log, 10, 2)).toMatchObject({ level: 'general' });
  });

  it('as of a position: later facts are left out, and a cycle opened after it does not exist', () => {
    const log = assignedOn(2, 5).record(A, hazardRectified(), day(3)).record(A, hazardVerified(), day(4)).record(A, hazardReopened({ occurrence: 2 }), day(6));
    const [facts] = log.facts();
    const [first, second] = facts!.cycles;

    expect(cycleAt(facts!, first!, { endMs: Date.parse(day(9)), position: 3 })).toMatchObject({ verifiedMs: null, openAtEnd: true });
    expect(cycleAt(facts!, second!, { endMs: Date.parse(day(9)), position: 4 })).toBeUndefined();
  });
});
