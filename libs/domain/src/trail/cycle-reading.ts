import { ClosureEntry } from './closure-log';
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
import { DeadlineSchedule } from './deadline-schedule';
import { instant, msToDays, spanMs } from './trail-time';

/** An interval plus where its overdue count stops: completedAt when the unit closed it by rectifying. */
export type DraftInterval = Omit<ResponsibilityInterval, 'days'> & { readonly dutyUntil?: string };

/** What a replayed cycle holds when it is frozen: copies, so later changes to the draft do not reach a reading. */
export interface FrozenCycle {
  readonly head: Pick<CycleTrail, 'occurrence' | 'cause' | 'startedAt' | 'startedBy' | 'endedAt'>;
  readonly intervals: readonly DraftInterval[];
  readonly deadlines: readonly DeadlineEntry[];
  readonly extensions: readonly ExtensionEntry[];
  readonly rectifications: readonly RectificationEntry[];
  readonly overdue: readonly OverdueEntry[];
  readonly failedVerifications: readonly VerificationEntry[];
  readonly closures: readonly ClosureEntry[];
  readonly verification?: PassedVerification;
  readonly recurredAt?: string;
}

/**
 * The cycle, to be read at any `now`: what does not depend on it (closed spans, their overdue time, the
 * deadline schedule, the lists) is computed here once, so a reader of a long history pays per request only
 * for the spans still open.
 */
export function cycleReading(cycle: FrozenCycle): (now: string) => CycleTrail {
  const schedule = new DeadlineSchedule(cycle.deadlines.map((d) => ({ at: instant(d.setAt), deadline: instant(d.deadline) })));
  const spans = cycle.intervals.map(({ dutyUntil, ...shown }) => {
    const from = instant(shown.from);
    const to = shown.to !== undefined ? instant(shown.to) : undefined;
    const until = dutyUntil !== undefined ? instant(dutyUntil) : to;
    return {
      shown,
      from,
      /** Fixed once the span has ended (or its duty was discharged); else it runs until now. */
      overdueMs: until !== undefined ? schedule.overdueMs(from, until) : undefined,
      closed: to !== undefined ? { ...shown, days: msToDays(spanMs(from, to)) } : undefined,
    };
  });
  const last = cycle.rectifications[cycle.rectifications.length - 1];
  const { head } = cycle;
  return (now) => {
    const nowMs = instant(now);
    const overdueByUnit: Record<string, number> = {};
    for (const span of spans) {
      const unit = span.shown.responsibleUnitId;
      overdueByUnit[unit] = (overdueByUnit[unit] ?? 0) + (span.overdueMs ?? schedule.overdueMs(span.from, nowMs));
    }
    // Keys in the order the answer has always had them (its JSON is compared byte for byte).
    return {
      occurrence: head.occurrence,
      cause: head.cause,
      startedAt: head.startedAt,
      startedBy: head.startedBy,
      ...(head.endedAt !== undefined && { endedAt: head.endedAt }),
      responsibility: spans.map((span) => span.closed ?? { ...span.shown, days: msToDays(spanMs(span.from, nowMs)) }),
      deadlines: [...cycle.deadlines],
      extensions: [...cycle.extensions],
      rectifications: [...cycle.rectifications],
      ...(last && { rectifiedAt: last.completedAt, submittedBy: last.submittedBy, onTime: last.onTime }),
      overdue: [...cycle.overdue],
      overdueDaysByUnit: Object.fromEntries(Object.entries(overdueByUnit).map(([unit, ms]) => [unit, msToDays(ms)])),
      failedVerifications: [...cycle.failedVerifications],
      closures: [...cycle.closures],
      ...(cycle.verification && { verification: cycle.verification }),
      ...(cycle.recurredAt !== undefined && { recurredAt: cycle.recurredAt }),
    };
  };
}
