import { Actor, HazardEvent } from '../..';
import {
  deadlineExtended,
  deadlineExtensionDenied,
  deadlineExtensionRequested,
  hazardFound,
  hazardFoundAgain,
  hazardRectified,
  hazardReopened,
  hazardVerified,
  inspector,
  rectificationAssigned,
  rectificationOverdue,
  rectifier,
  supervisionImposed,
  supervisionLifted,
  supervisor,
  system,
  verificationFailed,
} from '../../testing/hazard.mother';
import { accountabilityTrail } from '../accountability-trail';
import { HazardTrail, TrailInput } from '../hazard-trail';

/**
 * Builders for trail tests: each event as `decide` writes it (the decider's own mothers), stamped with the
 * ledger time it was recorded at and the actor who would have issued it. Time-like data fields
 * (assignedAt, detectedAt) follow the stamp so a history reads as one consistent story.
 */
export type Fact = Omit<TrailInput, 'revision'>;
type Data<T extends HazardEvent['type']> = Partial<Extract<HazardEvent, { type: T }>['data']>;

export function fact(occurredAt: string, actor: Actor, event: { readonly type: string; readonly data: unknown }): Fact {
  return { type: event.type, data: event.data, occurredAt, actor: { userId: actor.userId, departmentId: actor.departmentId } };
}

/** Numbers the facts 0, 1, 2… in the order given, as the store would. */
export function stream(...facts: readonly Fact[]): TrailInput[] {
  return facts.map((f, revision) => ({ ...f, revision }));
}

/** Given a history, then the trail as of `now` with the default 24-hour 迟报 limit. */
export function trailOf(facts: readonly Fact[], now: string, lateReportHours = 24): HazardTrail {
  return accountabilityTrail(stream(...facts), { now, lateReportHours });
}

export const found = (at: string, data: Data<'HazardFound'> = {}, by: Actor = inspector) => fact(at, by, hazardFound({ reportedBy: by.userId, ...data }));
export const foundAgain = (at: string, data: Data<'HazardFoundAgain'> = {}, by: Actor = inspector) =>
  fact(at, by, hazardFoundAgain({ reportedBy: by.userId, ...data }));
export const assigned = (at: string, data: Data<'RectificationAssigned'> = {}, by: Actor = supervisor) =>
  fact(at, by, rectificationAssigned({ assignedAt: at, assignedBy: by.userId, ...data }));
export const reassigned = (at: string, data: Data<'RectificationAssigned'> = {}, by: Actor = supervisor) => assigned(at, { reassignment: true, ...data }, by);
export const extensionRequested = (at: string, data: Data<'DeadlineExtensionRequested'> = {}, by: Actor = rectifier) =>
  fact(at, by, deadlineExtensionRequested({ requestedBy: by.userId, ...data }));
export const extended = (at: string, data: Data<'DeadlineExtended'> = {}, by: Actor = supervisor) => fact(at, by, deadlineExtended({ approvedBy: by.userId, ...data }));
export const extensionDenied = (at: string, data: Data<'DeadlineExtensionDenied'> = {}, by: Actor = supervisor) =>
  fact(at, by, deadlineExtensionDenied({ deniedBy: by.userId, ...data }));
export const rectified = (at: string, data: Data<'HazardRectified'> = {}, by: Actor = rectifier) => fact(at, by, hazardRectified({ submittedBy: by.userId, ...data }));
export const verified = (at: string, data: Data<'HazardVerified'> = {}, by: Actor = supervisor) =>
  fact(at, by, hazardVerified({ verifiedBy: by.userId, verifierDepartment: by.departmentId, ...data }));
export const failedVerification = (at: string, data: Data<'VerificationFailed'> = {}, by: Actor = supervisor) =>
  fact(at, by, verificationFailed({ verifiedBy: by.userId, verifierDepartment: by.departmentId, ...data }));
export const reopened = (at: string, data: Data<'HazardReopened'> = {}, by: Actor = supervisor) => fact(at, by, hazardReopened({ reopenedBy: by.userId, ...data }));
export const overdue = (at: string, data: Data<'RectificationOverdue'> = {}) => fact(at, system, rectificationOverdue({ detectedAt: at, ...data }));
export const supervised = (at: string, data: Data<'SupervisionImposed'> = {}, by: Actor = supervisor) =>
  fact(at, by, supervisionImposed({ imposedBy: by.userId, department: by.departmentId, ...data }));
export const unsupervised = (at: string, data: Data<'SupervisionLifted'> = {}, by: Actor = supervisor) => fact(at, by, supervisionLifted({ liftedBy: by.userId, ...data }));

/** An event type this version does not know (written by a newer one). */
export const fromTheFuture = (at: string) => fact(at, system, { type: 'HazardPhotographedByDrone', data: { altitude: 120 } });
