import type { ClosureEntry } from './closure-log';
import { AuthorityLevel, HazardSource, HazardStatus, SupervisionReason } from '../hazard/hazard-values';

/**
 * One stored event as the trail reads it. The API maps each RecordedEvent to this (`metadata.occurredAt`,
 * `metadata.actor`), so the domain never depends on the event store. `occurredAt` is the ledger time of the
 * fact (the command's `now`); every "at", "from" and "to" of the trail is such a time unless it says otherwise.
 */
export interface TrailInput {
  readonly type: string;
  readonly data: unknown;
  readonly revision: number;
  readonly occurredAt: string;
  readonly actor: { readonly userId: string; readonly departmentId: string };
}

export interface TrailOptions {
  /** The moment the trail is computed for: open responsibility and running overdue periods end here. */
  readonly now: string;
  /** 迟报 limit (LATE_REPORT_HOURS): a report recorded more than this many hours after discovery is late. */
  readonly lateReportHours: number;
}

/**
 * 失职追责 trail of one hazard, JSON as it stands. Rounding: hours and days to 2 decimals, half up, from
 * exact milliseconds (sums are taken before rounding); flags (`late`, `onTime`) compare exact times, so
 * 24 h 10 s shows `delayHours: 24` and `late: true` against a 24-hour limit.
 */
export interface HazardTrail {
  /** null only for a history without HazardFound (which `decide` never writes). */
  readonly hazardId: string | null;
  /** The `now` the open periods were counted to. */
  readonly asOf: string;
  readonly lateReportHours: number;
  /** The first report; null without HazardFound. */
  readonly reporting: ReportingDelay | null;
  /** Every later report of the same key, each with its own delay (屡查屡犯 and 迟报 alike). */
  readonly refindings: readonly Refinding[];
  readonly cycles: readonly CycleTrail[];
  readonly supervision: readonly SupervisionEntry[];
}

export interface ReportingDelay {
  readonly discoveredAt: string;
  /** When the report entered the ledger: the event's occurredAt. */
  readonly recordedAt: string;
  /** recordedAt − discoveredAt in hours; null when either time cannot be read. */
  readonly delayHours: number | null;
  readonly late: boolean;
  readonly reportedBy: string;
  readonly reportingDepartment: string;
}

export interface Refinding extends ReportingDelay {
  /** The cycle the report belongs to (the new one when it opened a cycle). */
  readonly occurrence: number;
  readonly previousStatus: HazardStatus;
  /** True when it came back after verification and so opened a new cycle. */
  readonly newCycle: boolean;
  readonly source: HazardSource;
}

/** One rectification cycle (occurrence). */
export interface CycleTrail {
  readonly occurrence: number;
  /** What opened it: the first report, a report after verification, or a reopening decision. */
  readonly cause: 'found' | 'found-again' | 'reopened';
  readonly startedAt: string;
  readonly startedBy: string;
  /** The passing verification's time; absent while the cycle is open. */
  readonly endedAt?: string;
  readonly responsibility: readonly ResponsibilityInterval[];
  readonly deadlines: readonly DeadlineEntry[];
  readonly extensions: readonly ExtensionEntry[];
  readonly rectifications: readonly RectificationEntry[];
  /** completedAt of the last rectification. */
  readonly rectifiedAt?: string;
  readonly submittedBy?: string;
  /** Whether the last rectification was completed by the deadline in force (as `decide` recorded it). */
  readonly onTime?: boolean;
  /** The deadline scheduler's RectificationOverdue facts. */
  readonly overdue: readonly OverdueEntry[];
  /**
   * Days past the deadline in force, charged to the unit responsible at the time; every unit that held
   * responsibility in the cycle is listed, 0 when it was never late. Counted while a unit holds duty and
   * only until its completedAt, so the wait for verification is nobody's overdue time.
   */
  readonly overdueDaysByUnit: Readonly<Record<string, number>>;
  readonly failedVerifications: readonly VerificationEntry[];
  readonly verification?: PassedVerification;
  /** 销号 applications of the cycle, in order, each with its review (or none yet). */
  readonly closures: readonly ClosureEntry[];
  /** When the next cycle opened (found again after verification, or reopened). */
  readonly recurredAt?: string;
}

/**
 * A span during which one unit answered for the fix. It ends when the unit submits its rectification
 * (duty discharged), when it is reassigned, or at verification; a failed verification starts a new span
 * for the same unit. `to` is absent while the span is running.
 */
export interface ResponsibilityInterval {
  readonly responsibleUnitId: string;
  readonly responsiblePerson: string;
  readonly supervisingDepartment: string;
  readonly assignedBy: string;
  readonly cause: 'assignment' | 'reassignment' | 'verification-failed';
  readonly from: string;
  readonly to?: string;
  /** to (or now) − from, in days. */
  readonly days: number;
}

export interface DeadlineEntry {
  readonly deadline: string;
  readonly setAt: string;
  readonly by: 'assignment' | 'extension';
}

export interface ExtensionEntry {
  /** Absent only for a decision without its request in the history. */
  readonly requestedAt?: string;
  readonly requestedBy?: string;
  readonly previousDeadline: string;
  readonly newDeadline: string;
  /** The requester's reason. */
  readonly reason?: string;
  /** `lapsed`: never decided before a reassignment, a rectification, a newer request or a new cycle. */
  readonly decision: 'approved' | 'denied' | 'pending' | 'lapsed';
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly decisionReason?: string;
}

export interface RectificationEntry {
  readonly submittedAt: string;
  readonly completedAt: string;
  readonly submittedBy: string;
  readonly responsibleUnitId: string;
  readonly deadline: string;
  readonly onTime: boolean;
}

export interface OverdueEntry {
  readonly deadline: string;
  readonly detectedAt: string;
  readonly responsibleUnitId: string;
}

export interface VerificationEntry {
  readonly at: string;
  readonly by: string;
  readonly department: string;
  readonly notes: string;
}

export interface PassedVerification extends VerificationEntry {
  /** False when the hazard was found again or reopened after it: a verification that did not hold. */
  readonly held: boolean;
}

/** `level` and `department` describe the supervision (督办 authority); `by` and `at` the act. */
export type SupervisionEntry =
  | {
      readonly action: 'imposed';
      readonly occurrence: number;
      readonly level: AuthorityLevel;
      readonly reason: SupervisionReason;
      readonly department: string;
      readonly by: string;
      readonly at: string;
      /** The 督办通知书: null for impositions recorded before notices existed. */
      readonly supervisionId: string | null;
      readonly documentNo: string | null;
      readonly notice: NoticeEntry;
    }
  | {
      readonly action: 'lifted';
      readonly occurrence: number;
      /** The level that was lifted; absent if no imposition is in the history. */
      readonly level?: AuthorityLevel;
      readonly reason: string;
      readonly department: string;
      readonly by: string;
      readonly at: string;
    };

/** 送达 and 签收 of one imposition's notice; signOverdue = (signedAt, or the trail's asOf while unsigned) > signDue. */
export interface NoticeEntry {
  readonly servedBy: string | null;
  readonly servedAt: string | null;
  readonly recipient: string | null;
  readonly signedBy: string | null;
  readonly signedAt: string | null;
  readonly signDue: string | null;
  readonly signOverdue: boolean;
}
