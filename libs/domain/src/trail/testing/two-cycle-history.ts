import { inspector2, OTHER_UNIT_ID, otherRectifier, supervisor2, UNIT_ID } from '../../testing/hazard.mother';
import {
  assigned,
  extended,
  extensionRequested,
  failedVerification,
  Fact,
  found,
  foundAgain,
  fromTheFuture,
  overdue,
  reassigned,
  rectified,
  supervised,
  unsupervised,
  verified,
} from './trail.mother';

/**
 * The scripted history of issue 3: two cycles, a reassignment, an extension, an overdue period and a
 * recurrence after verification, plus a failed verification that hands the duty back. Every step is one
 * `decide` would accept at that time. All +08:00 except NOW, written in UTC on purpose.
 */
export const UNIT_A = UNIT_ID; // UNIT-GASCO, 张三
export const UNIT_B = OTHER_UNIT_ID; // UNIT-OTHER, 李四

export const DISCOVERED = '2026-02-27T20:00:00+08:00';
export const REPORTED = '2026-03-01T08:00:00+08:00'; // 36 h after discovery: 迟报 against 24 h
export const ASSIGNED_A = '2026-03-01T10:00:00+08:00';
export const D1 = '2026-03-10T18:00:00+08:00';
export const EXTENSION_REQUESTED = '2026-03-08T09:00:00+08:00';
export const EXTENDED = '2026-03-09T09:00:00+08:00'; // granted before D1 passed: no overdue under D1
export const D2 = '2026-03-15T18:00:00+08:00';
export const OVERDUE_DETECTED = '2026-03-16T09:00:00+08:00';
export const SUPERVISED = '2026-03-16T10:00:00+08:00';
export const REASSIGNED_B = '2026-03-18T18:00:00+08:00'; // A overdue from D2 until here: 3 days
export const D3 = '2026-03-25T18:00:00+08:00';
export const COMPLETED_1 = '2026-03-27T06:00:00+08:00'; // B overdue D3 → here: 1 d 12 h = 1.5
export const SUBMITTED_1 = '2026-03-27T12:00:00+08:00';
export const VERIFICATION_FAILED = '2026-03-28T10:00:00+08:00'; // duty back on B; D3 long passed
export const COMPLETED_2 = '2026-03-30T04:00:00+08:00'; // B overdue again 1 d 18 h = 1.75
export const SUBMITTED_2 = '2026-03-30T10:00:00+08:00';
export const VERIFIED = '2026-03-31T10:00:00+08:00';
export const LIFTED = '2026-03-31T11:00:00+08:00';
export const REDISCOVERED = '2026-04-20T08:00:00+08:00';
export const FOUND_AGAIN = '2026-04-20T09:00:00+08:00'; // 1 h delay; opens cycle 2
export const ASSIGNED_A_AGAIN = '2026-04-20T10:00:00+08:00';
export const D4 = '2026-04-30T18:00:00+08:00';
export const DRONE = '2026-04-21T09:00:00+08:00';
export const SEEN_STILL_THERE = '2026-04-29T09:00:00+08:00';
export const REPORTED_STILL_THERE = '2026-05-01T09:00:00+08:00'; // 48 h delay: 迟报
export const NOW = '2026-05-01T22:00:00Z'; // = 2026-05-02T06:00+08:00; A overdue D4 → now: 1.5

export const REASON_LATE_PARTS = '设备到货延迟';
export const REASON_APPROVED = '经研究决定';
export const NOTES_FAILED = '调压箱接口仍有渗漏';
export const NOTES_PASSED = '复核合格';
export const REASON_LIFTED = '整改验收合格';

const personA = { responsibleUnitId: UNIT_A, responsiblePerson: '张三', supervisingDepartment: 'dept-gas' };
const personB = { responsibleUnitId: UNIT_B, responsiblePerson: '李四', supervisingDepartment: 'dept-gas' };

export const TWO_CYCLE_HISTORY: readonly Fact[] = [
  found(REPORTED, { discoveredAt: DISCOVERED }),
  assigned(ASSIGNED_A, { ...personA, deadline: D1 }),
  extensionRequested(EXTENSION_REQUESTED, { currentDeadline: D1, newDeadline: D2, reason: REASON_LATE_PARTS }),
  extended(EXTENDED, { previousDeadline: D1, newDeadline: D2, reason: REASON_APPROVED }),
  overdue(OVERDUE_DETECTED, { deadline: D2, responsibleUnitId: UNIT_A }),
  supervised(SUPERVISED, { authorityLevel: 'city', reason: 'overdue' }),
  reassigned(REASSIGNED_B, { ...personB, deadline: D3 }),
  rectified(SUBMITTED_1, { completedAt: COMPLETED_1, responsibleUnitId: UNIT_B, deadline: D3, onTime: false }, otherRectifier),
  failedVerification(VERIFICATION_FAILED, { notes: NOTES_FAILED }, supervisor2),
  rectified(SUBMITTED_2, { completedAt: COMPLETED_2, responsibleUnitId: UNIT_B, deadline: D3, onTime: false }, otherRectifier),
  verified(VERIFIED, { notes: NOTES_PASSED }, supervisor2),
  unsupervised(LIFTED, { reason: REASON_LIFTED }),
  foundAgain(FOUND_AGAIN, { previousStatus: 'verified', occurrence: 2, repeatFindings: 1, discoveredAt: REDISCOVERED, source: 'citizen-report' }, inspector2),
  assigned(ASSIGNED_A_AGAIN, { ...personA, deadline: D4, occurrence: 2 }),
  fromTheFuture(DRONE),
  foundAgain(REPORTED_STILL_THERE, { previousStatus: 'assigned', occurrence: 2, repeatFindings: 2, discoveredAt: SEEN_STILL_THERE }),
];
