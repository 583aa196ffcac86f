import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { SELF_CHECK_PERIOD_PATTERN, UNIT_TYPES, UnitType } from '@hazard/domain';
import { MinPositionQueryDto } from '../../dashboard/read-models/min-position-query.dto';
import { MAX_PAGE } from '../../edge/hostile-input/query-bounds';
import { LIST_FORMATS, ListFormat } from '../../dashboard/dto/dashboard-list-query.dto';
import { PERIOD_MESSAGE } from './self-check-report.dto';

const REGION_PREFIX = /^\d{2,12}$/;
const REGION_PREFIX_MESSAGE = 'regionCode must be 2 to 12 digits (a region-code prefix such as 3301)';
export const MAX_UNIT_PAGE_SIZE = 100;

/** `GET /units?regionCode&type&page&pageSize`. */
export class UnitListQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ example: '3301', description: 'a region-code prefix' })
  @IsOptional() @Matches(REGION_PREFIX, { message: REGION_PREFIX_MESSAGE })
  regionCode?: string;

  @ApiPropertyOptional({ enum: UNIT_TYPES })
  @IsOptional() @IsIn(UNIT_TYPES, { message: `type must be one of ${UNIT_TYPES.join(', ')}` })
  type?: UnitType;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page must be a whole number' }) @Min(1, { message: 'page must be at least 1' })
  @Max(MAX_PAGE, { message: `page must not exceed ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_UNIT_PAGE_SIZE, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be at least 1' }) @Max(MAX_UNIT_PAGE_SIZE, { message: `pageSize must not exceed ${MAX_UNIT_PAGE_SIZE}` })
  pageSize?: number;
}

/** `GET /dashboard/self-reporting?period&regionCode&format`. */
export class SelfReportingQueryDto extends MinPositionQueryDto {
  @ApiProperty({ example: '2026-03' })
  @IsString({ message: PERIOD_MESSAGE }) @Matches(SELF_CHECK_PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ example: '3301', description: 'a region-code prefix' })
  @IsOptional() @Matches(REGION_PREFIX, { message: REGION_PREFIX_MESSAGE })
  regionCode?: string;

  @ApiPropertyOptional({ enum: LIST_FORMATS, default: 'json', description: 'csv or xlsx download the `missing` list' })
  @IsOptional() @IsIn(LIST_FORMATS, { message: `format must be one of ${LIST_FORMATS.join(', ')}` })
  format?: ListFormat;
}
