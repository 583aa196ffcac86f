import { Catalogue, regionName, sectorName } from '@hazard/domain';
import { StatisticsCatalogue } from '@hazard/projections';

/** The loaded catalogue as period statistics read it: region children in catalogue order, names as DESIGN.md gives them. */
export function statisticsCatalogueOf(catalogue: Catalogue): StatisticsCatalogue {
  return {
    regionChildren: (code) => catalogue.regions.filter((region) => region.parent === code).map(({ code: child, name }) => ({ code: child, name })),
    regionName: (code) => regionName(catalogue, code),
    sectors: catalogue.sectors,
    sectorName: (code) => sectorName(catalogue, code),
  };
}
