import { imposed, numbered, withNotice } from './supervision.evolve';
import { profileOf } from './hazard-profile';
import { HazardEvent } from './hazard.events';
import { ExistingHazard, HazardState } from './hazard.state';

/** Applies one event. Never throws: an event is a fact, even one the current rules would refuse. */
export function evolve(state: HazardState, event: HazardEvent): HazardState {
  if (event.type === 'HazardFound') {
    const d = event.data;
    return {
      exists: true,
      hazardId: d.hazardId,
      ...profileOf(d),
      basisCode: d.basisCode ?? null,
      status: 'found',
      occurrence: 1,
      repeatFindings: 0,
      overdue: false,
      underSupervision: false,
      extensionCount: 0,
      assignedUnitIds: [],
      tipNos: d.tipNo ? [d.tipNo] : [],
      selfReported: d.source === 'self-check',
      documentNumbers: {},
    };
  }
  if (!state.exists) return state;
  return evolveExisting(state, event);
}

function evolveExisting(s: ExistingHazard, event: Exclude<HazardEvent, { type: 'HazardFound' }>): HazardState {
  switch (event.type) {
    case 'HazardFoundAgain': {
      const basisCode = event.data.basisCode ?? s.basisCode;
      const tipNo = event.data.tipNo;
      s = { ...s, selfReported: s.selfReported || event.data.source === 'self-check', tipNos: tipNo && !s.tipNos.includes(tipNo) ? [...s.tipNos, tipNo] : s.tipNos };
      if (event.data.previousStatus !== 'verified') return { ...s, repeatFindings: event.data.repeatFindings, basisCode };
      return { ...newCycle(s, event.data.occurrence), repeatFindings: event.data.repeatFindings, basisCode };
    }
    case 'RectificationAssigned': {
      const { assignedBy: _by, reassignment: _re, occurrence: _occ, ...assignment } = event.data;
      const unit = event.data.responsibleUnitId;
      return {
        ...s,
        status: 'assigned',
        assignment,
        assignedUnitIds: s.assignedUnitIds.includes(unit) ? s.assignedUnitIds : [...s.assignedUnitIds, unit],
        deadline: event.data.deadline,
        overdue: false,
        pendingExtension: undefined,
      };
    }
    case 'RemediationPlanSubmitted': {
      const { submittedBy: _by, ...plan } = event.data;
      return { ...s, plan };
    }
    case 'DeadlineExtensionRequested':
      return { ...s, pendingExtension: { newDeadline: event.data.newDeadline, reason: event.data.reason, requestedBy: event.data.requestedBy } };
    case 'DeadlineExtended':
      return {
        ...s,
        deadline: event.data.newDeadline,
        assignment: s.assignment && { ...s.assignment, deadline: event.data.newDeadline },
        overdue: false,
        extensionCount: s.extensionCount + 1,
        pendingExtension: undefined,
      };
    case 'DeadlineExtensionDenied':
      return { ...s, pendingExtension: undefined };
    case 'HazardRectified':
      return {
        ...s,
        status: 'rectified',
        overdue: false,
        pendingExtension: undefined,
        lastRectification: {
          submittedBy: event.data.submittedBy,
          responsibleUnitId: event.data.responsibleUnitId,
          completedAt: event.data.completedAt,
        },
      };
    case 'HazardVerified':
      return { ...s, status: 'verified', overdue: false, closureApplication: undefined };
    case 'VerificationFailed':
      return { ...s, status: 'reopened', closureApplication: undefined };
    case 'ClosureApplied': {
      const { occurrence: _occurrence, ...application } = event.data;
      return { ...s, closureApplication: { ...application, reviewOverdue: false } };
    }
    case 'ClosureReviewOverdue':
      return s.closureApplication ? { ...s, closureApplication: { ...s.closureApplication, reviewOverdue: true } } : s;
    case 'HazardReopened':
      return newCycle(s, event.data.occurrence);
    case 'RectificationOverdue':
      return { ...s, overdue: true, overdueDeadline: event.data.deadline };
    case 'SupervisionImposed':
      return imposed(s, event.data);
    case 'SupervisionDocumentNumbered':
      return numbered(s, event.data);
    case 'SupervisionNoticeServed':
      return withNotice(s, { servedBy: event.data.servedBy, servedAt: event.data.servedAt, recipient: event.data.recipient });
    case 'SupervisionNoticeSigned':
      return withNotice(s, { signedBy: event.data.signedBy, signedAt: event.data.signedAt });
    case 'SupervisionLifted':
      return { ...s, underSupervision: false, supervision: undefined };
    case 'HazardLevelChanged':
      return { ...s, level: event.data.to, basisCode: event.data.basisCode ?? s.basisCode };
    default: {
      // Compile-time exhaustiveness; at run time an unknown (newer) event type is ignored, never thrown on.
      const unhandled: never = event;
      void unhandled;
      return s;
    }
  }
}

/** A verified hazard that comes back starts a new rectification cycle with no assignment. */
function newCycle(s: ExistingHazard, occurrence: number): ExistingHazard {
  return {
    ...s,
    status: 'reopened',
    occurrence,
    assignment: undefined,
    deadline: undefined,
    overdue: false,
    overdueDeadline: undefined,
    pendingExtension: undefined,
    plan: undefined,
    lastRectification: undefined,
    closureApplication: undefined,
  };
}
