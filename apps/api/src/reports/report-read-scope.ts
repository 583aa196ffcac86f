import { ReportReadScope } from '@hazard/domain';
import { HazardFacts } from '@hazard/projections';

/** Only the hazards the reader may read count: its sectors × region prefixes (null: all), before any figure is computed. */
export function withinReadScope(facts: readonly HazardFacts[], scope: ReportReadScope): HazardFacts[] {
  const { sectors, regions } = scope;
  return facts.filter((h) => (sectors === null || sectors.includes(h.sector)) && (regions === null || regions.some((prefix) => h.regionCode.startsWith(prefix))));
}
