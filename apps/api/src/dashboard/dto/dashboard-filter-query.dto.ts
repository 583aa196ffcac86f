import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DASHBOARD_DATE } from '@hazard/projections';
import { MinPositionQueryDto } from '../read-models/min-position-query.dto';

const DATE_MESSAGE = (field: string) => `${field} must be a day YYYY-MM-DD or a month YYYY-MM (in TIME_ZONE)`;

/**
 * The dashboard's filters, on the summary, the lists and their exports. `regionCode` and `sector` as on `GET /hazards`
 * (a region prefix; a sector code, here checked against the catalogue); `from`/`to` the days (or months) the hazards
 * were found in, both inclusive, local to TIME_ZONE.
 */
export class DashboardFilterQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'found on or after this day (YYYY-MM-DD) or month (YYYY-MM, its 1st), in TIME_ZONE' })
  @IsOptional() @Matches(DASHBOARD_DATE, { message: DATE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'found on or before this day (YYYY-MM-DD) or month (YYYY-MM, to its last day), in TIME_ZONE' })
  @IsOptional() @Matches(DASHBOARD_DATE, { message: DATE_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ example: '3301', description: 'a region-code prefix: 33 (province), 3301 (city), 330106 (district)…' })
  @IsOptional() @Matches(/^\d{1,12}$/, { message: 'regionCode must be 1 to 12 digits (a region-code prefix)' })
  regionCode?: string;

  @ApiPropertyOptional({ example: 'gas', description: 'a sector code of GET /catalogue' })
  @IsOptional() @IsString({ message: 'sector must be a sector code of the catalogue' }) @MaxLength(64, { message: 'sector must be a sector code of the catalogue' })
  sector?: string;
}
