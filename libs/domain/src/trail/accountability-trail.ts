import { HazardEvent } from '../hazard/hazard.events';
import { CycleDraft } from './cycle-draft';
import { HazardTrail, Refinding, ReportingDelay, TrailInput, TrailOptions } from './hazard-trail';
import { SupervisionLog } from './supervision-log';
import { hoursBetween, hoursToMs, instant } from './trail-time';

export * from './hazard-trail';
export type { ClosureEntry } from './closure-log';

/**
 * The accountability trail (失职追责) of one hazard, derived only from its events: per rectification cycle
 * who was responsible and for how long, deadlines and extensions, overdue days charged to each unit, who
 * verified and whether that held, plus the reporting delay of every report (迟报) and the supervision
 * (挂牌督办) record. Pure: `now` is an argument. Events are replayed in revision order; unknown types are
 * ignored and nothing here throws on a fact, as in `evolve`. See HazardTrail for rounding.
 */
export function accountabilityTrail(events: readonly TrailInput[], options: TrailOptions): HazardTrail {
  return replayTrail(events, options.lateReportHours).at(options.now);
}

/** A history replayed once; only open periods and unsigned notices depend on the time it is read at. */
export interface ReplayedTrail {
  at(now: string): HazardTrail;
}

/**
 * The replay of accountabilityTrail without its `now`, for a reader that asks about the same history again
 * and again: `at(now)` gives what accountabilityTrail gives for that `now`, and never changes the replay.
 */
export function replayTrail(events: readonly TrailInput[], lateReportHours: number): ReplayedTrail {
  const replay = new TrailReplay(lateReportHours);
  for (const input of [...events].sort((a, b) => a.revision - b.revision)) replay.apply(input);
  const cycles = replay.cycles.map((cycle) => cycle.reading());
  return {
    at: (now) => ({
      hazardId: replay.hazardId,
      asOf: now,
      lateReportHours,
      reporting: replay.reporting,
      refindings: [...replay.refindings],
      cycles: cycles.map((readAt) => readAt(now)),
      supervision: replay.supervision.toTrail(now),
    }),
  };
}

class TrailReplay {
  hazardId: string | null = null;
  reporting: ReportingDelay | null = null;
  readonly refindings: Refinding[] = [];
  readonly cycles: CycleDraft[] = [];
  readonly supervision = new SupervisionLog();

  constructor(private readonly lateReportHours: number) {}

  private get cycle(): CycleDraft | undefined {
    return this.cycles[this.cycles.length - 1];
  }

  apply(input: TrailInput): void {
    // Data is unknown on the way in; a malformed payload must not make a property read throw.
    const data = typeof input.data === 'object' && input.data !== null ? input.data : {};
    const event = { type: input.type, data } as HazardEvent;
    const at = input.occurredAt;
    if (event.type === 'HazardFound') return this.found(event.data, input);
    const cycle = this.cycle;
    // As in evolve: nothing happens to a hazard before it was found.
    if (!cycle) return;
    switch (event.type) {
      case 'HazardFoundAgain':
        return this.foundAgain(event.data, input);
      case 'HazardReopened':
        return this.startCycle(event.data.occurrence, 'reopened', at, event.data.reopenedBy ?? input.actor.userId);
      case 'RectificationAssigned':
        return cycle.assign(at, event.data);
      case 'DeadlineExtensionRequested':
        return cycle.requestExtension(at, event.data);
      case 'DeadlineExtended':
        return cycle.grantExtension(at, event.data);
      case 'DeadlineExtensionDenied':
        return cycle.denyExtension(at, event.data);
      case 'HazardRectified':
        return cycle.rectify(at, event.data);
      case 'VerificationFailed':
        cycle.closures.reviewed('failed', at, event.data.verifiedBy ?? input.actor.userId);
        return cycle.failVerification(this.verificationBy(event.data, input));
      case 'HazardVerified':
        cycle.closures.reviewed('passed', at, event.data.verifiedBy ?? input.actor.userId);
        return cycle.verify(this.verificationBy(event.data, input));
      case 'ClosureApplied':
        return cycle.closures.apply(event.data, at, input.actor.userId);
      case 'ClosureReviewOverdue':
        return cycle.closures.reviewOverdue(event.data);
      case 'RectificationOverdue': {
        const { deadline, detectedAt, responsibleUnitId } = event.data;
        return cycle.markOverdue({ deadline, detectedAt: detectedAt ?? at, responsibleUnitId });
      }
      case 'SupervisionImposed':
        return this.supervision.imposed(event.data, input, cycle.occurrence);
      case 'SupervisionLifted':
        return this.supervision.lifted(event.data, input, cycle.occurrence);
      case 'SupervisionDocumentNumbered':
        return this.supervision.numbered(event.data);
      case 'SupervisionNoticeServed':
        return this.supervision.served(event.data);
      case 'SupervisionNoticeSigned':
        return this.supervision.signed(event.data);
      case 'RemediationPlanSubmitted':
      case 'HazardLevelChanged':
        return; // not part of who answered for what, and when
      default: {
        // A new event type fails to compile until the trail decides what it means; at run time it is ignored.
        const unknown: never = event;
        void unknown;
      }
    }
  }

  private found(d: Extract<HazardEvent, { type: 'HazardFound' }>['data'], input: TrailInput): void {
    if (this.cycle) return; // one stream, one first report
    this.hazardId = d.hazardId ?? null;
    this.reporting = this.delay(d.discoveredAt, d.reportedBy, d.reportingDepartment, input);
    this.cycles.push(new CycleDraft(1, 'found', input.occurredAt, d.reportedBy ?? input.actor.userId));
  }

  /** A report after verification opens a new cycle; one while open is a repeat finding of the same cycle. */
  private foundAgain(d: Extract<HazardEvent, { type: 'HazardFoundAgain' }>['data'], input: TrailInput): void {
    const newCycle = d.previousStatus === 'verified';
    const by = d.reportedBy ?? input.actor.userId;
    if (newCycle) this.startCycle(d.occurrence, 'found-again', input.occurredAt, by);
    this.refindings.push({
      occurrence: this.cycle?.occurrence ?? d.occurrence,
      previousStatus: d.previousStatus,
      newCycle,
      source: d.source,
      ...this.delay(d.discoveredAt, d.reportedBy, d.reportingDepartment, input),
    });
  }

  private startCycle(occurrence: number | undefined, cause: 'found-again' | 'reopened', at: string, by: string): void {
    const previous = this.cycle;
    previous?.recur(at);
    const number = typeof occurrence === 'number' ? occurrence : (previous?.occurrence ?? 0) + 1;
    this.cycles.push(new CycleDraft(number, cause, at, by));
  }

  private delay(discoveredAt: string, reportedBy: string | undefined, department: string | undefined, input: TrailInput): ReportingDelay {
    const recordedAt = input.occurredAt;
    const ms = instant(recordedAt) - instant(discoveredAt);
    return {
      discoveredAt,
      recordedAt,
      delayHours: hoursBetween(discoveredAt, recordedAt),
      // Exact times, not the rounded hours: a report 10 s over the limit is over it.
      late: ms > hoursToMs(this.lateReportHours),
      reportedBy: reportedBy ?? input.actor.userId,
      reportingDepartment: department ?? input.actor.departmentId,
    };
  }

  private verificationBy(d: { notes: string; verifiedBy: string; verifierDepartment: string }, input: TrailInput) {
    return {
      at: input.occurredAt,
      by: d.verifiedBy ?? input.actor.userId,
      department: d.verifierDepartment ?? input.actor.departmentId,
      notes: d.notes,
    };
  }
}
