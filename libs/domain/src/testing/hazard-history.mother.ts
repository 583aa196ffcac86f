import {
  ClosureApplied,
  SupervisionDocumentNumbered,
  SupervisionNoticeServed,
  SupervisionNoticeSigned,
  ClosureReviewOverdue,
  DeadlineExtended,
  DeadlineExtensionDenied,
  DeadlineExtensionRequested,
  HazardEvent,
  HazardFound,
  HazardFoundAgain,
  HazardLevelChanged,
  HazardRectified,
  HazardReopened,
  HazardStatus,
  HazardVerified,
  RectificationAssigned,
  RectificationOverdue,
  RemediationPlanSubmitted,
  SupervisionImposed,
  SupervisionLifted,
  VerificationFailed,
} from '..';
import {
  deadlineExtended,
  deadlineExtensionDenied,
  deadlineExtensionRequested,
  hazardFound,
  hazardFoundAgain,
  hazardLevelChanged,
  hazardRectified,
  hazardReopened,
  hazardVerified,
  rectificationAssigned,
  rectificationOverdue,
  remediationPlanSubmitted,
  supervisionImposed,
  supervisionLifted,
  verificationFailed,
  closureApplied,
  closureReviewOverdue,
  supervisionDocumentNumbered,
  supervisionNoticeServed,
  supervisionNoticeSigned,
} from './hazard-events.mother';

type Data<E extends HazardEvent> = Partial<E['data']>;

/**
 * A hazard's stream, written event by event: `aHazard().assigned().rectified().verified().events`.
 * It keeps the cycle number, status and repeat count itself (not via `evolve`, which is under test) so the
 * events it writes carry the numbers `decide` would have put in them.
 */
export class HazardHistory {
  private constructor(
    readonly events: readonly HazardEvent[],
    private readonly status: HazardStatus,
    private readonly occurrence: number,
    private readonly repeatFindings: number,
  ) {}

  static found(data: Data<HazardFound> = {}): HazardHistory {
    return new HazardHistory([hazardFound(data)], 'found', 1, 0);
  }

  /** Appends events as given; the tracked status is unchanged. */
  and(...events: HazardEvent[]): HazardHistory {
    return new HazardHistory([...this.events, ...events], this.status, this.occurrence, this.repeatFindings);
  }

  assigned(data: Data<RectificationAssigned> = {}): HazardHistory {
    return this.to('assigned', rectificationAssigned({ occurrence: this.occurrence, ...data }));
  }

  reassigned(data: Data<RectificationAssigned> = {}): HazardHistory {
    return this.assigned({ reassignment: true, ...data });
  }

  planned(data: Data<RemediationPlanSubmitted> = {}): HazardHistory {
    return this.and(remediationPlanSubmitted(data));
  }

  extensionRequested(data: Data<DeadlineExtensionRequested> = {}): HazardHistory {
    return this.and(deadlineExtensionRequested(data));
  }

  extended(data: Data<DeadlineExtended> = {}): HazardHistory {
    return this.and(deadlineExtended(data));
  }

  extensionDenied(data: Data<DeadlineExtensionDenied> = {}): HazardHistory {
    return this.and(deadlineExtensionDenied(data));
  }

  rectified(data: Data<HazardRectified> = {}): HazardHistory {
    return this.to('rectified', hazardRectified({ occurrence: this.occurrence, ...data }));
  }

  verified(data: Data<HazardVerified> = {}): HazardHistory {
    return this.to('verified', hazardVerified({ occurrence: this.occurrence, ...data }));
  }

  /** VerificationFailed: back to `reopened`, same cycle, assignment kept. */
  failedVerification(data: Data<VerificationFailed> = {}): HazardHistory {
    return this.to('reopened', verificationFailed({ occurrence: this.occurrence, ...data }));
  }

  /** HazardReopened by decision after verification: a new cycle without assignment. */
  reopened(data: Data<HazardReopened> = {}): HazardHistory {
    const occurrence = this.occurrence + 1;
    return new HazardHistory([...this.events, hazardReopened({ occurrence, ...data })], 'reopened', occurrence, this.repeatFindings);
  }

  /** Reported again: a new cycle if it was verified, else one more repeat finding. */
  foundAgain(data: Data<HazardFoundAgain> = {}): HazardHistory {
    const newCycle = this.status === 'verified';
    const occurrence = newCycle ? this.occurrence + 1 : this.occurrence;
    const repeatFindings = this.repeatFindings + 1;
    const event = hazardFoundAgain({ previousStatus: this.status, occurrence, repeatFindings, ...data });
    return new HazardHistory([...this.events, event], newCycle ? 'reopened' : this.status, occurrence, repeatFindings);
  }

  overdue(data: Data<RectificationOverdue> = {}): HazardHistory {
    return this.and(rectificationOverdue({ occurrence: this.occurrence, ...data }));
  }

  supervised(data: Data<SupervisionImposed> = {}): HazardHistory {
    return this.and(supervisionImposed(data));
  }

  unsupervised(data: Data<SupervisionLifted> = {}): HazardHistory {
    return this.and(supervisionLifted(data));
  }

  closureApplied(data: Data<ClosureApplied> = {}): HazardHistory {
    return this.and(closureApplied({ occurrence: this.occurrence, ...data }));
  }

  closureReviewOverdue(data: Data<ClosureReviewOverdue> = {}): HazardHistory {
    return this.and(closureReviewOverdue({ occurrence: this.occurrence, ...data }));
  }

  numbered(data: Data<SupervisionDocumentNumbered> = {}): HazardHistory {
    return this.and(supervisionDocumentNumbered(data));
  }

  noticeServed(data: Data<SupervisionNoticeServed> = {}): HazardHistory {
    return this.and(supervisionNoticeServed(data));
  }

  noticeSigned(data: Data<SupervisionNoticeSigned> = {}): HazardHistory {
    return this.and(supervisionNoticeSigned(data));
  }

  reclassified(data: Data<HazardLevelChanged> = {}): HazardHistory {
    return this.and(hazardLevelChanged(data));
  }

  private to(status: HazardStatus, event: HazardEvent): HazardHistory {
    return new HazardHistory([...this.events, event], status, this.occurrence, this.repeatFindings);
  }
}

export function aHazard(data: Data<HazardFound> = {}): HazardHistory {
  return HazardHistory.found(data);
}

export function aMajorHazard(data: Data<HazardFound> = {}): HazardHistory {
  return HazardHistory.found({ level: 'major', ...data });
}

/**
 * A major hazard brought to `status` with everything a command there could need — under county-level
 * supervision, assigned, planned, an extension pending, a closure application once rectified; `reopened` after a failed verification, so the
 * assignment is kept — so that the status is the only thing a command can be refused for.
 */
export function aHazardIn(status: HazardStatus): HazardHistory {
  const found = aMajorHazard().supervised();
  const assigned = found.assigned().planned().extensionRequested();
  switch (status) {
    case 'found':
      return found;
    case 'assigned':
      return assigned;
    case 'rectified':
      return assigned.rectified().closureApplied();
    case 'verified':
      return assigned.rectified().closureApplied().verified();
    case 'reopened':
      return assigned.rectified().failedVerification();
  }
}
