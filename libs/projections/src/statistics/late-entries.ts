import { ms } from './cycle-at-end';
import { FactStamp, HazardFacts } from './cycle-facts';
import { inStatisticsScope, normaliseScope, StatisticsScope } from './statistics-grouping';

/** A fact recorded after a filing's position that counts before the period's end (mostly a finding reported late, 迟报). */
export interface LateEntry {
  readonly hazardId: string;
  readonly occurrence: number;
  /** The event type that recorded it (HazardFound, HazardFoundAgain, HazardVerified…). */
  readonly type: string;
  readonly countsAt: string;
  readonly recordedAt: string;
  readonly position: number;
}

/**
 * The facts recorded after `afterPosition` that count before `to`, in log order: what separates a filing
 * recomputed at its position from the same report computed now. With a scope, only the hazards in it.
 */
export function lateEntries(facts: Iterable<HazardFacts>, afterPosition: number, to: string, scope?: Partial<StatisticsScope>): LateEntry[] {
  const toMs = ms(to);
  const within = normaliseScope(scope ?? {});
  const entries: LateEntry[] = [];
  const consider = (h: HazardFacts, occurrence: number, fact: FactStamp & { readonly type: string }): void => {
    if (fact.position > afterPosition && ms(fact.at) < toMs) {
      entries.push({ hazardId: h.hazardId, occurrence, type: fact.type, countsAt: fact.at, recordedAt: fact.recordedAt, position: fact.position });
    }
  };
  for (const h of facts) {
    if (!inStatisticsScope(h, within)) continue;
    for (const cycle of h.cycles) {
      consider(h, cycle.occurrence, cycle.opened);
      for (const fact of cycle.facts) consider(h, cycle.occurrence, fact);
    }
    for (const fact of [...h.levels, ...h.supervision]) consider(h, fact.occurrence, fact);
  }
  return entries.sort((a, b) => a.position - b.position);
}
