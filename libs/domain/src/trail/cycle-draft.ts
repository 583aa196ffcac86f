import { ClosureLog } from './closure-log';
import {
  DeadlineExtended,
  DeadlineExtensionDenied,
  DeadlineExtensionRequested,
  HazardRectified,
  RectificationAssigned,
} from '../hazard/hazard.events';
import {
  CycleTrail,
  DeadlineEntry,
  ExtensionEntry,
  OverdueEntry,
  PassedVerification,
  RectificationEntry,
  ResponsibilityInterval,
  VerificationEntry,
} from './hazard-trail';
import { cycleReading, DraftInterval } from './cycle-reading';
import { instant } from './trail-time';

type Duty = Pick<ResponsibilityInterval, 'responsibleUnitId' | 'responsiblePerson' | 'supervisingDepartment' | 'assignedBy'>;

/**
 * One cycle being replayed. Mutable while the fold runs, then frozen by `reading()` into a CycleTrail per `now`.
 * It follows facts, not rules: an event the decider would refuse today still lands somewhere sensible.
 */
export class CycleDraft {
  private endedAt?: string;
  private readonly intervals: DraftInterval[] = [];
  private openInterval?: number;
  /** The unit's duty as assigned; kept through rectification so a failed verification can hand it back. */
  private duty?: Duty;
  private readonly deadlines: DeadlineEntry[] = [];
  private readonly extensions: ExtensionEntry[] = [];
  private pendingExtension?: number;
  private readonly rectifications: RectificationEntry[] = [];
  private readonly overdue: OverdueEntry[] = [];
  private readonly failedVerifications: VerificationEntry[] = [];
  private verification?: PassedVerification;
  private recurredAt?: string;
  readonly closures = new ClosureLog();

  constructor(
    readonly occurrence: number,
    private readonly cause: CycleTrail['cause'],
    private readonly startedAt: string,
    private readonly startedBy: string,
  ) {}

  /** The deadline in force now, e.g. as the previous deadline of an unrequested extension. */
  private get currentDeadline(): string | undefined {
    return this.deadlines[this.deadlines.length - 1]?.deadline;
  }

  assign(at: string, d: RectificationAssigned['data']): void {
    const cause = this.duty ? 'reassignment' : 'assignment';
    this.closeInterval(at);
    this.lapsePendingExtension();
    this.duty = {
      responsibleUnitId: d.responsibleUnitId,
      responsiblePerson: d.responsiblePerson,
      supervisingDepartment: d.supervisingDepartment,
      assignedBy: d.assignedBy,
    };
    this.openIntervalFor(this.duty, cause, at);
    this.deadlines.push({ deadline: d.deadline, setAt: at, by: 'assignment' });
  }

  requestExtension(at: string, d: DeadlineExtensionRequested['data']): void {
    // A newer request replaces a pending one (as in evolve): the older one was never decided.
    this.lapsePendingExtension();
    this.pendingExtension = this.extensions.length;
    this.extensions.push({
      requestedAt: at,
      requestedBy: d.requestedBy,
      previousDeadline: d.currentDeadline,
      newDeadline: d.newDeadline,
      reason: d.reason,
      decision: 'pending',
    });
  }

  grantExtension(at: string, d: DeadlineExtended['data']): void {
    this.settleExtension('approved', at, d.approvedBy, d.reason, d.previousDeadline, d.newDeadline);
    this.deadlines.push({ deadline: d.newDeadline, setAt: at, by: 'extension' });
  }

  denyExtension(at: string, d: DeadlineExtensionDenied['data']): void {
    this.settleExtension('denied', at, d.deniedBy, d.reason, this.currentDeadline ?? '', d.requestedDeadline);
  }

  /** The unit's duty is discharged when it submits; its overdue count stops at the completion it reports. */
  rectify(at: string, d: HazardRectified['data']): void {
    const onTime = typeof d.onTime === 'boolean' ? d.onTime : instant(d.completedAt) <= instant(d.deadline);
    this.rectifications.push({
      submittedAt: at,
      completedAt: d.completedAt,
      submittedBy: d.submittedBy,
      responsibleUnitId: d.responsibleUnitId,
      deadline: d.deadline,
      onTime,
    });
    this.closeInterval(at, d.completedAt);
    this.lapsePendingExtension();
  }

  /** A failed check puts the duty back on the same unit from the moment of failure. */
  failVerification(entry: VerificationEntry): void {
    this.failedVerifications.push(entry);
    if (this.duty && this.openInterval === undefined) this.openIntervalFor(this.duty, 'verification-failed', entry.at);
  }

  verify(entry: VerificationEntry): void {
    this.closeInterval(entry.at);
    this.verification = { ...entry, held: true };
    this.endedAt = entry.at;
  }

  markOverdue(entry: OverdueEntry): void {
    this.overdue.push(entry);
  }

  /** The hazard came back after this cycle: its verification did not hold. */
  recur(at: string): void {
    this.closeInterval(at);
    this.lapsePendingExtension();
    this.recurredAt = at;
    if (this.verification) this.verification = { ...this.verification, held: false };
  }

  /**
   * The cycle as replayed so far, to be read at any `now`: what does not depend on it (closed spans, their
   * overdue time, the deadline schedule, the lists) is computed here once. Later changes to the draft do not
   * reach a reading already made.
   */
  reading(): (now: string) => CycleTrail {
    return cycleReading({
      head: { occurrence: this.occurrence, cause: this.cause, startedAt: this.startedAt, startedBy: this.startedBy, endedAt: this.endedAt },
      intervals: [...this.intervals],
      deadlines: [...this.deadlines],
      extensions: [...this.extensions],
      rectifications: [...this.rectifications],
      overdue: [...this.overdue],
      failedVerifications: [...this.failedVerifications],
      closures: this.closures.entries(),
      verification: this.verification,
      recurredAt: this.recurredAt,
    });
  }

  private openIntervalFor(duty: Duty, cause: ResponsibilityInterval['cause'], at: string): void {
    this.openInterval = this.intervals.length;
    this.intervals.push({ ...duty, cause, from: at });
  }

  private closeInterval(at: string, dutyUntil?: string): void {
    if (this.openInterval === undefined) return;
    const open = this.intervals[this.openInterval] as DraftInterval;
    this.intervals[this.openInterval] = { ...open, to: at, ...(dutyUntil !== undefined && { dutyUntil }) };
    this.openInterval = undefined;
  }

  /** Matches a decision to the pending request; a decision without one is still recorded, as a fact. */
  private settleExtension(decision: 'approved' | 'denied', at: string, by: string, why: string, previous: string, requested: string): void {
    const decided = { decision, decidedBy: by, decidedAt: at, decisionReason: why } as const;
    if (this.pendingExtension === undefined) {
      this.extensions.push({ previousDeadline: previous, newDeadline: requested, ...decided });
      return;
    }
    const request = this.extensions[this.pendingExtension] as ExtensionEntry;
    this.extensions[this.pendingExtension] = { ...request, ...decided };
    this.pendingExtension = undefined;
  }

  private lapsePendingExtension(): void {
    if (this.pendingExtension === undefined) return;
    const request = this.extensions[this.pendingExtension] as ExtensionEntry;
    this.extensions[this.pendingExtension] = { ...request, decision: 'lapsed' };
    this.pendingExtension = undefined;
  }
}
