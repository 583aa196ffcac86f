/**
 * What statistics need of the reference catalogue (行业, 区划): the row keys and their names. Kept this small
 * so the report does not depend on the catalogue module; the catalogue (or a test double) implements it.
 */
export interface StatisticsCatalogue {
  /** The direct children of a region (the roots for null), any order. */
  regionChildren(code: string | null): readonly { readonly code: string; readonly name: string }[];
  /** The region's zh-CN name (上城区, 上城区（33010201）, or the code itself). */
  regionName(code: string): string;
  /** Every catalogue sector, in catalogue order. */
  readonly sectors: readonly { readonly code: string; readonly name: string }[];
  /** The sector's zh-CN name, or the code itself when unknown. */
  sectorName(code: string): string;
}
