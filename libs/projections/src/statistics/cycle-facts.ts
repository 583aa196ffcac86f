import { AuthorityLevel, HazardEvent, HazardLevel, HazardSource, hazardDecoder } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';

/** When a fact counts and where it stands in the log (so a reader can leave out what was recorded after a position). */
export interface FactStamp {
  /** The instant it counts at: the discoveredAt of a finding, else the event's occurredAt. */
  readonly at: string;
  readonly position: number;
  readonly recordedAt: string;
}

/** What opened a cycle: a finding (with its source) or a reopening after verification (no source). */
export type CycleOpening = FactStamp & {
  readonly type: 'HazardFound' | 'HazardFoundAgain' | 'HazardReopened';
  readonly source: HazardSource | null;
};

/** What happened inside one cycle, in log order. */
export type CycleFact = FactStamp &
  (
    | { readonly type: 'RectificationAssigned'; readonly deadline: string }
    | { readonly type: 'DeadlineExtended'; readonly deadline: string }
    | { readonly type: 'RemediationPlanSubmitted'; readonly fundingFen: number | null }
    | { readonly type: 'HazardRectified'; readonly onTime: boolean }
    | { readonly type: 'HazardVerified' }
    | { readonly type: 'VerificationFailed' }
  );

/** What belongs to the hazard across its cycles; `occurrence` is the cycle current when it happened. */
export type HazardWideFact = FactStamp & { readonly occurrence: number } & (
    | { readonly type: 'HazardLevelChanged'; readonly level: HazardLevel }
    | { readonly type: 'SupervisionImposed'; readonly authorityLevel: AuthorityLevel }
    | { readonly type: 'SupervisionLifted' }
  );

export interface CycleFacts {
  readonly occurrence: number;
  readonly opened: CycleOpening;
  readonly facts: readonly CycleFact[];
}

/**
 * Everything period statistics need of one hazard, each fact with the instant it counts at, so the figures
 * of any period end (and as of any log position) can be computed later. Plain JSON: stored per hazard in a
 * read-model table and rebuilt in memory by a recomputation, by the same fold.
 */
export interface HazardFacts {
  readonly hazardId: string;
  readonly unitId: string;
  readonly sector: string;
  readonly regionCode: string;
  /** The level as first found; `levels` holds each change after it. */
  readonly level: HazardLevel;
  /** The cycle the next cycle event belongs to (as `evolve` keeps it). */
  readonly occurrence: number;
  readonly cycles: readonly CycleFacts[];
  readonly levels: readonly Extract<HazardWideFact, { type: 'HazardLevelChanged' }>[];
  readonly supervision: readonly Extract<HazardWideFact, { type: 'SupervisionImposed' | 'SupervisionLifted' }>[];
}

/**
 * The one fold of the log into statistics facts, for the live projector and a recomputation alike.
 * `before` is the facts of the event's hazard so far (undefined before its HazardFound); the result replaces
 * them. Events of other streams, unknown types and events before a HazardFound leave `before` as it is.
 * Like `evolve` it follows facts, not rules, and never throws.
 */
export function foldCycleFacts(before: HazardFacts | undefined, recorded: RecordedEvent): HazardFacts | undefined {
  const hazardId = hazardDecoder.idOf(recorded.streamId);
  const event = hazardId === undefined ? undefined : hazardDecoder.decode(recorded);
  if (hazardId === undefined || event === undefined) return before;
  const stamp: FactStamp = { at: recorded.metadata.occurredAt ?? recorded.recordedAt, position: recorded.position, recordedAt: recorded.recordedAt };
  if (event.type === 'HazardFound') return before ?? firstFinding(hazardId, event, stamp);
  return before && evolveFacts(before, event, stamp);
}

/** Folds a run of recorded events into `facts` (keyed by hazardId), e.g. one page of `readAll` after another. */
export function collectCycleFacts(recorded: Iterable<RecordedEvent>, facts: Map<string, HazardFacts> = new Map()): Map<string, HazardFacts> {
  for (const r of recorded) {
    const hazardId = hazardDecoder.idOf(r.streamId);
    if (hazardId === undefined) continue;
    const after = foldCycleFacts(facts.get(hazardId), r);
    if (after) facts.set(hazardId, after);
  }
  return facts;
}

function firstFinding(hazardId: string, event: Extract<HazardEvent, { type: 'HazardFound' }>, stamp: FactStamp): HazardFacts {
  const d = event.data;
  const opened: CycleOpening = { type: 'HazardFound', source: d.source, ...stamp, at: instantOr(d.discoveredAt, stamp.at) };
  return {
    hazardId,
    unitId: d.unitId,
    sector: d.sector,
    regionCode: d.regionCode,
    level: d.level,
    occurrence: 1,
    cycles: [{ occurrence: 1, opened, facts: [] }],
    levels: [],
    supervision: [],
  };
}

function evolveFacts(h: HazardFacts, event: Exclude<HazardEvent, { type: 'HazardFound' }>, stamp: FactStamp): HazardFacts {
  const wide = { ...stamp, occurrence: h.occurrence };
  switch (event.type) {
    case 'HazardFoundAgain':
      // Found again while open is a repeat finding of the same cycle: nothing new to count.
      if (event.data.previousStatus !== 'verified') return h;
      return openCycle(h, event.data.occurrence, { type: 'HazardFoundAgain', source: event.data.source, ...stamp, at: instantOr(event.data.discoveredAt, stamp.at) });
    case 'HazardReopened':
      return openCycle(h, event.data.occurrence, { type: 'HazardReopened', source: null, ...stamp });
    case 'RectificationAssigned':
      return inCycle(h, { type: 'RectificationAssigned', deadline: event.data.deadline, ...stamp });
    case 'DeadlineExtended':
      return inCycle(h, { type: 'DeadlineExtended', deadline: event.data.newDeadline, ...stamp });
    case 'RemediationPlanSubmitted':
      return inCycle(h, { type: 'RemediationPlanSubmitted', fundingFen: fenOf(event.data.fundingAmount), ...stamp });
    case 'HazardRectified':
      return inCycle(h, { type: 'HazardRectified', onTime: event.data.onTime === true, ...stamp });
    case 'HazardVerified':
      return inCycle(h, { type: 'HazardVerified', ...stamp });
    case 'VerificationFailed':
      return inCycle(h, { type: 'VerificationFailed', ...stamp });
    case 'HazardLevelChanged':
      return { ...h, levels: [...h.levels, { type: 'HazardLevelChanged', level: event.data.to, ...wide }] };
    case 'SupervisionImposed':
      return { ...h, supervision: [...h.supervision, { type: 'SupervisionImposed', authorityLevel: event.data.authorityLevel, ...wide }] };
    case 'SupervisionLifted':
      return { ...h, supervision: [...h.supervision, { type: 'SupervisionLifted', ...wide }] };
    case 'DeadlineExtensionRequested':
    case 'DeadlineExtensionDenied':
    case 'RectificationOverdue':
    case 'ClosureApplied':
    case 'ClosureReviewOverdue':
    case 'SupervisionDocumentNumbered':
    case 'SupervisionNoticeServed':
    case 'SupervisionNoticeSigned':
      return h; // no figure depends on them: overdue at end is read from the deadline in force then
    default: {
      const unhandled: never = event;
      void unhandled;
      return h;
    }
  }
}

/** A new cycle becomes the current one; an occurrence already opened is not opened twice. */
function openCycle(h: HazardFacts, occurrence: number, opened: CycleOpening): HazardFacts {
  if (h.cycles.some((c) => c.occurrence === occurrence)) return h;
  return { ...h, occurrence, cycles: [...h.cycles, { occurrence, opened, facts: [] }] };
}

/** Appends to the current cycle, as `evolve` applies cycle events to the state's current occurrence. */
function inCycle(h: HazardFacts, fact: CycleFact): HazardFacts {
  const index = h.cycles.findIndex((c) => c.occurrence === h.occurrence);
  const cycle = h.cycles[index];
  if (!cycle) return h;
  const cycles = [...h.cycles];
  cycles[index] = { ...cycle, facts: [...cycle.facts, fact] };
  return { ...h, cycles };
}

/** 治理资金 in fen: yuan with at most 2 decimals, so rounding yuan × 100 is exact (0.1 + 0.2 yuan → 30 fen). */
export function fenOf(yuan: unknown): number | null {
  return typeof yuan === 'number' && Number.isFinite(yuan) ? Math.round(yuan * 100) : null;
}

/** A finding counts at its discoveredAt; if that is unreadable, at when it was reported. */
function instantOr(candidate: string | null | undefined, fallback: string): string {
  return typeof candidate === 'string' && Number.isFinite(Date.parse(candidate)) ? candidate : fallback;
}
