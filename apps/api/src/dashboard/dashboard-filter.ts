import { BadRequestException } from '@nestjs/common';
import { Catalogue, hasSector } from '@hazard/domain';
import { DashboardFilter, dashboardPeriod, DashboardPeriodError, trendBuckets, TrendBucket } from '@hazard/projections';
import { DashboardFilterQueryDto } from './dto/dashboard-filter-query.dto';

/**
 * The query's filters as the read models take them: `from`/`to` as instants of TIME_ZONE. A sector outside the
 * catalogue or a period that ends before it begins is a 400 naming the field (a typo must not read as "no hazards").
 */
export function dashboardFilterOf(query: DashboardFilterQueryDto, catalogue: Catalogue, timeZone: string): DashboardFilter {
  const found = foundPeriodOf(query, timeZone);
  return { ...areaOf(query, catalogue), ...(found && { found }) };
}

/** `from`/`to` (days or months of TIME_ZONE, both inclusive) as the instants hazards were found between; 400 when malformed. */
export function foundPeriodOf(query: { readonly from?: string; readonly to?: string }, timeZone: string): DashboardFilter['found'] {
  return asBadRequest(() => dashboardPeriod(query.from, query.to, timeZone));
}

/** The trend's months (from/to choose them) and its sector and region. */
export function trendQueryOf(query: DashboardFilterQueryDto, catalogue: Catalogue, timeZone: string, now: Date): { buckets: TrendBucket[]; filter: DashboardFilter } {
  return { buckets: asBadRequest(() => trendBuckets(query.from, query.to, timeZone, now)), filter: areaOf(query, catalogue) };
}

function areaOf(query: DashboardFilterQueryDto, catalogue: Catalogue): DashboardFilter {
  if (query.sector !== undefined && !hasSector(catalogue, query.sector)) {
    throw new BadRequestException({
      message: `sector ${JSON.stringify(query.sector)} is not a sector of the catalogue`,
      code: 'CATALOGUE.UNKNOWN_SECTOR',
      details: { field: 'sector', value: query.sector },
    });
  }
  return { ...(query.sector !== undefined && { sector: query.sector }), ...(query.regionCode !== undefined && { regionCode: query.regionCode }) };
}

function asBadRequest<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DashboardPeriodError) throw new BadRequestException({ message: error.message, code: error.code, details: error.details });
    throw error;
  }
}
