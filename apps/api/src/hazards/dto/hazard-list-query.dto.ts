import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { HazardLevel, HazardStatus, LEVELS, STATUSES } from '@hazard/domain';
import { DASHBOARD_DATE } from '@hazard/projections';
import { MinPositionQueryDto } from '../../dashboard/read-models/min-position-query.dto';
import { MAX_PAGE } from '../../edge/hostile-input/query-bounds';

export const MAX_PAGE_SIZE = 200;
const BOOLEANS = ['true', 'false'] as const;

/** `GET /hazards` filters and paging. An unknown value is a 400 naming the parameter (unknown parameters too). */
export class HazardListQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional() @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: HazardStatus;

  @ApiPropertyOptional({ example: 'gas' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  sector?: string;

  @ApiPropertyOptional({ example: '3301', description: 'a region-code prefix: 33 (province), 3301 (city), 330102 (district)…' })
  @IsOptional() @Matches(/^\d{1,12}$/, { message: 'regionCode must be 1 to 12 digits (a region-code prefix)' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional() @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level?: HazardLevel;

  @ApiPropertyOptional({ example: '91330100MA2XXXX01' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  unitId?: string;

  @ApiPropertyOptional({ enum: BOOLEANS, description: 'overdue now: being worked on and its deadline passed' })
  @IsOptional() @IsIn(BOOLEANS, { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: BOOLEANS, description: 'under 挂牌督办' })
  @IsOptional() @IsIn(BOOLEANS, { message: 'underSupervision must be true or false' })
  underSupervision?: 'true' | 'false';

  @ApiPropertyOptional({ example: '2026-01', description: 'found on or after this day (YYYY-MM-DD) or month (YYYY-MM), in TIME_ZONE' })
  @IsOptional() @Matches(DASHBOARD_DATE, { message: 'from must be a day YYYY-MM-DD or a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03', description: 'found on or before this day (YYYY-MM-DD) or month (YYYY-MM, to its last day), in TIME_ZONE' })
  @IsOptional() @Matches(DASHBOARD_DATE, { message: 'to must be a day YYYY-MM-DD or a month YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page must be at least 1' })
  @Max(MAX_PAGE, { message: `page must not exceed ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be at least 1' }) @Max(MAX_PAGE_SIZE, { message: `pageSize must not exceed ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}
