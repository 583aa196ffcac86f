import { AuthorityLevel, HazardLevel } from '@hazard/domain';
import { CycleFacts, FactStamp, HazardFacts } from './cycle-facts';

/** The four 隐患来源 columns: monitoring, media, other and reopenings go to `other`. */
export const SOURCE_BUCKETS = ['inspection', 'self-check', 'citizen-report', 'other'] as const;
export type SourceBucket = (typeof SOURCE_BUCKETS)[number];

/** The moment figures are read at: facts counting before `endMs`, recorded at or before `position`. */
export interface AsOf {
  readonly endMs: number;
  /** A filing's log position; Infinity for everything recorded. */
  readonly position: number;
}

/** One cycle as the figures see it at end. */
export interface CycleAtEnd {
  readonly foundMs: number;
  readonly level: HazardLevel;
  readonly source: SourceBucket;
  /** The cycle's (first) passed verification, whenever it counts; null if none recorded. */
  readonly verifiedMs: number | null;
  /** Whether the rectification that verification accepted (the last one before it) was on time. */
  readonly acceptedOnTime: boolean;
  readonly openAtEnd: boolean;
  readonly overdueAtEnd: boolean;
  /** The latest plan before end; null without one. */
  readonly plan: { readonly fundingFen: number | null } | null;
}

export function ms(at: string): number {
  return Date.parse(at);
}

export function recorded(fact: Pick<FactStamp, 'position'>, asOf: AsOf): boolean {
  return fact.position <= asOf.position;
}

function before(fact: FactStamp, asOf: AsOf): boolean {
  return recorded(fact, asOf) && ms(fact.at) < asOf.endMs;
}

/** Whether the hazard existed in the log at the position (its HazardFound recorded by then). */
export function hazardRecorded(h: HazardFacts, asOf: AsOf): boolean {
  const first = h.cycles[0];
  return first !== undefined && recorded(first.opened, asOf);
}

/** The hazard's level at end: as found, changed by each HazardLevelChanged before end. */
export function levelAt(h: HazardFacts, asOf: AsOf): HazardLevel {
  let level = h.level;
  for (const change of h.levels) if (before(change, asOf)) level = change.level;
  return level;
}

/** The authority level of the supervision in force at end, or null when none is. */
export function supervisionAt(h: HazardFacts, asOf: AsOf): AuthorityLevel | null {
  let level: AuthorityLevel | null = null;
  for (const fact of h.supervision) {
    if (before(fact, asOf)) level = fact.type === 'SupervisionImposed' ? fact.authorityLevel : null;
  }
  return level;
}

/** The cycle a hazard was in at end: the last one opened before end, else its first. */
export function currentCycleAt(h: HazardFacts, asOf: AsOf): CycleFacts | undefined {
  let current = h.cycles[0];
  for (const cycle of h.cycles) if (before(cycle.opened, asOf)) current = cycle;
  return current;
}

export function sourceBucketOf(cycle: CycleFacts): SourceBucket {
  const source = cycle.opened.source;
  return source === 'inspection' || source === 'self-check' || source === 'citizen-report' ? source : 'other';
}

/** The cycle at end, or undefined if it was opened after the position. */
export function cycleAt(h: HazardFacts, cycle: CycleFacts, asOf: AsOf): CycleAtEnd | undefined {
  if (!recorded(cycle.opened, asOf)) return undefined;
  const facts = cycle.facts.filter((f) => recorded(f, asOf));
  const verification = facts.findIndex((f) => f.type === 'HazardVerified');
  const verifiedMs = verification < 0 ? null : ms(facts[verification]!.at);
  const accepted = facts.slice(0, Math.max(verification, 0)).filter((f) => f.type === 'HazardRectified').pop();
  const foundMs = ms(cycle.opened.at);
  const openAtEnd = foundMs < asOf.endMs && !(verifiedMs !== null && verifiedMs < asOf.endMs);
  const atEnd = facts.filter((f) => ms(f.at) < asOf.endMs);
  const plan = atEnd.filter((f) => f.type === 'RemediationPlanSubmitted').pop();
  return {
    foundMs,
    level: levelAt(h, asOf),
    source: sourceBucketOf(cycle),
    verifiedMs,
    acceptedOnTime: accepted?.type === 'HazardRectified' && accepted.onTime,
    openAtEnd,
    overdueAtEnd: openAtEnd && overdue(cycle, atEnd, asOf.endMs),
    plan: plan?.type === 'RemediationPlanSubmitted' ? { fundingFen: plan.fundingFen } : null,
  };
}

/** `assigned`, or `reopened` keeping its assignment (a failed verification), with the deadline then passed. */
function overdue(cycle: CycleFacts, atEnd: CycleFacts['facts'], endMs: number): boolean {
  let status = cycle.opened.type === 'HazardFound' ? 'found' : 'reopened';
  let deadline: string | null = null;
  for (const fact of atEnd) {
    switch (fact.type) {
      case 'RectificationAssigned':
        status = 'assigned';
        deadline = fact.deadline;
        break;
      case 'DeadlineExtended':
        if (deadline !== null) deadline = fact.deadline;
        break;
      case 'HazardRectified':
        status = 'rectified';
        break;
      case 'HazardVerified':
        status = 'verified';
        break;
      case 'VerificationFailed':
        status = 'reopened';
        break;
      case 'RemediationPlanSubmitted':
        break;
    }
  }
  const assignedThen = status === 'assigned' || (status === 'reopened' && deadline !== null);
  return assignedThen && deadline !== null && ms(deadline) < endMs;
}
