import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DashboardFilterQueryDto } from './dashboard-filter-query.dto';

export const LIST_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const MAX_LIST_LIMIT = 100_000;

/**
 * `/dashboard/overdue`, `/repeat-units`, `/departments`: the whole list, or its first `limit` rows, as JSON or a
 * download, under the dashboard's filters.
 */
export class DashboardListQueryDto extends DashboardFilterQueryDto {
  @ApiPropertyOptional({ enum: LIST_FORMATS, default: 'json', description: 'csv (UTF-8 with BOM, opens in Excel) or xlsx downloads' })
  @IsOptional() @IsIn(LIST_FORMATS, { message: `format must be one of ${LIST_FORMATS.join(', ')}` })
  format?: ListFormat;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIST_LIMIT, description: 'only the first rows (e.g. a top-10 table); all when absent' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' }) @Max(MAX_LIST_LIMIT, { message: `limit must not exceed ${MAX_LIST_LIMIT}` })
  limit?: number;
}
