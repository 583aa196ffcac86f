import { ReferenceChecks } from '../hazard/hazard-rules';
import { checkBasis } from './basis-check';
import { unknownSector } from './catalogue.errors';
import { Catalogue, RegionEntry } from './catalogue.types';

export * from './catalogue.types';
export * from './catalogue.errors';
export * from './catalogue.parser';
export * from './basis-check';

/** Whether new hazards may be reported in `sector` (a re-report is not checked: it records no sector). */
export function hasSector(catalogue: Catalogue, sector: string): boolean {
  return catalogue.sectors.some((entry) => entry.code === sector);
}

/** The sector's zh-CN name, else the code as it is. */
export function sectorName(catalogue: Catalogue, sector: string): string {
  return catalogue.sectors.find((entry) => entry.code === sector)?.name ?? sector;
}

/**
 * A region's own name (330102 → 上城区); else its longest catalogue prefix's name with the code in full-width
 * brackets (33010201 → 上城区（33010201）); else the code. Hazards keep the regionCode they were reported with,
 * which the catalogue need not list.
 */
export function regionName(catalogue: Catalogue, regionCode: string): string {
  const own = catalogue.regions.find((region) => region.code === regionCode);
  if (own) return own.name;
  const enclosing = longestPrefix(catalogue.regions, regionCode);
  return enclosing ? `${enclosing.name}（${regionCode}）` : regionCode;
}

function longestPrefix(regions: readonly RegionEntry[], regionCode: string): RegionEntry | undefined {
  let best: RegionEntry | undefined;
  for (const region of regions) {
    const encloses = region.code.length < regionCode.length && regionCode.startsWith(region.code);
    if (encloses && region.code.length > (best?.code.length ?? 0)) best = region;
  }
  return best;
}

/** The decider's view of the catalogue (HazardRules.reference): each check throws a CatalogueError naming the code. */
export function referenceChecksOf(catalogue: Catalogue): ReferenceChecks {
  return {
    checkSector: (sector) => {
      if (!hasSector(catalogue, sector)) throw unknownSector(sector);
    },
    checkBasis: (basisCode, sector, at) => void checkBasis(catalogue, basisCode, sector, at),
  };
}
